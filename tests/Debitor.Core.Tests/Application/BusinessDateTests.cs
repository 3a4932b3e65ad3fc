using Debitor.Core.Agreements;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 14 point 1 (D14.1): every use case whose result depends on "today" takes an optional as-of date; the clock supplies
/// it only when none is given, and the clock alone stamps <see cref="JournalRecord.RecordedAt"/>. Base portfolio: customer
/// A's invoice inv-1 (100 EUR) is due on 10 February; the clock stands at 15 March 2026, 10:00 in Berlin.
/// </summary>
public sealed class BusinessDateTests
{
    private static readonly LocalDate Due = Date(2026, 2, 10);

    private static async Task<FaultHarness> HarnessAsync()
    {
        var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        return harness;
    }

    [Fact]
    public async Task IssueAsync_AsOfAnEarlierDay_ChargesInterestToThatDayAndIsRecordedNow()
    {
        using var harness = await HarnessAsync();
        var asOf = Date(2026, 3, 1);
        var today = await harness.Interest.PreviewAsync(UseCases.Actor, CustomerA, "ZR-1");
        var earlier = await harness.Interest.PreviewAsync(UseCases.Actor, CustomerA, "ZR-1", asOf);
        Assert.True(Assert.Single(earlier).Total < Assert.Single(today).Total);

        var issued = await harness.Interest.IssueAsync(UseCases.Actor, CustomerA, "ZR-1", asOf);

        Assert.Equal(earlier, issued);
        var charges = (await harness.Store.LoadAsync(CustomerA, default)).Where(r => r.Entry is ChargePosted { Kind: ChargeKind.Interest }).ToList();
        Assert.NotEmpty(charges);
        Assert.All(charges, r => Assert.Equal(asOf, ((ChargePosted)r.Entry).Date));
        Assert.All(charges, r => Assert.Equal(harness.Clock.Now, r.RecordedAt));
    }

    [Fact]
    public async Task IssueAsync_AsOfAfterToday_IsRefusedAndChangesNothing()
    {
        using var harness = await HarnessAsync();
        var before = await harness.SnapshotAsync();

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Interest.IssueAsync(UseCases.Actor, CustomerA, "ZR-1", Date(2026, 3, 16)));

        Assert.Equal("asOf", refused.ParamName);
        Assert.Equal(before, await harness.SnapshotAsync());
    }

    [Fact]
    public async Task CheckAgreementsAsync_AsOf_DecidesTheBreachAndItsDateButNotRecordedAt()
    {
        using var harness = await HarnessAsync();
        harness.Clock.Now = Instant.FromUtc(2026, 2, 12, 9, 0);
        await harness.Collections.MakeAgreementAsync(Accountant, CustomerA, Id("agr-0"), [Id("inv-1")], PaymentAgreementTerms.ByCount(2, Date(2026, 3, 1)) with { GraceDays = 3 });
        harness.Clock.Now = Now;

        var withinGrace = await harness.Collections.CheckAgreementsAsync(UseCases.Actor, CustomerA, Date(2026, 3, 3));
        Assert.Equal(AgreementHealth.Kept, Assert.Single(withinGrace).Health);
        Assert.DoesNotContain(await harness.Store.LoadAsync(CustomerA, default), r => r.Entry is PaymentAgreementBroken);

        var breached = await harness.Collections.CheckAgreementsAsync(UseCases.Actor, CustomerA, Date(2026, 3, 10));

        Assert.Equal(AgreementHealth.Breached, Assert.Single(breached).Health);
        var broken = Assert.Single(await harness.Store.LoadAsync(CustomerA, default), r => r.Entry is PaymentAgreementBroken);
        Assert.Equal(Date(2026, 3, 10), ((PaymentAgreementBroken)broken.Entry).Date);
        Assert.Equal(Now, broken.RecordedAt);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Collections.CheckAgreementsAsync(UseCases.Actor, CustomerA, Date(2026, 3, 16)));
    }

    [Fact]
    public async Task GetAgingAsync_AsOf_AgesOnThatDay()
    {
        using var harness = await HarnessAsync();

        var beforeDue = await harness.Figures.GetAgingAsync(UseCases.Actor, CustomerA, Due.PlusDays(-1));
        var today = await harness.Figures.GetAgingAsync(UseCases.Actor, CustomerA);
        var portfolio = await harness.Figures.GetPortfolioAgingAsync(UseCases.Actor, Company, Due.PlusDays(-1));

        Assert.Equal((Due.PlusDays(-1), Today), (beforeDue.AsOf, today.AsOf));
        Assert.Equal(Due.PlusDays(-1), portfolio.AsOf);
        Assert.NotEqual(beforeDue.LineIn(Currency.EUR)!.Buckets, today.LineIn(Currency.EUR)!.Buckets);
        Assert.Equal(beforeDue.LineIn(Currency.EUR)!.Total, today.LineIn(Currency.EUR)!.Total);
    }

    [Fact]
    public async Task GetPositionAndHeadline_AsOf_JudgeOverdueOnThatDay()
    {
        using var harness = await HarnessAsync();

        var beforeDue = await harness.Credit.GetPositionAsync(UseCases.Actor, CustomerA, Due.PlusDays(-1));
        var tenDaysLate = await harness.Credit.GetPositionAsync(UseCases.Actor, CustomerA, Due.PlusDays(10));
        var today = await harness.Credit.GetPositionAsync(UseCases.Actor, CustomerA);
        var headline = await harness.Credit.GetHeadlineAsync(UseCases.Actor, CustomerA, Due.PlusDays(10));

        Assert.False(beforeDue.Status.IsOverdue);
        Assert.Equal(10, tenDaysLate.Status.DaysOverdue);
        Assert.Equal(Period.DaysBetween(Due, Today), today.Status.DaysOverdue);
        Assert.Equal((Due.PlusDays(10), 10), (headline.AsOf, headline.Credit.Status.DaysOverdue));
    }

    [Fact]
    public async Task GetMonthlySeriesAsync_AsOf_EndsInThatMonth()
    {
        using var harness = await HarnessAsync();

        var series = await harness.Figures.GetMonthlySeriesAsync(UseCases.Actor, CustomerA, asOf: Date(2026, 1, 31));

        Assert.Equal(new YearMonth(2026, 1), series[^1].Month);
        Assert.Equal(new YearMonth(2026, 3), (await harness.Figures.GetMonthlySeriesAsync(UseCases.Actor, CustomerA))[^1].Month);
    }

    [Fact]
    public async Task GetOpenItemsStatementAsync_AsOf_IsTheStatementDate()
    {
        using var harness = await HarnessAsync();

        var statement = await harness.Statements.GetOpenItemsStatementAsync(UseCases.Actor, CustomerA, Due.PlusDays(-1));

        Assert.Equal(Due.PlusDays(-1), statement.Date);
    }
}
