using Ardalis.GuardClauses;

namespace Debitor.Core.Customers;

/// <summary>The preferred way to contact a customer (R0.15).</summary>
public enum ContactChannel
{
    /// <summary>By e-mail.</summary>
    Email,

    /// <summary>By phone.</summary>
    Phone,

    /// <summary>By post.</summary>
    Post,
}

/// <summary>Who receives a kind of document when the customer has a payer (R3.7).</summary>
public enum DocumentRecipient
{
    /// <summary>The customer itself.</summary>
    Customer,

    /// <summary>The customer's payer.</summary>
    Payer,
}

/// <summary>What automatic workflows may do with a customer (R0.15).</summary>
/// <param name="IncludeInAutomaticWorkflows">Whether automatic dunning workflows include the customer.</param>
/// <param name="AttachDunningLetter">Attach the dunning letter to workflow e-mails.</param>
/// <param name="AttachFullStatement">Attach the full account statement to workflow e-mails.</param>
/// <param name="AttachOpenItemsStatement">Attach the open-items statement to workflow e-mails.</param>
public sealed record WorkflowSettings(
    bool IncludeInAutomaticWorkflows = true,
    bool AttachDunningLetter = true,
    bool AttachFullStatement = false,
    bool AttachOpenItemsStatement = false)
{
    /// <summary>Included in workflows, dunning letter attached.</summary>
    public static WorkflowSettings Default { get; } = new();
}

/// <summary>Routing of documents to the customer or its payer (R3.7).</summary>
/// <param name="DunningLetters">Who receives dunning letters.</param>
/// <param name="InterestInvoices">Who receives interest invoices.</param>
public sealed record PayerRouting(DocumentRecipient DunningLetters = DocumentRecipient.Customer, DocumentRecipient InterestInvoices = DocumentRecipient.Customer)
{
    /// <summary>Everything goes to the customer.</summary>
    public static PayerRouting ToCustomer { get; } = new();
}

/// <summary>A customer's own number of days for one dunning level, overriding the branch default (R4.5).</summary>
public sealed record DunningDaysOverride
{
    /// <summary>Creates an override.</summary>
    /// <param name="level">The dunning level, 1 to <see cref="Dunning.DunningScheme.MaxLevels"/>.</param>
    /// <param name="days">The days for that level, 0 to <see cref="Bounds.MaxDays"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public DunningDaysOverride(int level, int days)
    {
        Level = Guard.Against.OutOfRange(level, nameof(level), 1, Dunning.DunningScheme.MaxLevels);
        Days = Bounds.Days(days, nameof(days));
    }

    /// <summary>The dunning level (1-based).</summary>
    public int Level { get; }

    /// <summary>The days for that level.</summary>
    public int Days { get; }
}

/// <summary>
/// A customer's receivables settings: identity, company and branch, flags, schemes, payment terms,
/// tolerances, credit limit and payer.
/// </summary>
/// <remarks>
/// <para>An immutable value: change settings with a <c>with</c> expression and record the change
/// through the application layer. Every setter validates; invalid values throw before anything is stored.</para>
/// <para>Deeper master data (addresses, contacts, bank accounts, mandates) is not part of this record.</para>
/// </remarks>
public sealed record Customer
{
    private readonly string _number = null!;
    private readonly string _name = null!;
    private readonly ValueList<UserId> _favouriteOf = ValueList<UserId>.Empty;
    private readonly ValueList<DunningDaysOverride> _dunningDays = ValueList<DunningDaysOverride>.Empty;
    private readonly int _cashDiscountToleranceDays;

    /// <summary>Creates a customer with default settings.</summary>
    /// <param name="id">The customer's key.</param>
    /// <param name="number">The customer number shown to people (e.g. the DATEV account number).</param>
    /// <param name="name">The customer's name.</param>
    /// <param name="company">The company (tenant) the customer belongs to.</param>
    /// <exception cref="ArgumentException">An identifier is <c>default</c> or a text is empty.</exception>
    public Customer(CustomerId id, string number, string name, CompanyId company)
    {
        Id = Guard.Against.Default(id, nameof(id));
        Number = number;
        Name = name;
        Company = Guard.Against.Default(company, nameof(company));
    }

    /// <summary>The customer's key.</summary>
    public CustomerId Id { get; }

    /// <summary>The customer number shown to people.</summary>
    /// <exception cref="ArgumentException">Set to an empty or white-space text.</exception>
    public string Number
    {
        get => _number;
        init => _number = Guard.Against.NullOrWhiteSpace(value, nameof(Number));
    }

    /// <summary>The customer's name.</summary>
    /// <exception cref="ArgumentException">Set to an empty or white-space text.</exception>
    public string Name
    {
        get => _name;
        init => _name = Guard.Against.NullOrWhiteSpace(value, nameof(Name));
    }

    /// <summary>The company (tenant) the customer belongs to.</summary>
    public CompanyId Company { get; }

