using Ardalis.GuardClauses;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Credit;

/// <summary>
/// What the top of a customer page shows (R0.1, R0.2, R2.2–R2.5): the total of all open items including interest, the
/// flags (problematic, favourite of the user, pending account-manager task), the limits and the status.
/// </summary>
/// <remarks>Build it with <see cref="For"/> (pure) or through the credit-control use case. Immutable; thread-safe.</remarks>
public sealed record CustomerHeadline
{
    private readonly IReadOnlyList<Money> _openIncludingInterest;
    private readonly IReadOnlyList<Money> _openItems;

    private CustomerHeadline(
        CustomerAccount account, UserId user, IReadOnlyList<Money> openIncludingInterest, bool accountManagerTaskPending, CreditPosition credit)
    {
        var customer = account.Customer;
        Customer = customer.Id;
        Number = customer.Number;
        Name = customer.Name;
        AsOf = credit.AsOf;
        _openIncludingInterest = ValueList<Money>.From(openIncludingInterest);
        _openItems = ValueList<Money>.From(account.Balances);
        IsProblematic = customer.IsProblematic;
        ProblematicNote = customer.ProblematicNote;
        IsFavourite = customer.FavouriteOf.Contains(user);
        HasPendingAccountManagerTask = accountManagerTaskPending;
        IsArchived = account.IsArchived;
        Credit = credit;
    }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>The customer number.</summary>
    public string Number { get; }

    /// <summary>The customer's name.</summary>
    public string Name { get; }

    /// <summary>The date the figures are computed for.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The headline figure (R0.2): per currency, open claims − unapplied credits + interest accrued to the date and not yet charged.</summary>
    public IReadOnlyList<Money> OpenIncludingInterest => _openIncludingInterest;

    /// <summary>The ledger balance per currency (open claims − unapplied credits), without interest not yet charged.</summary>
    public IReadOnlyList<Money> OpenItems => _openItems;

    /// <summary>Whether special arrangements about dunning were made (R0.1).</summary>
    public bool IsProblematic { get; }

    /// <summary>What was arranged, when problematic.</summary>
    public string? ProblematicNote { get; }

    /// <summary>Whether the user looking at the page marked the customer as a favourite (R0.1).</summary>
    public bool IsFavourite { get; }

    /// <summary>Whether an account manager has a pending task for the customer (R0.1), as the host's task list says.</summary>
    public bool HasPendingAccountManagerTask { get; }

    /// <summary>Whether the customer is archived.</summary>
    public bool IsArchived { get; }

    /// <summary>Limits, remaining limits, insurance, status flags and manual block.</summary>
    public CreditPosition Credit { get; }

    /// <summary>Builds the headline of one customer.</summary>
    /// <param name="account">The account.</param>
    /// <param name="user">The user looking at the page (for the favourite flag).</param>
    /// <param name="asOf">The date (normally today).</param>
    /// <param name="interestScheme">The customer's interest scheme; <see langword="null"/> to show no interest.</param>
    /// <param name="settings">The credit-control settings.</param>
    /// <param name="openOrders">Open orders per currency as the host knows them, or <see langword="null"/>.</param>
    /// <param name="accountManagerTaskPending">Whether an account manager has a pending task for the customer.</param>
    /// <returns>The headline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> or <paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An open-order amount is negative or has no currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interest period starts before the scheme's base-rate table.</exception>
    public static CustomerHeadline For(
        CustomerAccount account,
        UserId user,
        LocalDate asOf,
        InterestScheme? interestScheme,
        CreditControlSettings settings,
        IReadOnlyList<Money>? openOrders = null,
        bool accountManagerTaskPending = false)
    {
        Guard.Against.Null(account);
        var credit = CreditControl.Position(account, asOf, settings, openOrders);
        var total = interestScheme is null ? account.Balances : AccountInterest.OpenTotalIncludingInterest(account, interestScheme, asOf);
        return new CustomerHeadline(account, user, total, accountManagerTaskPending, credit);
    }
}
