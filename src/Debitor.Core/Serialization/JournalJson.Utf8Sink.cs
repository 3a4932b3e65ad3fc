using Debitor.Core.Ledger;

namespace Debitor.Core.Serialization;

/// <summary>Writing a document straight into a store's statement (issue 16, D16.100).</summary>
public static partial class JournalJson
{
    /// <summary>Receives a written document's UTF-8 bytes; they are valid only during the call.</summary>
    /// <typeparam name="TState">What the receiver needs besides the bytes.</typeparam>
    /// <param name="document">The document's UTF-8 bytes (the thread's writer buffer).</param>
    /// <param name="state">The receiver's state.</param>
    internal delegate void Utf8Sink<TState>(ReadOnlySpan<byte> document, TState state);

    /// <summary>
    /// Writes an entry as <see cref="Serialize(JournalEntry)"/> does — the same writers, the same bytes — and hands the UTF-8
    /// bytes to <paramref name="sink"/> without making a string or an array of them (a store binds them to its insert).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The entry's kind has no discriminator.</exception>
    internal static void WriteUtf8<TState>(JournalEntry entry, TState state, Utf8Sink<TState> sink)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(sink);
        _ = Write(entry, null, (Sink: sink, State: state), static (bytes, target) =>
        {
            target.Sink(bytes, target.State);
            return true;
        });
    }
}
