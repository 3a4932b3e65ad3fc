using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Debitor.Core.Customers;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Customers;

public sealed class DatevCustomerImportTests
{
    private const string Export =
        "\"EXTF\";700;16;\"Debitoren/Kreditoren\";5;20261122120000000;;\"RE\";\"\";\"\";12345;67890\r\n" +
        "Konto;Name (Adressatentyp Unternehmen);Name (Adressatentyp natürl. Person);Vorname (Adressatentyp natürl. Person);Kurzbezeichnung;EU-Land;EU-UStID;Straße;Postleitzahl;Ort;Land;Telefon;E-Mail;IBAN-Nr. 1;SWIFT-Code 1;Kontoinhaber 1\r\n" +
        "10001;\"Müller; Söhne GmbH\";;;;DE;136695976;\"Hauptstr. 1\";10115;Berlin;DE;030 123;info@mueller.de;DE89370400440532013000;COBADEFFXXX;\r\n" +
        "10002;;Schmidt;Mia;;;;Gartenweg 2;80331;München;DE;;mia@example.de;;;\r\n" +
        "10003;Bad IBAN AG;;;;;;;;;;;;DE89370400440532013001;;\r\n" +
        "1200;Bank;;;;;;;;;;;;;;\r\n";

    [Fact]
    public void Read_DatevExport_ReadsCustomersAndMasterData()
    {
        var result = DatevCustomerImport.Read(new StringReader(Export), Company);

        Assert.Equal(["10001", "10002"], result.Customers.Select(c => c.Customer.Id.Value));
        var (firm, data) = (result.Customers[0].Customer, result.Customers[0].MasterData);
        Assert.Equal(("Müller; Söhne GmbH", false), (firm.Name, firm.IsConsumer));
        Assert.Equal("Berlin", data.DocumentAddress!.City);
        Assert.Equal("info@mueller.de", data.SendingEmail!.Address);
        Assert.Equal("DE136695976", data.VatId.ToString());
        Assert.Equal("DE89370400440532013000", data.BankAccounts[0].Iban.ToString());
        Assert.Equal(("Mia Schmidt", true), (result.Customers[1].Customer.Name, result.Customers[1].Customer.IsConsumer));
    }

    [Fact]
    public void Read_InvalidIbanOrNonDebtorAccount_RefusesTheLineWithTheReason()
    {
        var result = DatevCustomerImport.Read(new StringReader(Export), Company);

        Assert.Equal([5, 6], result.Errors.Select(e => e.Line));
        Assert.Contains("check digits", result.Errors[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("debtor account", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuotedFieldOverTwoLines_IsOneField()
    {
        var csv = "Konto;Name (Adressatentyp Unternehmen)\n10001;\"Line one\nline two\"\n10002;Next\n";

        var result = DatevCustomerImport.Read(new StringReader(csv), Company);

        Assert.Equal(["Line one\nline two", "Next"], result.Customers.Select(c => c.Customer.Name));
    }

    [Fact]
    public void Read_NoKontoColumn_ThrowsNamingReader() =>
        Assert.Equal("reader", Assert.Throws<ArgumentException>(() => DatevCustomerImport.Read(new StringReader("Name;Ort\nA;B\n"), Company)).ParamName);

    [Fact]
    public void Read_UnbalancedQuoteInsideField_ReportsTheLineAndLosesNoLaterLine()
    {
        // Issue 12, defect 6: this line used to swallow the two lines after it into one garbage name, without an error.
        var csv = "Konto;Name (Adressatentyp Unternehmen);Ort\n10001;Bau \"Nord GmbH;Kiel\n10002;Süd AG;Hamburg\n10003;West KG;Bremen\n";

        var result = DatevCustomerImport.Read(new StringReader(csv), Company);

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("quote", error.Message, StringComparison.Ordinal);
        Assert.Equal(["10002", "10003"], result.Customers.Select(c => c.Customer.Id.Value));
    }

    [Fact]
    public void Read_QuoteOpenedAndNeverClosed_ReportsTheLineAndReadsTheRest()
    {
        var csv = "Konto;Name (Adressatentyp Unternehmen);Ort\n10001;\"Bau Nord GmbH;Kiel\n10002;Süd AG;Hamburg\n10003;West KG;Bremen\n";

        var result = DatevCustomerImport.Read(new StringReader(csv), Company);

        Assert.Equal([2], result.Errors.Select(e => e.Line));
        Assert.Equal(["10002", "10003"], result.Customers.Select(c => c.Customer.Id.Value));
    }

    [Fact]
    public void Read_TextAfterClosingQuote_ReportsTheLine()
    {
        var csv = "Konto;Name (Adressatentyp Unternehmen);Ort\n10001;\"Bau\" Nord;Kiel\n10002;Süd AG;Hamburg\n";

        var result = DatevCustomerImport.Read(new StringReader(csv), Company);

        Assert.Equal([2], result.Errors.Select(e => e.Line));
        Assert.Equal(["10002"], result.Customers.Select(c => c.Customer.Id.Value));
    }

    [Property(MaxTest = 300)]
    public void Read_AnyLineWithAStrayQuote_LosesNoOtherLine(PositiveInt position, NonNegativeInt badLine)
    {
        var names = Enumerable.Range(0, 6).Select(i => $"Firma {i} GmbH").ToArray();
        var bad = badLine.Get % names.Length;
        var at = position.Get % (names[bad].Length + 1);
        names[bad] = names[bad].Insert(at, "\"");
        var csv = "Konto;Name (Adressatentyp Unternehmen)\n" + string.Concat(names.Select((n, i) => $"{10001 + i};{n}\n"));

        var result = DatevCustomerImport.Read(new StringReader(csv), Company);

        // Every good line is read; the bad one is either read (a quote that opens and closes a whole field) or reported with its number.
        var read = result.Customers.Select(c => int.Parse(c.Customer.Id.Value, CultureInfo.InvariantCulture) - 10001).ToHashSet();
        Assert.All(Enumerable.Range(0, names.Length).Where(i => i != bad), i => Assert.Contains(i, read));
        Assert.True(read.Contains(bad) || result.Errors.Any(e => e.Line == bad + 2));
    }
}
