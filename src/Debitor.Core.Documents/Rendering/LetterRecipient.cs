using Ardalis.GuardClauses;
using Debitor.Core.Customers;

namespace Debitor.Core.Documents.Rendering;

/// <summary>Who a document goes to, as printed in the DIN 5008 address field.</summary>
/// <remarks>Immutable. Build it from the customer's settings and master data with <see cref="For(Customer, CustomerMasterData?, string)"/>, or directly for
/// recipients that are not customers (a lawyer, a collection agency).</remarks>
public sealed record LetterRecipient
{
    private readonly string _name = null!;
    private readonly IReadOnlyList<string> _addressLines = [];

    /// <summary>Creates a recipient.</summary>
    /// <param name="name">The name, printed as the first line of the address.</param>
    /// <param name="addressLines">The lines below the name: street, postal code and city, country; at most five.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or there are more than five address lines.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="addressLines"/> is <see langword="null"/>.</exception>
    public LetterRecipient(string name, IReadOnlyList<string> addressLines)
    {
        Name = name;
        AddressLines = addressLines;
    }

    /// <summary>The name.</summary>
    public string Name
    {
        get => _name;
        init => _name = Guard.Against.NullOrWhiteSpace(value, nameof(Name));
    }

    /// <summary>The address lines below the name (the address field holds six lines in all).</summary>
    public IReadOnlyList<string> AddressLines
    {
        get => _addressLines;
        init
        {
            var lines = Guard.Against.Null(value, nameof(AddressLines)).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
            if (lines.Length > 5)
            {
                throw new ArgumentException("The DIN 5008 address field holds the name and at most five more lines.", nameof(AddressLines));
            }

            _addressLines = lines;
        }
    }

    /// <summary>The recipient's customer number, printed in the information block; <see langword="null"/> for others.</summary>
    public string? CustomerNumber { get; init; }

    /// <summary>Whether the debtor is a consumer: decides the interest clause (§288 Abs. 1 or Abs. 2 BGB).</summary>
    public bool IsConsumer { get; init; }

    /// <summary>The recipient's language as a culture name (e.g. "en-GB"); <see langword="null"/> for the company's.</summary>
    public string? Culture { get; init; }

    /// <summary>
    /// The recipient for a customer: its name, and the billing (else main) address of its master data; the country
    /// line is printed in capitals when it differs from <paramref name="homeCountry"/> (DIN 5008).
    /// </summary>
    /// <param name="customer">The customer (or payer) who receives the document.</param>
    /// <param name="masterData">Its master data, or <see langword="null"/> when it has none.</param>
    /// <param name="homeCountry">Our country (ISO 3166 alpha-2), e.g. "DE".</param>
    /// <returns>The recipient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> or <paramref name="homeCountry"/> is <see langword="null"/>.</exception>
    public static LetterRecipient For(Customer customer, CustomerMasterData? masterData, string homeCountry) =>
        For(customer, masterData?.DocumentAddress, homeCountry);

    /// <summary>The recipient for a customer at a given document address (e.g. <see cref="Dunning.DunningLetter.RecipientAddress"/>).</summary>
    /// <param name="customer">The customer (or payer) who receives the document.</param>
    /// <param name="documentAddress">Its document address, or <see langword="null"/> when it has none.</param>
    /// <param name="homeCountry">Our country (ISO 3166 alpha-2), e.g. "DE".</param>
    /// <returns>The recipient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> or <paramref name="homeCountry"/> is <see langword="null"/>.</exception>
    public static LetterRecipient For(Customer customer, PostalAddress? documentAddress, string homeCountry)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(homeCountry);
        var lines = new List<string>();
        if (documentAddress is { } address)
        {
            if (!string.Equals(address.Name, customer.Name, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(address.Name))
            {
                lines.Add(address.Name);
            }

            lines.Add(address.Street);
            lines.Add($"{address.PostalCode} {address.City}");
            if (!string.Equals(address.Country, homeCountry, StringComparison.OrdinalIgnoreCase))
            {
                lines.Add(address.Country.ToUpperInvariant());
            }
        }

        return new LetterRecipient(customer.Name, lines) { CustomerNumber = customer.Number, IsConsumer = customer.IsConsumer };
    }
}
