using Debitor.Core.Collections;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Collections;

/// <summary>Issue 17, point 11: limitation (§§195, 199, 204, 209, 212 BGB) of claims, in runs and on their own.</summary>
public sealed class LimitationTests
{
    private static ClaimLimitation Of(CustomerAccount account, string item, LimitationSettings? settings = null) =>
        Limitation.Of(account, account.Installment(item), settings ?? LimitationSettings.Regular);

    private static PaymentApplied PaidOn(string id, string item, decimal amount, LocalDate date) =>
        new(Id(id + "/apply"), Id(id), new InstallmentRef(Id(item), 1), Eur(amount), date);

    [Theory]
    [InlineData(2026, 1, 1, 2029)]
    [InlineData(2026, 12, 31, 2029)]
    [InlineData(2024, 2, 29, 2027)]
    [InlineData(2027, 1, 1, 2030)]
    public void RegularEnd_ClaimArisingAnyDayOfAYear_EndsOnThirtyFirstDecemberThreeYearsAfterThatYear(int year, int month, int day, int endYear)
    {
        Assert.Equal(Date(endYear, 12, 31), Limitation.RegularEnd(Date(year, month, day), 3));
    }

    [Fact]
    public void Of_ClaimDueOnFirstAndLastDayOfAYear_TimeBarredFromTheFirstDayOfTheFourthYearAfter()
    {
        var account = Account("C-1", Invoice("jan", 100m, Date(2026, 1, 1)), Invoice("dec", 100m, Date(2026, 12, 31)));

        foreach (var item in new[] { "jan", "dec" })
        {
            var limitation = Of(account, item);
            Assert.Equal(Date(2029, 12, 31), limitation.EndsOn);
            Assert.False(limitation.IsTimeBarredOn(Date(2029, 12, 31)));
            Assert.True(limitation.IsTimeBarredOn(Date(2030, 1, 1)));
        }
    }

    [Fact]
    public void Of_ArisesOnTheDueDateAsPosted_NotOnTheDocumentDateOrAChangedDueDate()
    {
        // Invoiced 20 Dec 2025, due 5 Jan 2026: the claim can be enforced (arises) in 2026, so it ends with 2029.
        var account = Account("C-1", InvoicePosted.Single(Id("x"), "RE-x", Date(2025, 12, 20), Date(2026, 1, 5), Eur(100m)))
            .Post(new DueDateChanged(Id("move"), Id("x"), Date(2027, 3, 1), "Kulanz"));

        var limitation = Of(account, "x");

        Assert.Equal(Date(2026, 1, 5), limitation.ArisesOn);
        Assert.Equal(Date(2029, 12, 31), limitation.EndsOn);
    }

    [Fact]
    public void Of_PartPaymentOnALeapDay_RestartsTheFullPeriodFromThatDay()
    {
        // §212(1) no. 1: a part payment acknowledges the claim; the new period runs from the day without the year-end rule,
        // and ends on the last day of February when the year has no 29th (§188(3)).
        var account = Account("C-1", Invoice("x", 100m, Date(2023, 6, 30)), Payment("p", 40m, Date(2024, 2, 29)), PaidOn("p", "x", 40m, Date(2024, 2, 29)));

        var limitation = Of(account, "x");

        Assert.Equal(Date(2024, 2, 29), limitation.RestartedOn);
        Assert.Equal(Date(2027, 2, 28), limitation.EndsOn);
        Assert.True(limitation.IsTimeBarredOn(Date(2027, 3, 1)));
    }

    [Fact]
    public void Of_PaymentAfterTheEnd_DoesNotRestart()
    {
        var account = Account("C-1", Invoice("x", 100m, Date(2022, 6, 30)), Payment("p", 40m, Date(2026, 2, 1)), PaidOn("p", "x", 40m, Date(2026, 2, 1)));

        var limitation = Of(account, "x");

        Assert.Null(limitation.RestartedOn);
        Assert.Equal(Date(2025, 12, 31), limitation.EndsOn);
    }

    [Fact]
    public void Of_CustomerWithOwnPeriod_UsesIt()
    {
        var settings = LimitationSettings.Regular with { CustomerYears = new Dictionary<CustomerId, int> { [new CustomerId("C-1")] = 2 } };
        var account = Account("C-1", Invoice("x", 100m, Date(2026, 5, 1)));

        Assert.Equal(Date(2028, 12, 31), Of(account, "x", settings).EndsOn);
        Assert.Equal(Date(2031, 12, 31), Of(Account("C-2", Invoice("x", 100m, Date(2026, 5, 1))), "x", settings with { Years = 5 }).EndsOn);
    }

