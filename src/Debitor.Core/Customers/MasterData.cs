using Ardalis.GuardClauses;
using Debitor.Core.Banking;

namespace Debitor.Core.Customers;

/// <summary>What an address is used for (R1.4).</summary>
public enum AddressKind
{
    /// <summary>The main address.</summary>
    Main,

    /// <summary>The billing address; used on documents when present.</summary>
    Billing,

    /// <summary>A delivery address.</summary>
    Delivery,
}

/// <summary>A postal address.</summary>
/// <param name="Kind">Main, billing or delivery.</param>
/// <param name="Name">The addressee.</param>
/// <param name="Street">Street and number.</param>
/// <param name="PostalCode">The postal code.</param>
/// <param name="City">The city.</param>
/// <param name="Country">ISO 3166 alpha-2 country code, e.g. <c>DE</c>.</param>
public sealed record PostalAddress(AddressKind Kind, string Name, string Street, string PostalCode, string City, string Country);

/// <summary>An e-mail address of the customer (R0.13).</summary>
/// <param name="Address">The address.</param>
/// <param name="UseForSending">Whether documents are sent to it; exactly one address is chosen when any exist.</param>
public sealed record EmailAddress(string Address, bool UseForSending = false);

/// <summary>A phone number of the customer (R0.13).</summary>
/// <param name="Number">The number.</param>
/// <param name="Preferred">Whether it is the preferred one; exactly one is preferred when any exist.</param>
public sealed record PhoneNumber(string Number, bool Preferred = false);

/// <summary>A contact person.</summary>
/// <param name="Name">The name.</param>
/// <param name="Email">The e-mail address, if any.</param>
/// <param name="Phone">The phone number, if any.</param>
public sealed record ContactPerson(string Name, string? Email = null, string? Phone = null);

/// <summary>The documents a customer receives (R3.5).</summary>
public enum DocumentKind
{
    /// <summary>The account sheet / statement.</summary>
    AccountStatement,

    /// <summary>Dunning letters.</summary>
    DunningLetter,

    /// <summary>Payment advice.</summary>
    PaymentAdvice,

    /// <summary>Interest invoices.</summary>
    InterestInvoice,

    /// <summary>Difference notifications.</summary>
    DifferenceNotification,

    /// <summary>Write-off notifications.</summary>
    WriteOffNotification,
}

/// <summary>How a document is delivered (R3.5).</summary>
public enum OutputMedium
{
    /// <summary>By e-mail.</summary>
    Email,

    /// <summary>By post.</summary>
    Post,

    /// <summary>Both.</summary>
    EmailAndPost,
}

/// <summary>The output medium for one document kind.</summary>
/// <param name="Document">The document kind.</param>
/// <param name="Medium">How it is delivered.</param>
public sealed record DocumentOutput(DocumentKind Document, OutputMedium Medium);

/// <summary>A custom field (R0.13): up to seven per customer, numbered 1 to 7.</summary>
/// <param name="Number">1 to 7.</param>
/// <param name="Value">The value.</param>
public sealed record CustomField(int Number, string Value);

/// <summary>How the customer pays (R1.3).</summary>
public enum PaymentMethodKind
{
    /// <summary>SEPA direct debit.</summary>
    SepaDirectDebit,

    /// <summary>PayPal.</summary>
    PayPal,

    /// <summary>On invoice (bank transfer).</summary>
    Invoice,
}

