using Debitor.Core.Agreements;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Agreements;

public sealed class AgreementPlannerTests
{
    [Fact]
    public void Schedule_ThousandInThreeMonthly_IsThirtyThreeThirtyFourThenThirtyThree()
    {
        var schedule = AgreementPlanner.Schedule(Eur(1000m), Date(2026, 3, 15), PaymentAgreementTerms.ByCount(3, Date(2026, 4, 1)));

        Assert.Equal(
            [(1, Date(2026, 4, 1), Eur(333.34m)), (2, Date(2026, 5, 1), Eur(333.33m)), (3, Date(2026, 6, 1), Eur(333.33m))],
            schedule.Select(i => (i.Number, i.Date, i.Amount)));
    }

    [Fact]
    public void Schedule_ByAmount_LastInstallmentTakesTheRest()
    {
        var schedule = AgreementPlanner.Schedule(Eur(1000m), Date(2026, 3, 15), PaymentAgreementTerms.ByAmount(Eur(300m), Date(2026, 3, 20), AgreementInterval.Weekly));

        Assert.Equal([Eur(300m), Eur(300m), Eur(300m), Eur(100m)], schedule.Select(i => i.Amount));
        Assert.Equal(Date(2026, 4, 10), schedule[^1].Date);
    }

    [Fact]
    public void Schedule_MonthlyFromTheThirtyFirst_UsesTheMonthsLastDay() =>
        Assert.Equal(
            [Date(2026, 1, 31), Date(2026, 2, 28), Date(2026, 3, 31)],
            AgreementPlanner.Schedule(Eur(90m), Date(2026, 1, 1), PaymentAgreementTerms.ByCount(3, Date(2026, 1, 31))).Select(i => i.Date));

    [Fact]
    public void Schedule_WithInterestAndFee_AddsInterestOnTheDecliningBalanceAndTheFeeToTheFirst()
    {
        var terms = PaymentAgreementTerms.ByCount(2, Date(2026, 4, 14)) with { InterestPercent = 10m, Fee = Eur(15m) };

        var schedule = AgreementPlanner.Schedule(Eur(1000m), Date(2026, 3, 15), terms);

        // 1st: 500.00 + 1000.00 × 10 % × 30/365 (8.22) + 15.00 fee; 2nd: 500.00 + 500.00 × 10 % × 30/365 (4.11)
        Assert.Equal([Eur(523.22m), Eur(504.11m)], schedule.Select(i => i.Amount));
    }

    [Fact]
    public void Schedule_CustomDates_OneInstallmentEach()
    {
        var schedule = AgreementPlanner.Schedule(Eur(100m), Date(2026, 3, 15), PaymentAgreementTerms.ByDates([Date(2026, 3, 20), Date(2026, 5, 2)]));

        Assert.Equal([(Date(2026, 3, 20), Eur(50m)), (Date(2026, 5, 2), Eur(50m))], schedule.Select(i => (i.Date, i.Amount)));
    }

    [Fact]
    public void Schedule_FirstDateBeforeAgreement_ThrowsNamingTerms() =>
        Assert.Equal("terms", Assert.Throws<ArgumentException>(() => AgreementPlanner.Schedule(Eur(100m), Date(2026, 3, 15), PaymentAgreementTerms.ByCount(2, Date(2026, 3, 1)))).ParamName);

    [Fact]
    public void Schedule_MoreInstallmentsThanCents_ThrowsNamingTerms() =>
        Assert.Equal("terms", Assert.Throws<ArgumentException>(() => AgreementPlanner.Schedule(Eur(0.21m), Date(2026, 3, 15), PaymentAgreementTerms.ByCount(22, Date(2026, 4, 1)))).ParamName);

    [Fact]
    public void ByDates_NotIncreasing_ThrowsNamingDates() =>
        Assert.Equal("dates", Assert.Throws<ArgumentException>(() => PaymentAgreementTerms.ByDates([Date(2026, 3, 20), Date(2026, 3, 20)])).ParamName);

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Schedule_AlwaysAddsUpToTheCoveredAmount(Money amount, PositiveInt count, bool byAmount)
    {
        var covered = amount.IsPositive ? amount : amount.IsNegative ? -amount : Money.FromMinorUnits(1, amount.Currency);
        var terms = byAmount
            ? PaymentAgreementTerms.ByAmount(Money.FromMinorUnits(Math.Max(1, covered.ToMinorUnitsExact() / ((count.Get % 24) + 1)), covered.Currency), Date(2026, 4, 1))
            : PaymentAgreementTerms.ByCount((int)Math.Min((count.Get % 36) + 1, covered.ToMinorUnitsExact()), Date(2026, 4, 1));

        var schedule = AgreementPlanner.Schedule(covered, Date(2026, 3, 15), terms);

        return schedule.Aggregate(Money.Zero(covered.Currency), (sum, i) => sum + i.Amount) == covered
            && schedule.All(i => i.Amount.IsPositive && i.Amount.IsRounded)
            && schedule.Zip(schedule.Skip(1)).All(p => p.First.Date < p.Second.Date);
    }
}
