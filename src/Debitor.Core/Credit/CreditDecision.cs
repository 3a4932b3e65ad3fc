namespace Debitor.Core.Credit;

/// <summary>What credit control says about one sales document.</summary>
public enum CreditOutcome
{
    /// <summary>Nothing stops the document.</summary>
    Allowed,

    /// <summary>A block, limit or overdue status stops it; see <see cref="CreditDecision.Reasons"/>.</summary>
    Refused,

    /// <summary>It was stopped, and an actor with the override permission let it through; the override is recorded.</summary>
    Overridden,
}

/// <summary>One reason credit control gives.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Message">An English explanation with the figures (for logs and fallback display; hosts translate by <paramref name="Reason"/>).</param>
public sealed record CreditRefusal(CreditRefusalReason Reason, string Message);

/// <summary>
/// The answer to "may this actor create this document kind for this customer" (R2.5): allowed, refused with reasons, or
/// overridden by an actor with the permission.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CreditDecision
{
    private readonly IReadOnlyList<CreditRefusal> _reasons;
    private readonly IReadOnlyList<CreditRefusal> _warnings;

    internal CreditDecision(SalesDocumentKind document, CreditOutcome outcome, IReadOnlyList<CreditRefusal> reasons, IReadOnlyList<CreditRefusal> warnings)
    {
        Document = document;
        Outcome = outcome;
        _reasons = ValueList<CreditRefusal>.From(reasons);
        _warnings = ValueList<CreditRefusal>.From(warnings);
    }

    /// <summary>The document kind checked.</summary>
    public SalesDocumentKind Document { get; }

    /// <summary>Allowed, refused or overridden.</summary>
    public CreditOutcome Outcome { get; init; }

    /// <summary>Whether the document may be created: allowed, or refused and overridden.</summary>
    public bool MayProceed => Outcome != CreditOutcome.Refused;

    /// <summary>What stops the document (for an override: what was overridden); empty when allowed.</summary>
    public IReadOnlyList<CreditRefusal> Reasons => _reasons;

    /// <summary>Reasons configured to warn only (<see cref="CreditControlSettings.WarningOnly"/>); they never stop a document.</summary>
    public IReadOnlyList<CreditRefusal> Warnings => _warnings;

    /// <summary>Whether the actor asking holds the override permission and so could pass the refusal.</summary>
    public bool CanOverride { get; init; }

    /// <summary>For an override: the journal entry that records it.</summary>
    public EntryId? OverrideEntry { get; init; }
}
