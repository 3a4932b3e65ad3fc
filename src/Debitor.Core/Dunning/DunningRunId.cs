namespace Debitor.Core.Dunning;

/// <summary>Identifies a dunning run. Letter ids and the ids of the journal entries a run writes are derived from it.</summary>
/// <remarks>
/// <para>The value is chosen by the host, e.g. <c>"2026-11-23-daily"</c>. Processing the same proposal twice writes
/// nothing twice, because every entry id is derived from the run id, the letter and the installment.
/// Identifiers compare by ordinal value.</para>
/// <para><c>default</c> has a <see langword="null"/> <see cref="Value"/> and means "none";
/// it is refused wherever an identifier is required.</para>
/// </remarks>
public readonly record struct DunningRunId
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">Not empty, at most 200 characters, no surrounding white space or control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or has white space around it.</exception>
    public DunningRunId(string value) => Value = Identifier.Require(value, nameof(value));

    /// <summary>The identifier's text; <see langword="null"/> only for <c>default</c>.</summary>
    public string Value { get; }

    /// <summary>Whether this is <c>default</c> (no identifier).</summary>
    public bool IsEmpty => Value is null;

    /// <summary>The identifier's text.</summary>
    /// <returns>The value, or the empty string for <c>default</c>.</returns>
    public override string ToString() => Value ?? string.Empty;
}
