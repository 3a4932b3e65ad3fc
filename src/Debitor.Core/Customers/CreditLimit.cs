namespace Debitor.Core.Customers;

/// <summary>A credit limit with an optional validity period (R2.2).</summary>
/// <remarks>Both ends of the validity period are inclusive; a missing end is open.</remarks>
public sealed record CreditLimit
{
    /// <summary>Creates a credit limit.</summary>
    /// <param name="amount">The limit; zero or more.</param>
    /// <param name="validFrom">First day the limit applies, or <see langword="null"/> for always.</param>
    /// <param name="validUntil">Last day the limit applies, or <see langword="null"/> for open-ended.</param>
    /// <exception cref="ArgumentException">The amount is negative, beyond <see cref="Bounds.MaxAmount"/> or has no currency, or the period ends before it starts.</exception>
    public CreditLimit(Money amount, LocalDate? validFrom = null, LocalDate? validUntil = null)
    {
        GuardClauseExtensions.RequireCurrency(amount, nameof(amount));
        if (amount.IsNegative)
        {
            throw new ArgumentException($"A credit limit cannot be negative; it is {amount}.", nameof(amount));
        }

        if (validFrom is { } from && validUntil is { } until && until < from)
        {
            throw new ArgumentException($"The validity ends ({until}) before it starts ({from}).", nameof(validUntil));
        }

        Amount = Bounds.Amount(amount, nameof(amount));
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    /// <summary>The limit.</summary>
    public Money Amount { get; }

    /// <summary>First day the limit applies (inclusive); <see langword="null"/> for no start.</summary>
    public LocalDate? ValidFrom { get; }

    /// <summary>Last day the limit applies (inclusive); <see langword="null"/> for no end.</summary>
    public LocalDate? ValidUntil { get; }

    /// <summary>Whether the limit applies on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> lies within the validity period.</returns>
    public bool IsValidOn(LocalDate date) =>
        (ValidFrom is not { } from || date >= from) && (ValidUntil is not { } until || date <= until);
}