/// <summary>A bank account of the customer (R1.3, R3.6), validated with the bank identifiers of <see cref="Banking"/>.</summary>
/// <remarks>
/// Either an IBAN (with an optional BIC) or a national account number with its bank code identifies the account;
/// the French RIB key, when given, must match bank code, branch code and account number.
/// </remarks>
public sealed record BankAccount
{
    /// <summary>Creates a bank account.</summary>
    /// <param name="method">The payment method it serves.</param>
    /// <param name="holder">The account holder.</param>
    /// <param name="iban">The IBAN, if known.</param>
    /// <param name="bic">The BIC, if known.</param>
    /// <param name="accountNumber">The national account number, when no IBAN is given (or in addition).</param>
    /// <param name="bankCode">The national bank code, with <paramref name="accountNumber"/>.</param>
    /// <param name="branchCode">The branch code (French <em>code guichet</em>), for a RIB.</param>
    /// <param name="ribKey">The French RIB key, checked against bank, branch and account.</param>
    /// <param name="bankName">The bank's name.</param>
    /// <param name="electronicAddress">The electronic payment address (e.g. a PayPal e-mail), R3.6.</param>
    /// <exception cref="ArgumentException">Neither an IBAN nor account number and bank code is given (except for PayPal with an address),
    /// the holder is empty, or the RIB key does not match.</exception>
    public BankAccount(
        PaymentMethodKind method,
        string holder,
        Iban? iban = null,
        Bic? bic = null,
        string? accountNumber = null,
        string? bankCode = null,
        string? branchCode = null,
        string? ribKey = null,
        string? bankName = null,
        string? electronicAddress = null)
    {
        Method = Guard.Against.EnumOutOfRange(method);
        Holder = Guard.Against.NullOrWhiteSpace(holder);
        var identified = iban is not null || (!string.IsNullOrWhiteSpace(accountNumber) && !string.IsNullOrWhiteSpace(bankCode));
        if (!identified && !(method == PaymentMethodKind.PayPal && !string.IsNullOrWhiteSpace(electronicAddress)))
        {
            throw new ArgumentException("A bank account needs an IBAN, or an account number with its bank code.", nameof(iban));
        }

        if (ribKey is not null && !FrenchRib.IsValid(bankCode, branchCode, accountNumber, ribKey))
        {
            throw new ArgumentException("The RIB key does not match bank code, branch code and account number.", nameof(ribKey));
        }

        (Iban, Bic, AccountNumber, BankCode, BranchCode, RibKey, BankName, ElectronicAddress) = (iban, bic, accountNumber, bankCode, branchCode, ribKey, bankName, electronicAddress);
    }

    /// <summary>The payment method it serves.</summary>
    public PaymentMethodKind Method { get; }

    /// <summary>The account holder.</summary>
    public string Holder { get; }

    /// <summary>The IBAN.</summary>
    public Iban? Iban { get; }

    /// <summary>The BIC.</summary>
    public Bic? Bic { get; }

    /// <summary>The national account number.</summary>
    public string? AccountNumber { get; }

    /// <summary>The national bank code.</summary>
    public string? BankCode { get; }

    /// <summary>The branch code.</summary>
    public string? BranchCode { get; }

    /// <summary>The French RIB key.</summary>
    public string? RibKey { get; }

    /// <summary>The bank's name.</summary>
    public string? BankName { get; }

    /// <summary>The electronic payment address.</summary>
    public string? ElectronicAddress { get; }
}

/// <summary>The SEPA direct-debit scheme of a mandate.</summary>
public enum SepaScheme
{
    /// <summary>SEPA Core (consumers and businesses).</summary>
    Core,

    /// <summary>SEPA Business to Business.</summary>
    B2B,
}

/// <summary>A SEPA direct-debit mandate (R1.3, R0.14).</summary>
/// <param name="Reference">The unique mandate reference.</param>
/// <param name="Scheme">CORE or B2B.</param>
/// <param name="SignatureDate">The date the debtor signed.</param>
/// <param name="FirstCollectionDate">The date of the first direct debit, if any.</param>
/// <param name="LastCollectionDate">The date of the latest direct debit, if any.</param>
/// <param name="RevokedOn">The date the debtor revoked it, if revoked.</param>
public sealed record SepaMandate(string Reference, SepaScheme Scheme, LocalDate SignatureDate, LocalDate? FirstCollectionDate = null, LocalDate? LastCollectionDate = null, LocalDate? RevokedOn = null)
{
    /// <summary>Months without a collection after which a mandate lapses (SEPA rulebooks).</summary>
    public const int LapseMonths = 36;

    /// <summary>The sequence type of the next collection: first (never collected) or recurrent.</summary>
    public bool NextIsFirstCollection => FirstCollectionDate is null;

    /// <summary>
    /// Whether the mandate has lapsed on a date: no collection for 36 months since the last one (or since signing when
    /// it was never used). A lapsed mandate must not be used; a new one is needed.
    /// </summary>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when lapsed.</returns>
    public bool IsLapsedOn(LocalDate asOf) => asOf >= (LastCollectionDate ?? SignatureDate).PlusMonths(LapseMonths);

