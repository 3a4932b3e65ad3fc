using System.Globalization;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using FsCheck.Xunit;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

/// <summary>
/// D13.141: a processing runs the engine over the accounts connected to its approved notices by payer routing only; that
/// run gives, for those accounts, the letters and exclusions of the run over every account.
/// </summary>
public sealed class ConcernedAccountsProperties
{
    /// <summary>
    /// Over generated portfolios (customers routing to payer C-00; with <paramref name="chain"/> C-00 itself routing to C-01,
    /// a payer whose letters go on to another payer), every run date, and the approval of every letter or of every
    /// <paramref name="keep"/>-th letter only.
    /// </summary>
    [Property(Arbitrary = [typeof(DunningArbitraries)], MaxTest = 80)]
    public void Run_OverTheConcernedAccounts_GivesTheLettersAndExclusionsOfTheRunOverAll(DunningScenario scenario, bool chain, byte keep)
    {
        var settings = scenario.Settings();
        var accounts = Rewire(scenario.Accounts(), chain);
        foreach (var asOf in scenario.RunDates)
        {
            var context = new RunContext(Run(asOf), settings, InterestSchemeCatalog.Default, ReceivablesContact.Default);
            var proposal = DunningEngine.Run(context, accounts, null, 1);
            var approval = DunningApproval.Of(proposal);
            var step = (keep % 3) + 1;
            for (var i = 0; i < proposal.Letters.Count; i++)
            {
                if (i % step != 0)
                {
                    approval = approval.WithoutLetter(proposal.Letters[i].Id);
                }
            }

            var filter = NoticeFilter.From(approval);
            var concerned = ConcernedAccounts.Of(accounts, approval.Notices.SelectMany(n => new[] { n.Customer, n.Recipient }));
            var ids = concerned.Select(a => a.Id).ToHashSet();

            var all = DunningEngine.Run(context, accounts, filter, 1);
            var some = DunningEngine.Run(context, concerned, filter, 1);

            Assert.Equal(Describe(all.Letters), Describe(some.Letters));
            Assert.Equal(all.Excluded.Where(l => ids.Contains(l.Customer)).Select(Describe), some.Excluded.Select(Describe));
            accounts = proposal.Issue(scenario.Fees, accounts);
        }
    }

    [Fact]
    public void Of_PayerChain_TakesTheWholeConnectedPartAndNothingElse()
    {
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        CustomerAccount Make(string id, string? payer, bool routes = true) => NewAccount(NewCustomer(id, "Kunde " + id) with
        {
            Payer = payer is null ? null : new CustomerId(payer),
            PayerRouting = routes ? routed : PayerRouting.ToCustomer,
        });
        CustomerAccount[] accounts =
        [
            Make("A", "P"), Make("P", "Q"), Make("Q", null), Make("B", "Q"),
            Make("C", "P", routes: false), Make("D", null), Make("E", "D"),
        ];

        var concerned = ConcernedAccounts.Of(accounts, [new CustomerId("A")]);

        Assert.Equal(["A", "P", "Q", "B"], concerned.Select(a => a.Id.Value));
        Assert.Equal(["D", "E"], ConcernedAccounts.Of(accounts, [new CustomerId("E")]).Select(a => a.Id.Value));
        Assert.Equal(["C"], ConcernedAccounts.Of(accounts, [new CustomerId("C"), new CustomerId("X")]).Select(a => a.Id.Value));
    }

    /// <summary>With <paramref name="chain"/>, payer C-00 routes its own letters to C-01 (when there is one).</summary>
    internal static CustomerAccount[] Rewire(CustomerAccount[] accounts, bool chain)
    {
        if (!chain || accounts.Length < 2)
        {
            return accounts;
        }

        var payer = accounts[0];
        var settings = payer.Customer with { Payer = accounts[1].Id, PayerRouting = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer } };
        accounts[0] = payer.Post(new CustomerSettingsChanged(Id("rewire"), settings));
        return accounts;
    }

    private static IEnumerable<string> Describe(IReadOnlyList<DunningLetter> letters) =>
        letters.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Id} {l.RecipientId} {l.Currency} {l.Level} {l.TotalDue} [{string.Join("; ", l.Lines.Select(Describe))}]"));

    private static string Describe(DunningLine line) =>
        string.Create(CultureInfo.InvariantCulture, $"{line} {line.Installment} {line.Interest} {line.Exclusion}");
}
