using System.Globalization;
using Ardalis.GuardClauses;
using Debitor.Core.Credit;
using Debitor.Core.Ledger;

namespace Debitor.Core.Customers;

/// <summary>
/// A customer search (R1.1): by number, name, e-mail, IBAN or free text, within one company, narrowed by branch, flags
/// and balance. Every criterion that is set must hold; a criterion left <see langword="null"/> does not narrow.
/// </summary>
/// <remarks>
/// <para>Texts match without regard to case (invariant culture) and surrounding white space. <see cref="Number"/> matches
/// the whole customer number; <see cref="Name"/> and <see cref="Email"/> match a part; <see cref="Iban"/> matches a bank
/// account's IBAN in any spelling (spaces, case); <see cref="Text"/> matches a part of the number, the name, any e-mail
/// address, any IBAN or any group.</para>
/// <para><see cref="Matches"/> is the one rule every <c>ICustomerSearch</c> applies (D14.26): stores may narrow the
/// candidates with an index first, never decide differently.</para>
/// </remarks>
public sealed record CustomerSearchQuery
{
    /// <summary>The most hits <see cref="Limit"/> may ask for.</summary>
    public const int MaxLimit = 1_000;

    private readonly int _limit = 100;
    private readonly string? _iban;

    /// <summary>Creates a search within one company (nothing adds up or lists several companies by accident).</summary>
    /// <param name="company">The company searched.</param>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>.</exception>
    public CustomerSearchQuery(CompanyId company) => Company = Guard.Against.Default(company, nameof(company));

    /// <summary>The company searched.</summary>
    public CompanyId Company { get; }

    /// <summary>Free text: a part of the number, the name, an e-mail address, an IBAN or a group.</summary>
    public string? Text { get; init; }

    /// <summary>The whole customer number.</summary>
    public string? Number { get; init; }

    /// <summary>A part of the name.</summary>
    public string? Name { get; init; }

    /// <summary>A part of an e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>An IBAN of one of the customer's bank accounts, in any spelling; must be a valid IBAN.</summary>
    /// <exception cref="ArgumentException">Set to a text that is not a valid IBAN.</exception>
    public string? Iban
    {
        get => _iban;
        init => _iban = value is null ? null
            : Banking.Iban.TryParse(value, out var iban) ? iban.ToString()
            : throw new ArgumentException($"'{value}' is not a valid IBAN.", nameof(Iban));
    }

    /// <summary>Only customers of this branch.</summary>
    public BranchId? Branch { get; init; }

    /// <summary>Only customers marked problematic (<see langword="true"/>) or not (<see langword="false"/>), R0.1.</summary>
    public bool? Problematic { get; init; }

    /// <summary>Only customers with (<see langword="true"/>) or without (<see langword="false"/>) a dunning block.</summary>
    public bool? DunningBlocked { get; init; }

    /// <summary>Only customers with (<see langword="true"/>) or without (<see langword="false"/>) a manual credit block in force (R2.5).</summary>
    public bool? CreditBlocked { get; init; }

    /// <summary>Only customers that automatic workflows include (<see langword="true"/>) or skip (<see langword="false"/>), R0.15.</summary>
    public bool? InAutomaticWorkflows { get; init; }

    /// <summary>Only customers whose balance in this amount's currency is at least this amount.</summary>
    public Money? MinBalance { get; init; }

    /// <summary>Only customers whose balance in this amount's currency is at most this amount.</summary>
    public Money? MaxBalance { get; init; }

    /// <summary>Whether archived customers are found too (default: no).</summary>
    public bool IncludeArchived { get; init; }

    /// <summary>The most hits returned, 1 to <see cref="MaxLimit"/> (default 100); hits are ordered by number, then id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to <see cref="MaxLimit"/>.</exception>
    public int Limit
    {
        get => _limit;
        init => _limit = Guard.Against.OutOfRange(value, nameof(Limit), 1, MaxLimit);
    }

