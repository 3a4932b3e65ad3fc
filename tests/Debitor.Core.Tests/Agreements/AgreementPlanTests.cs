using Debitor.Core.Agreements;
using Debitor.Core.Application;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Agreements;

/// <summary>
/// Plans of any shape (issue 18, point 5), after Tryton's "reschedule lines" scenario: a line of 100.00 split by amount
/// (30.00 every 2 months from the period end: 30, 30, 30, 10) and by number (3 monthly), then edited to 40, 30, 30 with
/// the third date a month later — the edit kept as history.
/// </summary>
public sealed class AgreementPlanTests
{
    private static readonly LocalDate Made = new(2026, 1, 1);
    private static readonly LocalDate PeriodEnd = new(2026, 1, 31);

    private readonly ServiceFixture _fixture = new();

    private CollectionService Collections => new(_fixture.Service, _fixture.Store, new InterestSchemeRegistry(), new EicarTestScanner(), new InMemoryFileStorage());

    [Fact]
    public void Schedule_TrytonSplitByAmountEveryTwoMonths_GivesThirtyThirtyThirtyTen()
    {
        var schedule = AgreementPlanner.Schedule(Eur(100m), Made, PaymentAgreementTerms.ByAmount(Eur(30m), PeriodEnd) with { Every = 2 });

        Assert.Equal(
            [(PeriodEnd, Eur(30m)), (PeriodEnd.PlusMonths(2), Eur(30m)), (PeriodEnd.PlusMonths(4), Eur(30m)), (PeriodEnd.PlusMonths(6), Eur(10m))],
            schedule.Select(i => (i.Date, i.Amount)));
    }

    /// <remarks>Tryton puts the odd cent on the last term (33.33, 33.33, 33.34); we put it on the first (D3: leftovers to the
    /// earlier part, so the customer is never asked for the cent last). Same amounts, same dates.</remarks>
    [Fact]
    public void Schedule_TrytonSplitByNumberMonthly_SplitsToTheCentOnTheSameDates()
    {
        var schedule = AgreementPlanner.Schedule(Eur(100m), Made, PaymentAgreementTerms.ByCount(3, PeriodEnd));

        Assert.Equal([PeriodEnd, PeriodEnd.PlusMonths(1), PeriodEnd.PlusMonths(2)], schedule.Select(i => i.Date));
        Assert.Equal([Eur(33.33m), Eur(33.33m), Eur(33.34m)], schedule.Select(i => i.Amount).OrderBy(m => m.Amount));
    }

    [Theory]
    [InlineData(AgreementInterval.Daily, 10, 10)]
    [InlineData(AgreementInterval.Weekly, 2, 14)]
    public void Schedule_EveryNDaysOrWeeks_SpacesTheDates(AgreementInterval interval, int every, int days)
    {
        var schedule = AgreementPlanner.Schedule(Eur(90m), Made, PaymentAgreementTerms.ByCount(3, PeriodEnd, interval) with { Every = every });

        Assert.Equal([PeriodEnd, PeriodEnd.PlusDays(days), PeriodEnd.PlusDays(2 * days)], schedule.Select(i => i.Date));
    }

    [Fact]
    public void Schedule_CustomAmountsNotAddingUp_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => AgreementPlanner.Schedule(Eur(100m), Made, PaymentAgreementTerms.ByAmounts([Eur(40m), Eur(30m), Eur(29.99m)], PeriodEnd)));

        Assert.Contains("99.99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmendAgreementAsync_TrytonEdit_ReplacesTheScheduleAndKeepsTheHistory()
    {
        _fixture.Clock.Reset(Instant.FromUtc(2026, 1, 1, 9, 0));
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await _fixture.Service.PostAsync(Accountant, CustomerA, Invoice("line", 100m, PeriodEnd, Made));
        await Collections.MakeAgreementAsync(Clerk, CustomerA, Id("agr-1"), [Id("line")], PaymentAgreementTerms.ByCount(3, PeriodEnd), "split 3 months");

        var dates = new[] { PeriodEnd, PeriodEnd.PlusMonths(1), PeriodEnd.PlusMonths(3) };
        var account = await Collections.AmendAgreementAsync(Clerk, CustomerA, Id("agr-1/edit-1"), Id("agr-1"), PaymentAgreementTerms.ByDates(dates, [Eur(40m), Eur(30m), Eur(30m)]), "customer asked for a later third term");

        var agreement = Assert.Single(account.Agreements);
        Assert.Equal([(PeriodEnd, Eur(40m)), (PeriodEnd.PlusMonths(1), Eur(30m)), (PeriodEnd.PlusMonths(3), Eur(30m))], agreement.Schedule.Select(i => (i.Date, i.Amount)));
        Assert.Equal([Eur(33.34m), Eur(33.33m), Eur(33.33m)], agreement.History[0].Select(i => i.Amount));
        Assert.Equal((Eur(100m), AgreementStatus.Active), (agreement.Total, agreement.Status));
        Assert.IsType<PaymentAgreementMade>(account.FindEntry(Id("agr-1")));
        Assert.IsType<PaymentAgreementAmended>(account.FindEntry(Id("agr-1/edit-1")));
    }

    [Fact]
    public async Task AmendAgreementAsync_OtherTotal_IsRefusedAndNothingChanges()
    {
        _fixture.Clock.Reset(Instant.FromUtc(2026, 1, 1, 9, 0));
        await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());
        await _fixture.Service.PostAsync(Accountant, CustomerA, Invoice("line", 100m, PeriodEnd, Made));
        var before = await Collections.MakeAgreementAsync(Clerk, CustomerA, Id("agr-1"), [Id("line")], PaymentAgreementTerms.ByCount(2, PeriodEnd), "split");
        var amend = () => Collections.AmendAgreementAsync(Clerk, CustomerA, Id("agr-1/edit-1"), Id("agr-1"), PaymentAgreementTerms.ByAmounts([Eur(60m), Eur(30m)], PeriodEnd), "less");

        await Assert.ThrowsAsync<ArgumentException>(amend);

        Assert.Equal(before.Version, (await _fixture.Service.GetAccountAsync(Accountant, CustomerA)).Version);
    }
}
