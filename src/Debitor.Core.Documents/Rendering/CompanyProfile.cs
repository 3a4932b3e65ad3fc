using Ardalis.GuardClauses;
using Debitor.Core.Banking;
using Debitor.Core.Customers;

namespace Debitor.Core.Documents.Rendering;

/// <summary>
/// Our company as every document names it: name and address in the letterhead and the return address line, legal
/// details and the bank account for the transfer in the footer (German law requires the legal details on business
/// letters: §35a GmbHG, §37a HGB, §80 AktG).
/// </summary>
/// <remarks>Immutable. The receivables contact comes from each document model (R3.5), not from here.</remarks>
public sealed record CompanyProfile
{
    private readonly string _name = null!;
    private readonly PostalAddress _address = null!;

    /// <summary>Creates a profile with the three things every letter needs.</summary>
    /// <param name="name">The company's full name, with its legal form (e.g. "Sonnenschein Reisen GmbH").</param>
    /// <param name="address">The postal address; its <see cref="PostalAddress.Country"/> (ISO 3166 alpha-2) sets the default language.</param>
    /// <param name="iban">The account customers transfer to.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="iban"/> is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is <see langword="null"/>.</exception>
    public CompanyProfile(string name, PostalAddress address, Iban iban)
    {
        Name = name;
        Address = address;
        if (string.IsNullOrEmpty(iban.ToString()))
        {
            throw new ArgumentException("The company needs the IBAN customers transfer to.", nameof(iban));
        }

        Iban = iban;
    }

    /// <summary>The company's full name.</summary>
    public string Name
    {
        get => _name;
        init => _name = Guard.Against.NullOrWhiteSpace(value, nameof(Name));
    }

    /// <summary>The postal address.</summary>
    public PostalAddress Address
    {
        get => _address;
        init => _address = Guard.Against.Null(value, nameof(Address));
    }

    /// <summary>The account customers transfer to.</summary>
    public Iban Iban { get; init; }

    /// <summary>The bank's BIC, if any.</summary>
    public Bic? Bic { get; init; }

    /// <summary>The bank's name, if any.</summary>
    public string? BankName { get; init; }

    /// <summary>The register court (e.g. "Amtsgericht Hamburg").</summary>
    public string? RegisterCourt { get; init; }

    /// <summary>The register number (e.g. "HRB 123456").</summary>
    public string? RegisterNumber { get; init; }

    /// <summary>The managing directors or board, as printed (e.g. "Jana Sommer, Tim Winter").</summary>
    public string? ManagingDirectors { get; init; }

    /// <summary>The VAT identification number, if any.</summary>
    public VatId? VatId { get; init; }

    /// <summary>The tax number, if any.</summary>
    public string? TaxNumber { get; init; }

    /// <summary>The SEPA creditor identifier, printed on mandate forms.</summary>
    public SepaCreditorId? CreditorId { get; init; }

    /// <summary>The switchboard phone number, if any.</summary>
    public string? Phone { get; init; }

    /// <summary>The general e-mail address, if any.</summary>
    public string? Email { get; init; }

    /// <summary>The web site, if any.</summary>
    public string? Website { get; init; }

    /// <summary>
    /// The company's language as a culture name (e.g. "de-DE"); <see langword="null"/> derives it from the address:
    /// German for Germany, Austria and Switzerland (de-DE, de-AT, de-CH), English (en-GB) elsewhere.
    /// </summary>
    public string? Culture { get; init; }

    /// <summary>The culture documents use when the caller names none, and the fallback for missing texts.</summary>
    public string EffectiveCulture => Culture ?? Address.Country.ToUpperInvariant() switch
    {
        "DE" => "de-DE",
        "AT" => "de-AT",
        "CH" => "de-CH",
        _ => "en-GB",
    };
}
