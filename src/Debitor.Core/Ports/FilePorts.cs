using System.Collections.Concurrent;
using System.Text;
using Debitor.Core.Files;

namespace Debitor.Core.Ports;

/// <summary>Scans a file for viruses before it is stored (R0.5); implemented by the host (e.g. with ClamAV).</summary>
public interface IVirusScanner
{
    /// <summary>Scans content.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>Clean, infected, or failed with the reason. A scanner may also throw; the caller treats that as failed.</returns>
    ValueTask<ScanResult> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}

/// <summary>Stores attached files; implemented by the host (file system, blob storage, DMS).</summary>
public interface IFileStorage
{
    /// <summary>Stores content under a key.</summary>
    /// <remarks>The library's keys are content-addressed (they end in the content's SHA-256): a key always carries the same
    /// bytes, so storing under a key that exists may be skipped. Implementations must never replace stored content with
    /// other bytes.</remarks>
    /// <param name="key">The key.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    ValueTask StoreAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Reads stored content.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bytes, or <see langword="null"/> when nothing is stored under the key.</returns>
    ValueTask<ReadOnlyMemory<byte>?> ReadAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A thread-safe in-memory <see cref="IFileStorage"/> for tests and samples. It never replaces stored content:
/// storing the same bytes again is a no-op, other bytes under a used key are refused.</summary>
public sealed class InMemoryFileStorage : IFileStorage
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The number of stored files.</summary>
    public int Count => _files.Count;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty, or other content is stored under it.</exception>
    public ValueTask StoreAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = _files.GetOrAdd(key, _ => content.ToArray());
        return stored.AsSpan().SequenceEqual(content.Span)
            ? ValueTask.CompletedTask
            : throw new ArgumentException($"Other content is stored under '{key}'; stored content is never replaced.", nameof(key));
    }

    /// <inheritdoc />
    public ValueTask<ReadOnlyMemory<byte>?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<ReadOnlyMemory<byte>?>(_files.TryGetValue(key, out var content) ? new ReadOnlyMemory<byte>(content) : (ReadOnlyMemory<byte>?)null);
    }
}

/// <summary>
/// The shipped scanner for tests and samples: it recognises the EICAR anti-virus test file and nothing else.
/// Hosts must plug in a real scanner.
/// </summary>
public sealed class EicarTestScanner : IVirusScanner
{
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE");

    /// <inheritdoc />
    public ValueTask<ScanResult> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(content.Span.IndexOf(Signature) >= 0
            ? new ScanResult(ScanVerdict.Infected, "EICAR-Test-File")
            : ScanResult.Clean);
    }
}

/// <summary>
/// The default scanner registered by <c>AddDebitorCore</c>: it answers every scan with "failed", so no file is stored
/// until the host registers a real <see cref="IVirusScanner"/> (fail closed).
/// </summary>
public sealed class UnconfiguredVirusScanner : IVirusScanner
{
    /// <inheritdoc />
    public ValueTask<ScanResult> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ScanResult(ScanVerdict.Failed, "No virus scanner is configured; register an IVirusScanner."));
}
