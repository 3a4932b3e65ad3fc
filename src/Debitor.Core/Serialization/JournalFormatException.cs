namespace Debitor.Core.Serialization;

/// <summary>
/// Thrown when a journal document cannot be read: it is not JSON, its format version or entry kind is unknown, or a
/// member is missing, unknown or invalid. Nothing is ever read as a default value instead.
/// </summary>
public sealed class JournalFormatException : DebitorException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="problem">What is wrong with the document.</param>
    /// <param name="kind">The entry kind the document names, when it could be read.</param>
    /// <param name="entry">The entry's id, when it could be read.</param>
    /// <param name="innerException">The parser's error, if any.</param>
    public JournalFormatException(string problem, string? kind = null, EntryId? entry = null, Exception? innerException = null)
        : base(Describe(problem, kind, entry), innerException)
    {
        Problem = problem;
        Kind = kind;
        Entry = entry;
    }

    /// <summary>What is wrong with the document.</summary>
    public string Problem { get; }

    /// <summary>The entry kind the document names, when it could be read.</summary>
    public string? Kind { get; }

    /// <summary>The entry's id, when it could be read.</summary>
    public EntryId? Entry { get; }

    private static string Describe(string problem, string? kind, EntryId? entry) =>
        (kind, entry) switch
        {
            (null, null) => $"Journal document cannot be read: {problem}",
            (_, null) => $"Journal document of kind '{kind}' cannot be read: {problem}",
            (null, _) => $"Journal entry '{entry}' cannot be read: {problem}",
            _ => $"Journal entry '{entry}' ({kind}) cannot be read: {problem}",
        };
}
