using System.Globalization;
using Debitor.Core.Collections;
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
/// D13.150: a preview over a store scans the accounts as they stream in (<see cref="StreamedRun"/>), holding only the
/// accounts of payer groups; its proposal is the engine's run over all the accounts in the order they came.
/// </summary>
public sealed class StreamedRunProperties
{
    private static readonly BranchId North = new("NORD");

    /// <summary>
    /// Over generated portfolios (customers routing to payer C-00, with <paramref name="chain"/> C-00 routing on to C-01), the
    /// accounts streamed in an order drawn from <paramref name="seed"/> (payers before or after the customers routing to
    /// them), runs limited to a branch or a level, limitation warnings within a far horizon, and the letters of each run
    /// issued before the next.
    /// </summary>
    [Property(Arbitrary = [typeof(DunningArbitraries)], MaxTest = 120)]
    public void StreamedRun_AnyPortfolioAndOrder_GivesTheProposalOfTheRunOverAll(DunningScenario scenario, bool chain, int seed, byte filter, bool archivePayer)
    {
        var settings = scenario.Settings();
        var accounts = ConcernedAccountsProperties.Rewire(scenario.Accounts(), chain);
        for (var i = 0; i < accounts.Length; i++)
        {
            if ((filter & 1) != 0 && i % 2 == 1)
            {
                accounts[i] = accounts[i].Post(new CustomerSettingsChanged(Id("branch-" + i), accounts[i].Customer with { Branch = North }));
            }
        }

        if (archivePayer && accounts.Length > 1 && accounts[0].Items.All(item => item.Status != ItemStatus.Open))
        {
            accounts[0] = accounts[0].Post(new CustomerArchived(Id("archive"), "closed"));
        }

        var order = Enumerable.Range(0, accounts.Length).ToArray();
        new Random(seed).Shuffle(order);
        foreach (var asOf in scenario.RunDates)
        {
            var request = Run(asOf) with
            {
                Branch = (filter & 1) != 0 && (filter & 2) != 0 ? North : null,
                Level = (filter >> 2) % 4 is var level and > 0 ? level : null,
                LimitationWarningHorizon = ((filter >> 4) % 4) switch { 1 => asOf.PlusYears(3), 2 => asOf.PlusYears(4), 3 => asOf.PlusYears(6), _ => null },
            };
            var context = new RunContext(request, settings, InterestSchemeCatalog.Default, ReceivablesContact.Default);
            var streamed = order.Select(i => accounts[i]).ToArray();

            var all = DunningEngine.Run(context, streamed, null, 1);
            var run = new StreamedRun(context);
            var held = streamed.Where(run.Add).ToList();
            foreach (var late in run.LatePayers())
            {
                run.Supply(streamed.Single(a => a.Id == late));
            }

            var proposal = run.Finish(out var scanned);

            Assert.Equal(Describe(all.Letters), Describe(proposal.Letters));
            Assert.Equal(all.Excluded.Select(Describe), proposal.Excluded.Select(Describe));
            Assert.Equal(all.CourtesyReminders.Select(Describe), proposal.CourtesyReminders.Select(Describe));
            Assert.Equal(all.LimitationWarnings, proposal.LimitationWarnings);
            var warnings = streamed.Where(a => RunScope.InScope(request, a.Customer) && !a.IsArchived)
                .SelectMany(a => Limitation.Warnings(a, settings.Limitation, asOf, request.LimitationWarningHorizon));
            Assert.Equal(warnings.OrderBy(w => w.Customer.Value, StringComparer.Ordinal).ThenBy(w => w.Installment.ToString()), proposal.LimitationWarnings.OrderBy(w => w.Customer.Value, StringComparer.Ordinal).ThenBy(w => w.Installment.ToString()));

            // Only accounts of payer groups are held while the stream runs.
            var payers = held.Where(a => RunScope.RoutesToPayer(a.Customer)).Select(a => a.Customer.Payer!.Value).ToHashSet();
            Assert.All(held, a => Assert.True(RunScope.RoutesToPayer(a.Customer) || payers.Contains(a.Id)));
            Assert.All(scanned, a => Assert.True(RunScope.RoutesToPayer(a.Customer) || payers.Contains(a.Id)));
            accounts = all.Issue(scenario.Fees, accounts);
        }
    }

