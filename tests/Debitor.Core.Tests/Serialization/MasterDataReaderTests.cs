using System.Text;
using System.Text.Json;
using Debitor.Core.Banking;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Serialization;

/// <summary>
/// The hand-written reader of <see cref="MasterDataChanged"/> (D16.180) against the general path over master data of every
/// shape: empty and longer lists, a receivables contact or none, bank accounts by IBAN, by account number or PayPal
/// address, VAT id or none, mandates. <c>JournalEntryCodecsTests</c> covers it too, with the other codec kinds (written
/// bytes, changed documents).
/// </summary>
public sealed class MasterDataReaderTests
{
    private static readonly string[] Texts = ["Müller & Söhne GmbH", "Straße \"Am Hafen\" 7", "ÄÖÜ äöü ß €", "x", "Zeile\nzwei", "+49 40 123456"];

    [Property(MaxTest = 300)]
    public Property Read_AnyMasterData_ReadsWhatTheGeneralPathReads(int seed)
    {
        var entry = new MasterDataChanged(new EntryId("datev-md:" + seed), MasterData(new Random(seed)));
        var bytes = JournalJson.SerializeToUtf8BytesGeneral(entry);

        var byReader = ReadEntryWithReaderAlone(bytes);

        return (byReader is not null && byReader == entry && byReader == JournalJson.DeserializeDocument(bytes) && JournalJson.Deserialize(bytes) == entry)
            .Label(Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Read_TheRecordOfADatevMasterDataLine_ReadsWhatTheGeneralPathReads()
    {
        const string Json = """{"format":2,"kind":"MasterDataChanged","entry":{"masterData":{"addresses":[{"kind":"Main","name":"Kunde 100000 GmbH","street":"Gro\u00DFe Stra\u00DFe 1","postalCode":"20000","city":"Hamburg","country":"DE"}],"emails":[{"address":"buchhaltung@k100000.example","useForSending":true}],"phones":[{"number":"\u002B49 40 100000","preferred":true}],"receivablesContact":null,"outputMedia":[],"customFields":[],"groups":[],"bankAccounts":[{"method":"SepaDirectDebit","holder":"Kunde 100000 GmbH","iban":"DE89370400440532013000","bic":null,"accountNumber":null,"bankCode":null,"branchCode":null,"ribKey":null,"bankName":null,"electronicAddress":null}],"vatId":null,"mandates":[]},"id":"datev-md:ef399072a44fc736e340"}}""";
        var bytes = Encoding.UTF8.GetBytes(Json);

        var byReader = ReadEntryWithReaderAlone(bytes);

        Assert.NotNull(byReader);
        Assert.Equal(JournalJson.DeserializeDocument(bytes), byReader);
        Assert.Equal("Große Straße 1", byReader.MasterData.Addresses[0].Street);
    }

    [Theory]
    [InlineData("""{"format":2,"kind":"MasterDataChanged","entry":{"masterData":{"addresses":[],"emails":[],"phones":[],"receivablesContact":null,"outputMedia":[],"customFields":[],"groups":[],"bankAccounts":[],"mandates":[],"vatId":null},"id":"m"}}""")]
    [InlineData("""{"format":2,"kind":"MasterDataChanged","entry":{"masterData":{"addresses":[],"emails":[],"phones":[],"receivablesContact":null,"outputMedia":[],"customFields":[],"groups":null,"bankAccounts":[],"vatId":null,"mandates":[]},"id":"m"}}""")]
    [InlineData("""{"format":2,"kind":"MasterDataChanged","entry":{"masterData":{"addresses":[],"emails":[{"address":"a@b.de","useForSending":false}],"phones":[],"receivablesContact":null,"outputMedia":[],"customFields":[],"groups":[],"bankAccounts":[],"vatId":null,"mandates":[]},"id":"m"}}""")]
    [InlineData("""{"format":2,"kind":"MasterDataChanged","entry":{"masterData":{"addresses":[],"emails":[],"phones":[],"receivablesContact":null,"outputMedia":[],"customFields":[],"groups":[],"bankAccounts":[{"method":"Invoice","holder":"H","iban":"DE00370400440532013000","bic":null,"accountNumber":null,"bankCode":null,"branchCode":null,"ribKey":null,"bankName":null,"electronicAddress":null}],"vatId":null,"mandates":[]},"id":"m"}}""")]
    [InlineData("""{"format":2,"kind":"MasterDataChanged","entry":{"masterData":{"addresses":[],"emails":[],"phones":[],"receivablesContact":null,"outputMedia":[],"customFields":[{"number":8,"value":"v"}],"groups":[],"bankAccounts":[],"vatId":null,"mandates":[]},"id":"m"}}""")]
    [InlineData("""{"format":2,"kind":"MasterDataChanged","entry":{"masterData":{"addresses":[],"emails":[],"phones":[],"receivablesContact":null,"outputMedia":[],"customFields":[],"groups":[],"bankAccounts":[],"vatId":"XX1","mandates":[]},"id":"m"}}""")]
    [InlineData("""{"format":2,"kind":"MasterDataChanged","entry":{"masterData":{"addresses":[],"emails":[],"phones":[],"receivablesContact":{"name":null,"email":null,"phone":null},"outputMedia":[],"customFields":[],"groups":[],"bankAccounts":[],"vatId":null,"mandates":[]},"id":"m"}}""")]
    [InlineData("""{"format":2,"kind":"MasterDataChanged","entry":{"masterData":{"addresses":[],"emails":[],"phones":[],"receivablesContact":null,"outputMedia":[],"customFields":[],"groups":[],"bankAccounts":[],"vatId":null,"mandates":[]},"id":"m","extra":1}}""")]
    public void Deserialize_ADocumentTheReaderDeclinesOrAValueRefused_BehavesAsTheGeneralPath(string json)
    {
        Assert.Equal(
            JournalJsonFastPathTests.Outcome(() => JournalJson.DeserializeDocument(Encoding.UTF8.GetBytes(json))),
            JournalJsonFastPathTests.Outcome(() => JournalJson.Deserialize(json)));
    }

    /// <summary>Reads the entry of a written document with <see cref="MasterDataReader"/> alone (no fallback).</summary>
    private static MasterDataChanged? ReadEntryWithReaderAlone(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        while (reader.Read() && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("entry"u8)))
        {
        }

        reader.Read();
        return MasterDataReader.Read(ref reader);
    }

    private static CustomerMasterData MasterData(Random r)
    {
        var kinds = new[] { AddressKind.Main, AddressKind.Billing, AddressKind.Delivery, AddressKind.Delivery }.OrderBy(_ => r.Next()).Take(r.Next(0, 4));
        var emails = Enumerable.Range(0, r.Next(0, 3)).Select(i => new EmailAddress($"e{i}@example.de", i == 0)).ToList();
        var phones = Enumerable.Range(0, r.Next(0, 3)).Select(i => new PhoneNumber(Text(r) + i, i == 0)).ToList();
        return new CustomerMasterData
        {
            Addresses = [.. kinds.Select(k => new PostalAddress(k, Text(r), Text(r), "20095", "Hamburg", "DE"))],
            Emails = [.. emails.OrderBy(_ => r.Next())],
            Phones = [.. phones.OrderBy(_ => r.Next())],
            ReceivablesContact = r.Next(3) == 0 ? new ContactPerson(Text(r), r.Next(2) == 0 ? null : Text(r), r.Next(2) == 0 ? null : Text(r)) : null,
            OutputMedia = [.. Enum.GetValues<DocumentKind>().OrderBy(_ => r.Next()).Take(r.Next(0, 3)).Select(d => new DocumentOutput(d, (OutputMedium)r.Next(0, 3)))],
            CustomFields = [.. Enumerable.Range(1, 7).OrderBy(_ => r.Next()).Take(r.Next(0, 4)).Select(n => new CustomField(n, Text(r)))],
            Groups = [.. Enumerable.Range(0, r.Next(0, 4)).Select(_ => Text(r))],
            BankAccounts = [.. Enumerable.Range(0, r.Next(0, 3)).Select(_ => Bank(r))],
            VatId = r.Next(2) == 0 ? null : VatId.Parse("DE136695976"),
            Mandates = [.. Enumerable.Range(0, r.Next(0, 3)).Select(i => new SepaMandate($"MANDAT-{i}", (SepaScheme)r.Next(0, 2), new LocalDate(2024, 1, 1).PlusDays(r.Next(0, 900)), r.Next(2) == 0 ? null : new LocalDate(2025, 3, 1), null, r.Next(3) == 0 ? new LocalDate(2026, 1, 31) : null))],
        };
    }

    private static BankAccount Bank(Random r) => r.Next(3) switch
    {
        0 => new BankAccount(PaymentMethodKind.SepaDirectDebit, Text(r), Iban.Parse("DE89370400440532013000"), r.Next(2) == 0 ? null : Bic.Parse("COBADEFFXXX"), bankName: r.Next(2) == 0 ? null : Text(r)),
        1 => new BankAccount(PaymentMethodKind.Invoice, Text(r), accountNumber: "0532013000", bankCode: "37040044"),
        _ => new BankAccount(PaymentMethodKind.PayPal, Text(r), electronicAddress: "zahlung@example.de"),
    };

    private static string Text(Random r) => Texts[r.Next(Texts.Length)];
}
