using Debitor.Core.Application;
using Debitor.Core.Banking;
using Debitor.Core.Customers;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Customers;

public sealed class MasterDataTests
{
    [Fact]
    public void IsLapsedOn_MandateLastUsed37MonthsAgo_IsLapsed()
    {
        var mandate = new SepaMandate("M-1", SepaScheme.Core, Date(2020, 1, 10), Date(2020, 2, 1), LastCollectionDate: Date(2023, 2, 15));

        Assert.True(mandate.IsLapsedOn(Date(2026, 3, 15)));
        Assert.False(mandate.IsUsableOn(Date(2026, 3, 15)));
        Assert.False(mandate.IsLapsedOn(Date(2026, 2, 14)));
    }

    [Fact]
    public void IsLapsedOn_NeverUsed_CountsFromTheSignature()
    {
        var mandate = new SepaMandate("M-1", SepaScheme.B2B, Date(2023, 3, 15));

        Assert.True(mandate.NextIsFirstCollection);
        Assert.True(mandate.IsLapsedOn(Date(2026, 3, 15)));
        Assert.False(mandate.IsLapsedOn(Date(2026, 3, 14)));
    }

    [Fact]
    public void IsUsableOn_Revoked_IsNotUsable() =>
        Assert.False(new SepaMandate("M-1", SepaScheme.Core, Date(2025, 1, 1), RevokedOn: Date(2026, 1, 1)).IsUsableOn(Date(2026, 2, 1)));

    [Fact]
    public void DocumentAddress_BillingAddressWins()
    {
        var data = new CustomerMasterData
        {
            Addresses =
            [
                new PostalAddress(AddressKind.Main, "Kind GmbH", "Hauptstr. 1", "10115", "Berlin", "DE"),
                new PostalAddress(AddressKind.Billing, "Eltern AG", "Zahlweg 2", "80331", "München", "DE"),
            ],
        };

        Assert.Equal("Eltern AG", data.DocumentAddress!.Name);
    }

    [Fact]
    public void Emails_ExactlyOneChosenForSending()
    {
        Assert.Equal("a@x.de", new CustomerMasterData { Emails = [new EmailAddress("a@x.de", true), new EmailAddress("b@x.de")] }.SendingEmail!.Address);
        Assert.Equal("Emails", Assert.Throws<ArgumentException>(() => new CustomerMasterData { Emails = [new EmailAddress("a@x.de"), new EmailAddress("b@x.de")] }).ParamName);
        Assert.Throws<ArgumentException>(() => new CustomerMasterData { Phones = [new PhoneNumber("1", true), new PhoneNumber("2", true)] });
    }

    [Fact]
    public void CustomFields_AtMostSeven()
    {
        Assert.Equal(7, new CustomerMasterData { CustomFields = [.. Enumerable.Range(1, 7).Select(n => new CustomField(n, "v"))] }.CustomFields.Count);
        Assert.Throws<ArgumentException>(() => new CustomerMasterData { CustomFields = [new CustomField(8, "v")] });
        Assert.Throws<ArgumentException>(() => new CustomerMasterData { CustomFields = [new CustomField(1, "v"), new CustomField(1, "w")] });
    }

    [Fact]
    public void MediumFor_FallsBackToThePreferredChannel()
    {
        var data = new CustomerMasterData { OutputMedia = [new DocumentOutput(DocumentKind.DunningLetter, OutputMedium.Post)] };

        Assert.Equal(OutputMedium.Post, data.MediumFor(DocumentKind.DunningLetter, ContactChannel.Email));
        Assert.Equal(OutputMedium.Email, data.MediumFor(DocumentKind.InterestInvoice, ContactChannel.Email));
    }

    [Fact]
    public void BankAccount_NeedsIbanOrNationalAccount()
    {
        Assert.NotNull(new BankAccount(PaymentMethodKind.SepaDirectDebit, "Müller GmbH", Iban.Parse("DE89370400440532013000"), Bic.Parse("COBADEFFXXX")));
        Assert.NotNull(new BankAccount(PaymentMethodKind.Invoice, "Müller GmbH", accountNumber: "532013000", bankCode: "37040044"));
        Assert.NotNull(new BankAccount(PaymentMethodKind.PayPal, "Müller GmbH", electronicAddress: "pay@mueller.de"));
        Assert.Throws<ArgumentException>(() => new BankAccount(PaymentMethodKind.SepaDirectDebit, "Müller GmbH"));
    }

    [Fact]
    public void BankAccount_FrenchRibKeyIsChecked()
    {
        Assert.NotNull(new BankAccount(PaymentMethodKind.Invoice, "Dupont SARL", accountNumber: "0000157845Z", bankCode: "30002", branchCode: "00550", ribKey: "02"));
        Assert.Equal("ribKey", Assert.Throws<ArgumentException>(() => new BankAccount(PaymentMethodKind.Invoice, "Dupont SARL", accountNumber: "0000157845Z", bankCode: "30002", branchCode: "00550", ribKey: "25")).ParamName);
    }

    [Fact]
    public async Task MandateForm_IsPrefilledFromMasterData()
    {
        var fixture = new ServiceFixture();
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        var collections = new CollectionService(fixture.Service, fixture.Store, new InterestSchemeRegistry(), new EicarTestScanner(), new InMemoryFileStorage());
        var data = new CustomerMasterData
        {
            Addresses = [new PostalAddress(AddressKind.Main, "Müller GmbH", "Hauptstr. 1", "10115", "Berlin", "DE")],
            BankAccounts = [new BankAccount(PaymentMethodKind.SepaDirectDebit, "Müller GmbH", Iban.Parse("DE89370400440532013000"))],
        };
        var account = await collections.ChangeMasterDataAsync(Accountant, CustomerA, Id("md-1"), data);

        var form = CollectionService.MandateForm(account, "Acme AG", SepaCreditorId.Parse("DE98ZZZ09999999999"), "MAND-1000-1");

        Assert.Equal(("Müller GmbH", "DE89370400440532013000", SepaScheme.B2B), (form.DebtorName, form.Iban.ToString(), form.Scheme));
        Assert.Equal("Berlin", form.DebtorAddress!.City);
    }
}
