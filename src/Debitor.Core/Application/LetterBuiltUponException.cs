using Debitor.Core.Ledger;

namespace Debitor.Core.Application;

/// <summary>
/// A letter (or a run's letter) cannot be cancelled because a later letter already built on it: an installment it dunned
/// was dunned again by the later letter. Cancel the later letter (or its run) first.
/// </summary>
public sealed class LetterBuiltUponException : DebitorException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="letterId">The letter that was to be cancelled.</param>
    /// <param name="laterLetterId">The later letter that built on it.</param>
    /// <param name="customer">The account.</param>
    /// <param name="installment">The installment both letters dunned.</param>
    public LetterBuiltUponException(string letterId, string laterLetterId, CustomerId customer, InstallmentRef installment)
        : base($"Letter '{letterId}' cannot be cancelled: installment {installment} of customer '{customer}' was dunned again by the later letter '{laterLetterId}'; cancel that letter first.")
    {
        LetterId = letterId;
        LaterLetterId = laterLetterId;
        Customer = customer;
        Installment = installment;
    }

    /// <summary>The letter that was to be cancelled.</summary>
    public string LetterId { get; }

    /// <summary>The later letter that built on it.</summary>
    public string LaterLetterId { get; }

    /// <summary>The account.</summary>
    public CustomerId Customer { get; }

    /// <summary>The installment both letters dunned.</summary>
    public InstallmentRef Installment { get; }
}