    /// <summary>
    /// D13.151: the processing of a streamed preview (which kept only the views of payer groups and letters) issues what the
    /// processing of the same approval saved and read back (which loads every account) issues, over generated portfolios,
    /// approvals of every or only some letters, and (with <paramref name="reroute"/>) a customer with a letter that routes its
    /// letters to an account the preview did not keep, changed between preview and processing.
    /// </summary>
    [Property(Arbitrary = [typeof(DunningArbitraries)], MaxTest = 40)]
    public async Task Process_AfterAStreamedPreview_IssuesWhatTheSavedApprovalIssues(DunningScenario scenario, bool chain, byte keep, bool reroute)
    {
        var accounts = ConcernedAccountsProperties.Rewire(scenario.Accounts(), chain);
        var kept = await StoreAsync(scenario, accounts);
        var saved = await StoreAsync(scenario, accounts);
        var run = 0;
        foreach (var asOf in scenario.RunDates)
        {
            var request = Run(asOf, "run-" + run++) with { PostFees = scenario.Fees };
            kept.On(asOf);
            saved.On(asOf);
            var proposal = await kept.Dunning.PreviewAsync(Accountant, request);
            var other = await saved.Dunning.PreviewAsync(Accountant, request);
            Assert.Equal(Describe(proposal.Letters), Describe(other.Letters));

            var approval = DunningApproval.Of(proposal);
            var step = (keep % 3) + 1;
            for (var i = 0; i < proposal.Letters.Count; i++)
            {
                if (i % step != 0)
                {
                    approval = approval.WithoutLetter(proposal.Letters[i].Id);
                }
            }

            var onLetters = proposal.Letters.SelectMany(l => l.Customers.Append(l.RecipientId)).ToHashSet();
            // The payer is chosen by its settings as they stand now: an earlier run's reroute may have given it a payer
            // (two customers cannot pay for each other, D12.25).
            var unrouted = new HashSet<CustomerId>();
            foreach (var account in accounts)
            {
                if ((await kept.LoadAsync(account.Id)).Customer.Payer is null)
                {
                    unrouted.Add(account.Id);
                }
            }

            if (reroute && approval.Notices.FirstOrDefault() is { } notice
                && accounts.FirstOrDefault(a => !onLetters.Contains(a.Id) && unrouted.Contains(a.Id) && a.Id != notice.Customer) is { } payer)
            {
                foreach (var fixture in new[] { kept, saved })
                {
                    var customer = (await fixture.LoadAsync(notice.Customer)).Customer;
                    await fixture.Accounts.ChangeSettingsAsync(Accountant, Id("reroute-" + run), customer with
                    {
                        Payer = payer.Id,
                        PayerRouting = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer },
                    });
                }
            }

            var issued = await kept.Dunning.ProcessApprovalAsync(Accountant, approval);
            var expected = await saved.Dunning.ProcessApprovalAsync(Accountant, DunningApproval.FromJson(approval.ToJson()));

            Assert.Equal(Describe(expected.Issued), Describe(issued.Issued));
            Assert.Equal(expected.Removed, issued.Removed);
            foreach (var account in accounts)
            {
                Assert.Equal((await saved.JournalAsync(account.Id)).Select(r => r.Entry), (await kept.JournalAsync(account.Id)).Select(r => r.Entry));
            }
        }
    }

    private static async Task<DunningFixture> StoreAsync(DunningScenario scenario, CustomerAccount[] accounts)
    {
        var fixture = new DunningFixture();
        fixture.Settings.Set(Company, scenario.Settings());
        foreach (var account in accounts)
        {
            await fixture.Store.AppendAsync(account.Id, 0, account.Journal, CancellationToken.None);
        }

        return fixture;
    }

    [Fact]
    public void Finish_PayerStreamedBeforeItsCustomer_ScansThePayerInItsGroupOnly()
    {
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        var payer = NewAccount(NewCustomer("A", "Zahler AG")).Post(Invoice("a1", 100m, D.PlusDays(-40)));
        var customer = NewAccount(NewCustomer("B", "Kunde GmbH") with { Payer = payer.Id, PayerRouting = routed }).Post(Invoice("b1", 200m, D.PlusDays(-40)));
        var loner = NewAccount(NewCustomer("C", "Allein KG")).Post(Invoice("c1", 300m, D.PlusDays(-40)));
        var settings = DunningSettings.Default.WithScheme(new DunningScheme(new SchemeId("default"), [Level(0, 1), Level(10, 2), Level(10, 3)]));
        var context = new RunContext(Run(D), settings, InterestSchemeCatalog.Default, ReceivablesContact.Default);

        var run = new StreamedRun(context);
        var held = new[] { payer, customer, loner }.Select(run.Add).ToList();
        Assert.Equal([false, true, false], held);
        Assert.Equal([payer.Id], run.LatePayers());
        run.Supply(payer);
        var proposal = run.Finish(out var scanned);

        var letter = Assert.Single(proposal.Letters, l => l.RecipientId == payer.Id);
        Assert.Equal([payer.Id, customer.Id], letter.Customers);
        Assert.Equal(300m, letter.OverdueTotal.Amount);
        Assert.Equal(["A", "C"], proposal.Letters.Select(l => l.RecipientId.Value));
        Assert.Equal([payer.Id, customer.Id], scanned.Select(a => a.Id));
    }

    private static IEnumerable<string> Describe(IReadOnlyList<DunningLetter> letters) =>
        ConcernedAccountsProperties.Describe(letters).Zip(letters, (text, l) => string.Create(CultureInfo.InvariantCulture,
            $"{text} {string.Join(",", l.Customers)} credits {l.Credits.Count} fees {l.FeeTotal} not yet due {l.ItemsNotYetDue.Count} {l.NotYetDueTotal} {l.PaymentDeadline}"));

    private static string Describe(DunningLine line) => ConcernedAccountsProperties.Describe(line);
}
