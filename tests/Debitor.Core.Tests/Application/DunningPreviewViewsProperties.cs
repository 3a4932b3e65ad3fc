using System.Globalization;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Tests.Dunning;
using FsCheck.Xunit;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// The preview from views a caller holds (a grain's warm view, issue 19, D19.42) is the preview from the store: the same
/// letters and excluded items, before and after a run of the same id was processed.
/// </summary>
public sealed class DunningPreviewViewsProperties
{
    [Property(Arbitrary = [typeof(DunningArbitraries)], MaxTest = 60)]
    public async Task PreviewViewsAsync_AccountsOfTheStore_EqualsPreviewAsync(DunningScenario scenario)
    {
        var fixture = await DunningProperties.StoreAsync(scenario);
        var ids = scenario.Accounts().Select(a => a.Id).ToList();
        foreach (var asOf in scenario.RunDates)
        {
            fixture.On(asOf);
            var request = Run(asOf) with { PostFees = scenario.Fees };
            var fromStore = await fixture.Dunning.PreviewAsync(Accountant, request);
            var fromViews = await fixture.Dunning.PreviewViewsAsync(Accountant, request, await ViewsAsync(fixture, ids), CancellationToken.None);
            Assert.Equal(Describe(fromStore), Describe(fromViews));

            // Processed: the views now hold the run's entries; both previews see the accounts as they stood before the run.
            _ = await fixture.Dunning.ProcessAsync(Accountant, fromStore);
            var again = await fixture.Dunning.PreviewViewsAsync(Accountant, request, await ViewsAsync(fixture, ids), CancellationToken.None);
            Assert.Equal(Describe(await fixture.Dunning.PreviewAsync(Accountant, request)), Describe(again));
            Assert.Equal(Describe(fromStore), Describe(again));
        }
    }

    private static async Task<List<CustomerAccount>> ViewsAsync(DunningFixture fixture, IEnumerable<CustomerId> ids) =>
        [.. (await Task.WhenAll(ids.Select(fixture.JournalAsync))).Where(j => j.Count > 0).Select(j => CustomerAccount.FromJournal(j))];

    private static List<string> Describe(DunningProposal proposal) =>
    [
        .. proposal.Letters.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Id}|{l.RecipientId}|{string.Join(',', l.Customers)}|{l.Level}|{l.TotalDue}|{l.InterestTotal}|{l.FeeTotal}|{l.NoticeCount}|{string.Join(';', l.Lines.Select(Line))}")),
        .. proposal.Excluded.Select(Line),
    ];

    private static string Line(DunningLine line) => string.Create(CultureInfo.InvariantCulture,
        $"{line.Customer}|{line.Installment.Item}#{line.Installment.Number}|{line.Level}|{line.Status}|{line.Exclusion}|{line.Fee}|{line.Interest}|{line.IssuesNotice}");
}