    /// <summary>Whether the mandate may be used for a collection on a date: signed, not revoked, not lapsed.</summary>
    /// <param name="asOf">The date.</param>
    /// <returns><see langword="true"/> when usable.</returns>
    public bool IsUsableOn(LocalDate asOf) => asOf >= SignatureDate && (RevokedOn is not { } revoked || asOf < revoked) && !IsLapsedOn(asOf);
}

/// <summary>
/// A customer's master data (R0.13, R1.3, R1.4, R3.5, R3.6): addresses, e-mail addresses, phone numbers, the customer's
/// receivables contact, output media per document kind, custom fields, groups, bank accounts, VAT id and mandates.
/// </summary>
/// <remarks>Immutable; every setter validates. Replace it through the application layer (<c>MasterDataChanged</c>).</remarks>
public sealed record CustomerMasterData
{
    private readonly ValueList<PostalAddress> _addresses = ValueList<PostalAddress>.Empty;
    private readonly ValueList<EmailAddress> _emails = ValueList<EmailAddress>.Empty;
    private readonly ValueList<PhoneNumber> _phones = ValueList<PhoneNumber>.Empty;
    private readonly ValueList<DocumentOutput> _outputs = ValueList<DocumentOutput>.Empty;
    private readonly ValueList<CustomField> _customFields = ValueList<CustomField>.Empty;
    private readonly ValueList<string> _groups = ValueList<string>.Empty;
    private readonly ValueList<BankAccount> _bankAccounts = ValueList<BankAccount>.Empty;
    private readonly ValueList<SepaMandate> _mandates = ValueList<SepaMandate>.Empty;

    /// <summary>No master data.</summary>
    public static CustomerMasterData Empty { get; } = new();

    /// <summary>Addresses: at most one main and one billing address, any number of delivery addresses.</summary>
    /// <exception cref="ArgumentException">Set with two main or two billing addresses.</exception>
    public IReadOnlyList<PostalAddress> Addresses
    {
        get => _addresses;
        init
        {
            var list = ValueList<PostalAddress>.From(Guard.Against.Null(value, nameof(Addresses)));
            if (CustomerLists.CountOf(list, static a => a.Kind == AddressKind.Main) > 1 || CustomerLists.CountOf(list, static a => a.Kind == AddressKind.Billing) > 1)
            {
                throw new ArgumentException("A customer has at most one main and one billing address.", nameof(Addresses));
            }

            _addresses = list;
        }
    }

    /// <summary>The address used on documents: the billing address, else the main address (R1.4).</summary>
    public PostalAddress? DocumentAddress =>
        _addresses.FirstOrDefault(a => a.Kind == AddressKind.Billing) ?? _addresses.FirstOrDefault(a => a.Kind == AddressKind.Main);

    /// <summary>E-mail addresses; exactly one is used for sending when any exist (R0.13).</summary>
    /// <exception cref="ArgumentException">Set with none or several chosen for sending.</exception>
    public IReadOnlyList<EmailAddress> Emails
    {
        get => _emails;
        init => _emails = ExactlyOne(value, e => e.UseForSending, nameof(Emails), "one e-mail address must be chosen for sending");
    }

    /// <summary>The e-mail address documents are sent to.</summary>
    public EmailAddress? SendingEmail => _emails.FirstOrDefault(e => e.UseForSending);

    /// <summary>Phone numbers; exactly one is preferred when any exist (R0.13).</summary>
    /// <exception cref="ArgumentException">Set with none or several preferred.</exception>
    public IReadOnlyList<PhoneNumber> Phones
    {
        get => _phones;
        init => _phones = ExactlyOne(value, p => p.Preferred, nameof(Phones), "one phone number must be preferred");
    }

    /// <summary>The customer's receivables contact, who receives our receivables documents (R3.5).</summary>
    public ContactPerson? ReceivablesContact { get; init; }

    /// <summary>The output medium per document kind (R3.5); a kind not listed goes by the customer's preferred channel.</summary>
    /// <exception cref="ArgumentException">Set with a document kind twice.</exception>
    public IReadOnlyList<DocumentOutput> OutputMedia
    {
        get => _outputs;
        init
        {
            var list = ValueList<DocumentOutput>.From(Guard.Against.Null(value, nameof(OutputMedia)));
            if (list.Count > 0 && list.Select(o => o.Document).Distinct().Count() != list.Count)
            {
                throw new ArgumentException("Each document kind has one output medium.", nameof(OutputMedia));
            }

            _outputs = list;
        }
    }

