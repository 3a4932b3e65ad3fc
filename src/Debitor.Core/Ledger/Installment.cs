using Ardalis.GuardClauses;

namespace Debitor.Core.Ledger;

/// <summary>What part of an invoice an installment is (R4.1).</summary>
public enum InstallmentKind
{
    /// <summary>An ordinary installment.</summary>
    Regular,

    /// <summary>A prepayment (down payment, German <em>Vorauszahlung</em>); dunned separately from the remainder.</summary>
    Prepayment,

    /// <summary>The remainder (German <em>Restzahlung</em>) after a prepayment.</summary>
    Remainder,
}

/// <summary>One installment of an invoice: an amount with an optional explicit due date.</summary>
/// <remarks>An installment without an explicit due date falls due with the invoice (R0.9).</remarks>
public sealed record Installment
{
    /// <summary>Creates an installment.</summary>
    /// <param name="amount">The amount; greater than zero, whole minor units.</param>
    /// <param name="dueDate">The explicit due date, or <see langword="null"/> to fall due with the invoice.</param>
    /// <param name="kind">Prepayment, remainder or regular.</param>
    /// <exception cref="ArgumentException">The amount is not positive or has a fraction of a minor unit.</exception>
    public Installment(Money amount, LocalDate? dueDate = null, InstallmentKind kind = InstallmentKind.Regular)
    {
        Amount = Guard.Against.NotRounded(Guard.Against.NotPositive(amount, nameof(amount)), nameof(amount));
        DueDate = dueDate;
        // The guard boxes the value; it is called only for a value outside the members, to throw its exception (D13.171).
        Kind = kind is InstallmentKind.Regular or InstallmentKind.Prepayment or InstallmentKind.Remainder ? kind : Guard.Against.EnumOutOfRange(kind, nameof(kind));
    }

    /// <summary>The amount.</summary>
    public Money Amount { get; }

    /// <summary>The explicit due date, if any.</summary>
    public LocalDate? DueDate { get; }

    /// <summary>Prepayment, remainder or regular.</summary>
    public InstallmentKind Kind { get; }
}

/// <summary>Points at one installment of an open item.</summary>
/// <param name="Item">The entry that created the item (the invoice or charge).</param>
/// <param name="Number">The installment's number, 1-based, in the order the invoice listed them.</param>
public readonly record struct InstallmentRef(EntryId Item, int Number = 1);
