using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Debitor.Core.Banking;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Serialization;

/// <summary>
/// Reads a <see cref="MasterDataChanged"/> entry by hand (D16.180), a shortcut of the source-generated general path, which
/// reads <see cref="CustomerMasterData"/> and its records with constructor parameters through System.Text.Json's argument
/// state (≈ 10 µs and ≈ 4 KB per record; every account an import loads has one). Members are taken exactly in the order
/// this library writes them, each value of the JSON type the general path takes, and the values are built through the
/// same constructors, parsers and <c>init</c> setters the general path calls, so their checks are the same. Anything
/// else — another member order (PostgreSQL's <c>jsonb</c>), an unknown, repeated or missing member, a <see langword="null"/>
/// where the type allows none, a value of another JSON type — makes it decline (<see langword="null"/>), and the general
/// path reads the document or names the problem; a value a constructor or parser refuses throws, and the document's
/// reader then falls back to the general path as a whole. It never writes: the writer declines, so master data is written
/// by the general path as before. <c>JournalEntryCodecsTests</c> proves the reader equal to the general path over
/// random records (every codec kind) and over changed documents.
/// </summary>
internal static class MasterDataReader
{
    /// <summary>The codec registered for <see cref="MasterDataChanged"/> in <see cref="JournalEntryCodecs"/>: this reader, and a writer that always declines.</summary>
    public static EntryCodec Codec { get; } = new EntryCodec<MasterDataChanged>(Read, static (_, _) => false, readJsonb: null);

    /// <summary>The parsers the general path's converters call (<c>StringValueConverter</c> in <see cref="JournalJsonConverters"/>).</summary>
    private static readonly Func<string, Iban> ParseIban = Iban.Parse;
    private static readonly Func<string, Bic> ParseBic = Bic.Parse;
    private static readonly Func<string, VatId> ParseVatId = VatId.Parse;

    private delegate bool Element<T>(ref Utf8JsonReader r, [NotNullWhen(true)] out T? value);

    /// <summary>Reads <c>{"masterData":{…},"id":…}</c> (the reader stands on its <c>{</c>); <see langword="null"/> for any other shape.</summary>
    public static MasterDataChanged? Read(ref Utf8JsonReader r) =>
        JsonFields.Member(ref r, "masterData"u8)
        && MasterData(ref r, out var masterData)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new MasterDataChanged(id, masterData)
            : null;

    private static bool MasterData(ref Utf8JsonReader r, [NotNullWhen(true)] out CustomerMasterData? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.StartObject
            || !List<PostalAddress>(ref r, "addresses"u8, Address, out var addresses)
            || !List<EmailAddress>(ref r, "emails"u8, Email, out var emails)
            || !List<PhoneNumber>(ref r, "phones"u8, Phone, out var phones)
            || !NullableObject<ContactPerson>(ref r, "receivablesContact"u8, Contact, out var contact)
            || !List<DocumentOutput>(ref r, "outputMedia"u8, Output, out var outputs)
            || !List<CustomField>(ref r, "customFields"u8, Field, out var fields)
            || !List<string>(ref r, "groups"u8, Group, out var groups)
            || !List<BankAccount>(ref r, "bankAccounts"u8, Bank, out var banks)
            || !JsonFields.NullableString(ref r, "vatId"u8, out var vatId)
            || !List<SepaMandate>(ref r, "mandates"u8, Mandate, out var mandates)
            || !JsonFields.End(ref r))
        {
            return false;
        }

