using Debitor.Core.Application;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Tests;

/// <summary>Short names for the values tests build again and again.</summary>
internal static class TestData
{
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 15, 9, 0);
    public static readonly LocalDate Today = new(2026, 3, 15);
    public static readonly UserId Alice = new("alice");
    public static readonly Actor Accountant = new(Alice, Roles.Accountant);
    public static readonly Actor Clerk = new(new UserId("carl"), Roles.Clerk);
    public static readonly Actor Viewer = new(new UserId("vera"), Roles.Viewer);
    public static readonly CompanyId Company = new("acme");
    public static readonly CustomerId CustomerA = new("C-1000");

    public static Money Eur(decimal amount) => new(amount, Currency.EUR);

    public static Money Usd(decimal amount) => new(amount, Currency.USD);

    public static EntryId Id(string value) => new(value);

    public static LocalDate Date(int year, int month, int day) => new(year, month, day);

    public static Customer NewCustomer(string id = "C-1000", string name = "Müller GmbH") =>
        new(new CustomerId(id), id.Replace("C-", "", StringComparison.Ordinal), name, Company);

    public static InvoicePosted Invoice(string id, decimal amount, LocalDate? dueDate = null, LocalDate? documentDate = null) =>
        InvoicePosted.Single(Id(id), "RE-" + id, documentDate ?? Date(2026, 1, 10), dueDate ?? Date(2026, 2, 10), Eur(amount));

    public static PaymentReceived Payment(string id, decimal amount, LocalDate? valueDate = null) =>
        new(Id(id), Eur(amount), valueDate ?? Date(2026, 3, 1));

    public static PaymentApplied Apply(string id, string source, string item, decimal amount, int installment = 1) =>
        new(Id(id), Id(source), new InstallmentRef(Id(item), installment), Eur(amount), Date(2026, 3, 1));

    /// <summary>A fresh account of one customer, built through the pure core (no store).</summary>
    public static CustomerAccount NewAccount(Customer? customer = null) =>
        CustomerAccount.FromJournal([new JournalRecord(1, Now, Alice, new CustomerRegistered(Id("registered"), customer ?? NewCustomer()))]);

    /// <summary>Posts entries through the pure core, the way the application layer does.</summary>
    public static CustomerAccount Post(this CustomerAccount account, params JournalEntry[] entries) =>
        account.Append(entries, Now, Alice, Today, "entries").Account;
}