    /// <summary>The branch the customer belongs to; <see langword="null"/> when the company has none.</summary>
    public BranchId? Branch { get; init; }

    /// <summary>
    /// Whether the customer is a consumer rather than a business. Consumers owe the lower statutory default interest
    /// and never a flat recovery compensation (§288 BGB).
    /// </summary>
    public bool IsConsumer { get; init; }

    /// <summary>Whether special arrangements about dunning were made (R0.1). Automatic runs skip problematic customers.</summary>
    public bool IsProblematic { get; init; }

    /// <summary>What was arranged, when <see cref="IsProblematic"/>.</summary>
    public string? ProblematicNote { get; init; }

    /// <summary>Whether the customer has a dunning block: no dunning run, manual or automatic, dunns any of its items.</summary>
    public bool IsDunningBlocked { get; init; }

    /// <summary>The users who marked this customer as a favourite (R0.1), without duplicates.</summary>
    public IReadOnlyList<UserId> FavouriteOf
    {
        get => _favouriteOf;
        init => _favouriteOf = CustomerLists.SortedDistinct(Guard.Against.Null(value, nameof(FavouriteOf)));
    }

    /// <summary>What automatic workflows do with the customer (R0.15).</summary>
    public WorkflowSettings Workflow { get; init; } = WorkflowSettings.Default;

    /// <summary>The preferred contact channel (R0.15).</summary>
    public ContactChannel PreferredChannel { get; init; } = ContactChannel.Email;

    /// <summary>The dunning scheme that applies (R3.1).</summary>
    public SchemeId DunningScheme { get; init; } = new("default");

    /// <summary>The interest scheme that applies (R3.1).</summary>
    public SchemeId InterestScheme { get; init; } = new("default");

    /// <summary>The customer's own days per dunning level, overriding the branch defaults (R4.5); one entry per level at most.</summary>
    /// <exception cref="ArgumentException">Set with two entries for the same level.</exception>
    public IReadOnlyList<DunningDaysOverride> DunningDays
    {
        get => _dunningDays;
        init
        {
            var given = Guard.Against.Null(value, nameof(DunningDays));
            if (CustomerLists.InAscendingLevels(given) is { } ascending)
            {
                _dunningDays = ascending;
                return;
            }

            var list = ValueList<DunningDaysOverride>.From(given.OrderBy(d => d.Level));
            if (list.Select(d => d.Level).Distinct().Count() != list.Count)
            {
                throw new ArgumentException("Each dunning level may be overridden once only.", nameof(DunningDays));
            }

            _dunningDays = list;
        }
    }

    /// <summary>Payment terms with cash discount (R3.3).</summary>
    public PaymentTerms PaymentTerms { get; init; } = PaymentTerms.Net30;

    /// <summary>The payment tolerance (R3.2); <see cref="PaymentTolerance.None"/> opts out.</summary>
    public PaymentTolerance PaymentTolerance { get; init; } = PaymentTolerance.None;

    /// <summary>Days after the discount date on which the discount is still granted (R3.3).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int CashDiscountToleranceDays
    {
        get => _cashDiscountToleranceDays;
        init => _cashDiscountToleranceDays = Guard.Against.Negative(value, nameof(CashDiscountToleranceDays));
    }

    /// <summary>The credit limit, if any (R2.2).</summary>
    public CreditLimit? CreditLimit { get; init; }

    /// <summary>The internal credit limit, if any (R2.2): the company's own limit beside the one agreed or insured.</summary>
    public CreditLimit? InternalCreditLimit { get; init; }

    /// <summary>The credit-insurance status (R2.2); <see cref="Credit.CreditInsuranceStatus.None"/> unless set.</summary>
    public Credit.CreditInsuranceStatus CreditInsurance { get; init; }

    /// <summary>Another customer who pays this customer's invoices (R3.7); <see langword="null"/> when the customer pays itself.</summary>
    public CustomerId? Payer { get; init; }

    /// <summary>Which documents go to the payer rather than the customer (R3.7); used only when <see cref="Payer"/> is set.</summary>
    public PayerRouting PayerRouting { get; init; } = PayerRouting.ToCustomer;

    /// <summary>The days for a dunning level: the customer's override, else the branch default.</summary>
    /// <param name="level">The dunning level.</param>
    /// <param name="branchDefault">The branch's default days for that level.</param>
    /// <returns>The days that apply.</returns>
    public int DunningDaysFor(int level, int branchDefault)
    {
        foreach (var entry in _dunningDays)
        {
            if (entry.Level == level)
            {
                return entry.Days;
            }
        }

        return branchDefault;
    }

    /// <summary>Who receives documents of a kind: the customer, or its payer when one is set and the routing says so.</summary>
    /// <param name="routing">The routing for the document kind, e.g. <c>PayerRouting.DunningLetters</c>.</param>
    /// <returns>The recipient's id.</returns>
    public CustomerId RecipientFor(DocumentRecipient routing) =>
        routing == DocumentRecipient.Payer && Payer is { } payer ? payer : Id;
}