    /// <summary>Up to seven custom fields, numbered 1 to 7, each number once (R0.13).</summary>
    /// <exception cref="ArgumentException">Set with more than seven, a number outside 1–7, or a number twice.</exception>
    public IReadOnlyList<CustomField> CustomFields
    {
        get => _customFields;
        init
        {
            var given = Guard.Against.Null(value, nameof(CustomFields));
            if (given is IReadOnlyCollection<CustomField> { Count: 0 })
            {
                _customFields = ValueList<CustomField>.Empty;
                return;
            }

            var list = ValueList<CustomField>.From(given.OrderBy(f => f.Number));
            if (list.Count > 7 || list.Any(f => f.Number is < 1 or > 7) || list.Select(f => f.Number).Distinct().Count() != list.Count)
            {
                throw new ArgumentException("A customer has at most seven custom fields, numbered 1 to 7, each once.", nameof(CustomFields));
            }

            _customFields = list;
        }
    }

    /// <summary>Groups or categories the customer belongs to (R1.2: marking a customer).</summary>
    public IReadOnlyList<string> Groups
    {
        get => _groups;
        init => _groups = Guard.Against.Null(value, nameof(Groups)) is IReadOnlyCollection<string> { Count: 0 }
            ? ValueList<string>.Empty
            : ValueList<string>.From(value.Distinct(StringComparer.Ordinal));
    }

    /// <summary>Bank accounts and payment methods (R1.3, R3.6).</summary>
    public IReadOnlyList<BankAccount> BankAccounts
    {
        get => _bankAccounts;
        init => _bankAccounts = ValueList<BankAccount>.From(Guard.Against.Null(value, nameof(BankAccounts)));
    }

    /// <summary>The customer's VAT identification number.</summary>
    public VatId? VatId { get; init; }

    /// <summary>SEPA mandates; references unique.</summary>
    /// <exception cref="ArgumentException">Set with a reference twice.</exception>
    public IReadOnlyList<SepaMandate> Mandates
    {
        get => _mandates;
        init
        {
            var list = ValueList<SepaMandate>.From(Guard.Against.Null(value, nameof(Mandates)));
            if (list.Count > 0 && list.Select(m => m.Reference).Distinct(StringComparer.Ordinal).Count() != list.Count)
            {
                throw new ArgumentException("Mandate references must be unique.", nameof(Mandates));
            }

            _mandates = list;
        }
    }

    /// <summary>The output medium for a document kind, falling back to the customer's preferred channel.</summary>
    /// <param name="document">The document kind.</param>
    /// <param name="preferred">The customer's preferred contact channel.</param>
    /// <returns>The medium.</returns>
    public OutputMedium MediumFor(DocumentKind document, ContactChannel preferred) =>
        _outputs.FirstOrDefault(o => o.Document == document)?.Medium
        ?? (preferred == ContactChannel.Post ? OutputMedium.Post : OutputMedium.Email);

    private static ValueList<T> ExactlyOne<T>(IReadOnlyList<T> value, Func<T, bool> chosen, string name, string rule)
    {
        var list = ValueList<T>.From(Guard.Against.Null(value, name));
        if (list.Count > 0 && CustomerLists.CountOf(list, chosen) != 1)
        {
            throw new ArgumentException($"When any exist, exactly {rule}.", name);
        }

        return list;
    }
}

/// <summary>A SEPA B2B direct-debit mandate form pre-filled for a customer (R0.14): a document model for the host's renderer.</summary>
/// <param name="CreditorName">Our company's name.</param>
/// <param name="CreditorId">Our SEPA creditor identifier.</param>
/// <param name="MandateReference">The mandate reference to be signed.</param>
/// <param name="DebtorName">The customer's name.</param>
/// <param name="DebtorAddress">The customer's document address, if known.</param>
/// <param name="Iban">The customer's IBAN, if known.</param>
/// <param name="Bic">The customer's BIC, if known.</param>
/// <param name="Scheme">Always B2B for this form.</param>
public sealed record SepaMandateForm(string CreditorName, SepaCreditorId CreditorId, string MandateReference, string DebtorName, PostalAddress? DebtorAddress, Iban? Iban, Bic? Bic, SepaScheme Scheme);