    [Fact]
    public void Settings_PeriodOutsideOneToThirtyYears_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitationSettings.Regular with { Years = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitationSettings.Regular with { CustomerYears = new Dictionary<CustomerId, int> { [new CustomerId("C-1")] = 31 } });
    }

    [Fact]
    public void Of_OpenCourtDunningCase_SuspendsLimitation_ClosedCaseAddsTheSuspendedTimePlusSixMonths()
    {
        var account = Account("C-1", Invoice("x", 100m, Date(2026, 3, 1)))
            .Post(new ItemsHandedOver(Id("case"), [Id("x")], HandOverKind.CourtDunning, "Mahngericht", Date(2029, 11, 1)));

        var open = Of(account, "x");
        Assert.True(open.IsSuspended);
        Assert.False(open.IsTimeBarredOn(Date(2031, 1, 1)));

        var closed = Of(account.Post(new HandOverClosed(Id("close"), Id("case"), HandOverOutcome.Returned, Date(2030, 1, 15))), "x");
        Assert.False(closed.IsSuspended);

        // Suspended from 1 Nov 2029 to 15 Jul 2030 (six months after the end, §204(2)): 256 days added to 31 Dec 2029 (§209).
        Assert.Equal(Date(2029, 12, 31).PlusDays(Period.DaysBetween(Date(2029, 11, 1), Date(2030, 7, 15))), closed.EndsOn);
    }

    [Fact]
    public void Run_ClaimPastItsLimitation_ExcludedAsTimeBarred_OnTheLastDayItIsStillDunned()
    {
        var account = Account("C-1", Invoice("old", 100m, Date(2026, 12, 31)));

        var lastDay = Preview(Settings(), Date(2029, 12, 31), account);
        var barred = Preview(Settings(), Date(2030, 1, 1), account);

        Assert.Contains(lastDay.SingleLetter().Lines, l => l.Installment.Item == Id("old"));
        Assert.Empty(barred.Letters);
        var line = Assert.Single(barred.Excluded);
        Assert.Equal(DunningExclusion.TimeBarred, line.Exclusion);
        Assert.Contains("time-barred", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TimeBarredClaimBesideADueOne_LetterClaimsOnlyTheDueOne()
    {
        var account = Account("C-1", Invoice("old", 100m, Date(2025, 1, 1)), Invoice("new", 50m, Date(2029, 1, 10)));

        var proposal = Preview(Settings(), Date(2029, 2, 1), account);

        var letter = proposal.SingleLetter();
        Assert.Equal(["new"], letter.Lines.Select(l => l.Installment.Item.Value));
        Assert.Equal(Eur(50m), letter.OverdueTotal);
        Assert.Equal(DunningExclusion.TimeBarred, Assert.Single(proposal.Excluded).Exclusion);
    }

    [Fact]
    public void Run_LimitationWarnings_ListClaimsEndingBeforeTheComingThirtyFirstDecember_GermanFirst()
    {
        var account = Account("C-1", Invoice("ends-2029", 100m, Date(2026, 12, 31)), Invoice("ends-2030", 70m, Date(2027, 1, 1)));

        var proposal = Preview(Settings(), Date(2029, 6, 1), account);
        var wider = Preview(Settings(), Run(Date(2029, 6, 1)) with { LimitationWarningHorizon = Date(2030, 12, 31) }, account);

        var warning = Assert.Single(proposal.LimitationWarnings);
        Assert.Equal(Id("ends-2029"), warning.Installment.Item);
        Assert.Equal(Date(2029, 12, 31), warning.EndsOn);
        Assert.StartsWith("Verjährungswarnung", warning.WarningText, StringComparison.Ordinal);
        Assert.Contains("take action to suspend it", warning.WarningText, StringComparison.Ordinal);
        Assert.Equal(2, wider.LimitationWarnings.Count);
    }

    [Fact]
    public void Run_ClaimHandedToCourtDunning_ExcludedAndNotWarned()
    {
        var account = Account("C-1", Invoice("x", 100m, Date(2026, 6, 1)))
            .Post(new ItemsHandedOver(Id("case"), [Id("x")], HandOverKind.CourtDunning, "Mahngericht", Date(2029, 5, 1)));

        var proposal = Preview(Settings(), Date(2029, 6, 1), account);

        Assert.Empty(proposal.Letters);
        Assert.Equal(DunningExclusion.HandedToCourtDunning, Assert.Single(proposal.Excluded).Exclusion);
        Assert.Empty(proposal.LimitationWarnings);
        Assert.Equal(LegalStatus.CourtDunning, account.FindItem(Id("x"))!.LegalStatus);
    }

    [Fact]
    public void Run_CompanyPeriodFromTheSettings_DecidesTimeBarred()
    {
        var settings = Settings().WithLimitation(LimitationSettings.Regular with { Years = 4 });
        var account = Account("C-1", Invoice("x", 100m, Date(2026, 12, 31)));

        Assert.NotEmpty(Preview(settings, Date(2030, 1, 1), account).Letters);
        Assert.Equal(settings.Limitation, settings.WithCalendar(settings.Calendar).WithDefaultDays(settings.DefaultDays).WithScheme(Scheme()).Limitation);
    }
}
