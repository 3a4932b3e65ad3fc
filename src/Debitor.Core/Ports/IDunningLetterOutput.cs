using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;

namespace Debitor.Core.Ports;

/// <summary>
/// Receives issued dunning letters for rendering and dispatch (e-mail, print, PDF); implemented by the host.
/// </summary>
/// <remarks>
/// Called after the letter's notices were stored. A letter id is handed over once per processing; should a processing
/// be interrupted between the accounts of a payer's letter and run again, the remaining part arrives under the same
/// <see cref="DunningLetter.Id"/>, so implementations should store letters by id.
/// </remarks>
public interface IDunningLetterOutput
{
    /// <summary>Takes an issued letter.</summary>
    /// <param name="letter">The letter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the letter is accepted.</returns>
    ValueTask DeliverAsync(DunningLetter letter, CancellationToken cancellationToken);

    /// <summary>
    /// Takes an issued letter with its rendered file, the recipient's addresses and the output medium the recipient set for
    /// dunning letters (R3.5; <see cref="DunningLetter.Medium"/>). <see cref="Application.DocumentDelivery"/> calls this
    /// overload; the default hands the letter to <see cref="DeliverAsync(DunningLetter, CancellationToken)"/>.
    /// </summary>
    /// <param name="letter">The letter.</param>
    /// <param name="document">The letter as a document on its way out, rendered when a renderer is registered (<see cref="OutgoingDocument.Rendered"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the letter is accepted.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    ValueTask DeliverAsync(DunningLetter letter, OutgoingDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return DeliverAsync(letter, cancellationToken);
    }
}

/// <summary>An in-memory <see cref="IDunningLetterOutput"/> that keeps every letter it is given, for tests, samples and hosts that render later.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemoryDunningLetterOutput : IDunningLetterOutput
{
    private readonly ConcurrentQueue<DunningLetter> _letters = new();
    private readonly ConcurrentQueue<OutgoingDocument> _outgoing = new();

    /// <summary>The letters received, in the order received.</summary>
    public IReadOnlyList<DunningLetter> Letters => [.. _letters];

    /// <summary>The letters received with their rendered files, recipients and media, in the order received.</summary>
    public IReadOnlyList<OutgoingDocument> Outgoing => [.. _outgoing];

    /// <inheritdoc />
    public ValueTask DeliverAsync(DunningLetter letter, OutgoingDocument document, CancellationToken cancellationToken)
    {
        Guard.Against.Null(letter);
        Guard.Against.Null(document);
        cancellationToken.ThrowIfCancellationRequested();
        _letters.Enqueue(letter);
        _outgoing.Enqueue(document);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DeliverAsync(DunningLetter letter, CancellationToken cancellationToken)
    {
        Guard.Against.Null(letter);
        cancellationToken.ThrowIfCancellationRequested();
        _letters.Enqueue(letter);
        return ValueTask.CompletedTask;
    }
}