        value = new CustomerMasterData
        {
            Addresses = addresses,
            Emails = emails,
            Phones = phones,
            ReceivablesContact = contact,
            OutputMedia = outputs,
            CustomFields = fields,
            Groups = groups,
            BankAccounts = banks,
            VatId = vatId is null ? null : ParseVatId(vatId),
            Mandates = mandates,
        };
        return true;
    }

    /// <summary>A member holding an array whose elements <paramref name="element"/> reads (a JSON <see langword="null"/> declines, as the type allows none).</summary>
    private static bool List<T>(ref Utf8JsonReader r, ReadOnlySpan<byte> name, Element<T> element, [NotNullWhen(true)] out ValueList<T>? list)
    {
        list = null;
        if (!JsonFields.Member(ref r, name) || r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        ArrayCollector<T>.Start();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!element(ref r, out var item))
            {
                return false;
            }

            ArrayCollector<T>.Add(item);
        }

        list = ArrayCollector<T>.ToList();
        return true;
    }

    private static bool NullableObject<T>(ref Utf8JsonReader r, ReadOnlySpan<byte> name, Element<T> element, out T? value)
        where T : class
    {
        value = null;
        return JsonFields.Member(ref r, name) && (r.TokenType == JsonTokenType.Null || element(ref r, out value));
    }

    private static bool Address(ref Utf8JsonReader r, [NotNullWhen(true)] out PostalAddress? value)
    {
        value = r.TokenType == JsonTokenType.StartObject
            && JsonFields.Enum(ref r, "kind"u8, out AddressKind kind)
            && JsonFields.String(ref r, "name"u8, out var name)
            && JsonFields.String(ref r, "street"u8, out var street)
            && JsonFields.String(ref r, "postalCode"u8, out var postalCode)
            && JsonFields.String(ref r, "city"u8, out var city)
            && JsonFields.String(ref r, "country"u8, out var country)
            && JsonFields.End(ref r)
                ? new PostalAddress(kind, name, street, postalCode, city, country)
                : null;
        return value is not null;
    }

    private static bool Email(ref Utf8JsonReader r, [NotNullWhen(true)] out EmailAddress? value)
    {
        value = r.TokenType == JsonTokenType.StartObject
            && JsonFields.String(ref r, "address"u8, out var address)
            && Bool(ref r, "useForSending"u8, out var sending)
            && JsonFields.End(ref r)
                ? new EmailAddress(address, sending)
                : null;
        return value is not null;
    }

    private static bool Phone(ref Utf8JsonReader r, [NotNullWhen(true)] out PhoneNumber? value)
    {
        value = r.TokenType == JsonTokenType.StartObject
            && JsonFields.String(ref r, "number"u8, out var number)
            && Bool(ref r, "preferred"u8, out var preferred)
            && JsonFields.End(ref r)
                ? new PhoneNumber(number, preferred)
                : null;
        return value is not null;
    }

    private static bool Contact(ref Utf8JsonReader r, [NotNullWhen(true)] out ContactPerson? value)
    {
        value = r.TokenType == JsonTokenType.StartObject
            && JsonFields.String(ref r, "name"u8, out var name)
            && JsonFields.NullableString(ref r, "email"u8, out var email)
            && JsonFields.NullableString(ref r, "phone"u8, out var phone)
            && JsonFields.End(ref r)
                ? new ContactPerson(name, email, phone)
                : null;
        return value is not null;
    }

    private static bool Output(ref Utf8JsonReader r, [NotNullWhen(true)] out DocumentOutput? value)
    {
        value = r.TokenType == JsonTokenType.StartObject
            && JsonFields.Enum(ref r, "document"u8, out DocumentKind document)
            && JsonFields.Enum(ref r, "medium"u8, out OutputMedium medium)
            && JsonFields.End(ref r)
                ? new DocumentOutput(document, medium)
                : null;
        return value is not null;
    }

    private static bool Field(ref Utf8JsonReader r, [NotNullWhen(true)] out CustomField? value)
    {
        value = r.TokenType == JsonTokenType.StartObject
            && JsonFields.Int(ref r, "number"u8, out var number)
            && JsonFields.String(ref r, "value"u8, out var text)
            && JsonFields.End(ref r)
                ? new CustomField(number, text)
                : null;
        return value is not null;
    }

    private static bool Group(ref Utf8JsonReader r, [NotNullWhen(true)] out string? value)
    {
        value = r.TokenType == JsonTokenType.String ? JsonFields.TextValue(ref r) : null;
        return value is not null;
    }

    private static bool Bank(ref Utf8JsonReader r, [NotNullWhen(true)] out BankAccount? value)
    {
        value = r.TokenType == JsonTokenType.StartObject
            && JsonFields.Enum(ref r, "method"u8, out PaymentMethodKind method)
            && JsonFields.String(ref r, "holder"u8, out var holder)
            && JsonFields.NullableString(ref r, "iban"u8, out var iban)
            && JsonFields.NullableString(ref r, "bic"u8, out var bic)
            && JsonFields.NullableString(ref r, "accountNumber"u8, out var accountNumber)
            && JsonFields.NullableString(ref r, "bankCode"u8, out var bankCode)
            && JsonFields.NullableString(ref r, "branchCode"u8, out var branchCode)
            && JsonFields.NullableString(ref r, "ribKey"u8, out var ribKey)
            && JsonFields.NullableString(ref r, "bankName"u8, out var bankName)
            && JsonFields.NullableString(ref r, "electronicAddress"u8, out var electronicAddress)
            && JsonFields.End(ref r)
                ? new BankAccount(
                    method,
                    holder,
                    iban is null ? null : ParseIban(iban),
                    bic is null ? null : ParseBic(bic),
                    accountNumber,
                    bankCode,
                    branchCode,
                    ribKey,
                    bankName,
                    electronicAddress)
                : null;
        return value is not null;
    }

    private static bool Mandate(ref Utf8JsonReader r, [NotNullWhen(true)] out SepaMandate? value)
    {
        value = r.TokenType == JsonTokenType.StartObject
            && JsonFields.String(ref r, "reference"u8, out var reference)
            && JsonFields.Enum(ref r, "scheme"u8, out SepaScheme scheme)
            && JsonFields.Date(ref r, "signatureDate"u8, out var signed)
            && JsonFields.NullableDate(ref r, "firstCollectionDate"u8, out var first)
            && JsonFields.NullableDate(ref r, "lastCollectionDate"u8, out var last)
            && JsonFields.NullableDate(ref r, "revokedOn"u8, out var revoked)
            && JsonFields.End(ref r)
                ? new SepaMandate(reference, scheme, signed, first, last, revoked)
                : null;
        return value is not null;
    }

    private static bool Bool(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out bool value)
    {
        value = false;
        if (!JsonFields.Member(ref r, name) || r.TokenType is not (JsonTokenType.True or JsonTokenType.False))
        {
            return false;
        }

        value = r.TokenType == JsonTokenType.True;
        return true;
    }
}