    /// <summary>Whether an account meets every criterion of the search.</summary>
    /// <param name="account">The account.</param>
    /// <returns><see langword="true"/> when it is a hit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is <see langword="null"/>.</exception>
    public bool Matches(CustomerAccount account)
    {
        Guard.Against.Null(account);
        var customer = account.Customer;
        var data = account.MasterData;
        return customer.Company == Company
            && (IncludeArchived || !account.IsArchived)
            && (Branch is not { } branch || customer.Branch == branch)
            && (Problematic is not { } problematic || customer.IsProblematic == problematic)
            && (DunningBlocked is not { } dunningBlocked || customer.IsDunningBlocked == dunningBlocked)
            && (CreditBlocked is not { } creditBlocked || (CreditControl.CurrentBlock(account) is not null) == creditBlocked)
            && (InAutomaticWorkflows is not { } workflows || customer.Workflow.IncludeInAutomaticWorkflows == workflows)
            && (MinBalance is not { } min || account.BalanceIn(min.Currency) >= min)
            && (MaxBalance is not { } max || account.BalanceIn(max.Currency) <= max)
            && (Blank(Number) is not { } number || string.Equals(customer.Number.Trim(), number, StringComparison.OrdinalIgnoreCase))
            && (Blank(Name) is not { } name || Contains(customer.Name, name))
            && (Blank(Email) is not { } email || data.Emails.Any(e => Contains(e.Address, email)))
            && (_iban is not { } iban || Ibans(data).Contains(iban, StringComparer.Ordinal))
            && (Blank(Text) is not { } text || MatchesText(customer, data, text));
    }

    private static bool MatchesText(Customer customer, CustomerMasterData data, string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return Contains(customer.Number, text)
            || Contains(customer.Name, text)
            || data.Emails.Any(e => Contains(e.Address, text))
            || data.Groups.Any(g => Contains(g, text))
            || (compact.Length > 0 && Ibans(data).Any(i => Contains(i, compact)));
    }

    private static IEnumerable<string> Ibans(CustomerMasterData data) =>
        data.BankAccounts.Where(b => b.Iban is not null).Select(b => b.Iban!.Value.ToString());

    private static bool Contains(string value, string part) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(value, part, CompareOptions.IgnoreCase) >= 0;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One customer found by a search: who it is, its flags and its balances.</summary>
public sealed record CustomerSearchHit
{
    /// <summary>Describes an account as a hit.</summary>
    /// <param name="account">The account.</param>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is <see langword="null"/>.</exception>
    public CustomerSearchHit(CustomerAccount account)
    {
        Guard.Against.Null(account);
        Customer = account.Customer.Id;
        Number = account.Customer.Number;
        Name = account.Customer.Name;
        Company = account.Customer.Company;
        Branch = account.Customer.Branch;
        IsProblematic = account.Customer.IsProblematic;
        IsDunningBlocked = account.Customer.IsDunningBlocked;
        IsCreditBlocked = CreditControl.CurrentBlock(account) is not null;
        InAutomaticWorkflows = account.Customer.Workflow.IncludeInAutomaticWorkflows;
        IsArchived = account.IsArchived;
        Balances = account.Balances;
    }

    /// <summary>The customer's key.</summary>
    public CustomerId Customer { get; }

    /// <summary>The customer number.</summary>
    public string Number { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The company.</summary>
    public CompanyId Company { get; }

    /// <summary>The branch, if any.</summary>
    public BranchId? Branch { get; }

    /// <summary>Whether the customer is marked problematic.</summary>
    public bool IsProblematic { get; }

    /// <summary>Whether the customer has a dunning block.</summary>
    public bool IsDunningBlocked { get; }

    /// <summary>Whether a manual credit block is in force.</summary>
    public bool IsCreditBlocked { get; }

    /// <summary>Whether automatic workflows include the customer.</summary>
    public bool InAutomaticWorkflows { get; }

    /// <summary>Whether the customer is archived.</summary>
    public bool IsArchived { get; }

    /// <summary>The balance per currency (<see cref="CustomerAccount.Balances"/>).</summary>
    public IReadOnlyList<Money> Balances { get; }

    /// <summary>
    /// The hits among accounts, in the order every search returns them (number, then id, ordinal ignoring case), at
    /// most <see cref="CustomerSearchQuery.Limit"/>: the shared tail of every <c>ICustomerSearch</c>.
    /// </summary>
    /// <param name="query">The search.</param>
    /// <param name="accounts">Candidate accounts (any superset of the hits).</param>
    /// <returns>The hits.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<CustomerSearchHit> Select(CustomerSearchQuery query, IEnumerable<CustomerAccount> accounts)
    {
        Guard.Against.Null(query);
        Guard.Against.Null(accounts);
        return [.. accounts
            .Where(query.Matches)
            .OrderBy(a => a.Customer.Number, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Id.Value, StringComparer.Ordinal)
            .Take(query.Limit)
            .Select(a => new CustomerSearchHit(a))];
    }
}
