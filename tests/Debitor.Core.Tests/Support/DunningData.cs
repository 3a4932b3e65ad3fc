using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>Builders for dunning tests: schemes, accounts, runs, and issuing a proposal through the pure core.</summary>
internal static class DunningData
{
    /// <summary>The due date most scenarios start from (a Monday).</summary>
    public static readonly LocalDate D = new(2026, 3, 2);

    public static DunningLevel Level(int days, int number) => new(days, $"l{number}.header", $"l{number}.footer");

    /// <summary>A three-level scheme "default" without fees, interest or minimums.</summary>
    public static DunningScheme Scheme(int d1 = 5, int d2 = 20, int d3 = 40, DunningDayComparison comparison = DunningDayComparison.Strict, int maximumNotices = 0) =>
        new(new SchemeId("default"), [Level(d1, 1), Level(d2, 2), Level(d3, 3)]) { Comparison = comparison, MaximumNotices = maximumNotices };

    public static DunningSettings Settings(DunningScheme? scheme = null) => DunningSettings.Default.WithScheme(scheme ?? Scheme());

    public static DunningRunRequest Run(LocalDate asOf, string? id = null) =>
        new(new DunningRunId(id ?? "run-" + asOf.ToString("yyyy-MM-dd", null)), Company, asOf);

    public static Customer Customer(string id = "C-1000") => NewCustomer(id, "Kunde " + id);

    public static CustomerAccount Account(Customer customer, params JournalEntry[] entries) => NewAccount(customer).Post(entries);

    public static CustomerAccount Account(string id, params JournalEntry[] entries) => Account(Customer(id), entries);

    public static InvoicePosted Invoice(string id, decimal amount, LocalDate due, Currency? currency = null) =>
        InvoicePosted.Single(Id(id), "RE-" + id, due.PlusDays(-30), due, new Money(amount, currency ?? Currency.EUR));

    public static DunningProposal Preview(DunningSettings settings, LocalDate asOf, params CustomerAccount[] accounts) =>
        DunningEngine.Preview(Run(asOf), settings, accounts);

    public static DunningProposal Preview(DunningSettings settings, DunningRunRequest request, params CustomerAccount[] accounts) =>
        DunningEngine.Preview(request, settings, accounts);

    /// <summary>Issues a proposal's letters to the given accounts through the pure core, as processing does.</summary>
    public static CustomerAccount[] Issue(this DunningProposal proposal, bool postFees, params CustomerAccount[] accounts)
    {
        var byId = accounts.ToDictionary(a => a.Id);
        foreach (var letter in proposal.Letters)
        {
            foreach (var (customer, entries) in DunningPostings.EntriesFor(letter, postFees))
            {
                byId[customer] = byId[customer].Post([.. entries]);
            }
        }

        return [.. accounts.Select(a => byId[a.Id])];
    }

    /// <summary>Previews and issues one run for a single account.</summary>
    public static CustomerAccount RunAndIssue(this CustomerAccount account, DunningSettings settings, LocalDate asOf) =>
        Preview(settings, asOf, account).Issue(false, account)[0];

    public static DunningLetter SingleLetter(this DunningProposal proposal) => Assert.Single(proposal.Letters);

    public static DunningLine LineOf(this DunningLetter letter, string item, int installment = 1) =>
        letter.Lines.Single(l => l.Installment == new InstallmentRef(Id(item), installment));

    public static OpenInstallment Installment(this CustomerAccount account, string item, int number = 1) =>
        account.FindInstallment(new InstallmentRef(Id(item), number))!;
}
