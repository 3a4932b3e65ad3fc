using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

/// <summary>Explanations and the forward dunning calendar.</summary>
public sealed class DunningLineTests
{
    private static readonly DunningSettings Strict = Settings(Scheme(5, 20, 40, maximumNotices: 5));

    [Fact]
    public void Forecast_NeverDunned_ListsEveryNoticeToCome()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));

        var line = Assert.Single(DunningEngine.Explain(account, Strict, D));

        Assert.Equal(DunningLineStatus.NotYetDue, line.Status);
        Assert.Equal(
            [new ScheduledNotice(1, D.PlusDays(6)), new ScheduledNotice(2, D.PlusDays(27)), new ScheduledNotice(3, D.PlusDays(68)), new ScheduledNotice(3, D.PlusDays(109)), new ScheduledNotice(3, D.PlusDays(150))],
            line.Forecast());
        Assert.Equal((1, D.PlusDays(6)), (line.NextLevel, line.NextLevelDate));
    }

    [Fact]
    public void Explain_DueNow_ForecastStartsToday()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));

        var line = Assert.Single(DunningEngine.Explain(account, Strict, D.PlusDays(10)));

        Assert.Equal(DunningLineStatus.Raised, line.Status);
        Assert.Equal([new ScheduledNotice(1, D.PlusDays(10)), new ScheduledNotice(2, D.PlusDays(31))], line.Forecast().Take(2));
        Assert.StartsWith("Due for level 1 now", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void NextLevelDate_AfterARaise_CountsFromTheLetterDate()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));

        var line = Preview(Strict, D.PlusDays(10), account).SingleLetter().LineOf("inv");

        Assert.Equal((2, D.PlusDays(31)), (line.NextLevel, line.NextLevelDate));
        Assert.Equal("Level 1: due 2026-03-02, never dunned; due date + 5 days (2026-03-07) is before 2026-03-12. Next: level 2 from 2026-04-02.", line.Explanation);
    }

    [Fact]
    public void Explanation_WaitingItem_SaysWhenItMovesOn()
    {
        var account = Account("C-1", Invoice("inv", 100m, D)).RunAndIssue(Strict, D.PlusDays(6));

        var line = Assert.Single(DunningEngine.Explain(account, Strict, D.PlusDays(10)));

        Assert.Equal(DunningLineStatus.WaitingForNextLevel, line.Status);
        Assert.Equal(1, line.Level);
        Assert.Equal(D.PlusDays(27), line.NextLevelDate);
        Assert.Contains("Next: level 2 from 2026-03-29", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Explanation_RaisedToLevelTwo_NamesTheLastNotice()
    {
        var account = Account("C-1", Invoice("inv", 100m, D)).RunAndIssue(Strict, D.PlusDays(6));

        var line = Preview(Strict, D.PlusDays(27), account).SingleLetter().LineOf("inv");

        Assert.Equal("Level 2: level 1 notice of 2026-03-08 + 20 days (2026-03-28) is before 2026-03-29. Next: level 3 from 2026-05-09.", line.Explanation);
    }

    [Fact]
    public void Forecast_AtTheMaximum_IsEmpty()
    {
        var settings = Settings(Scheme(0, 0, 0, DunningDayComparison.Inclusive, maximumNotices: 3));
        var account = Account("C-1", Invoice("inv", 100m, D));
        for (var day = 1; day <= 3; day++)
        {
            account = account.RunAndIssue(settings, D.PlusDays(day));
        }

        var line = Assert.Single(DunningEngine.Explain(account, settings, D.PlusDays(9)));

        Assert.Equal(DunningLineStatus.MaximumReached, line.Status);
        Assert.Empty(line.Forecast());
        Assert.Null(line.NextLevel);
        Assert.Contains("all 3 notices issued", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_UnlimitedRepeatsAfterManyNotices_ShowsTheNextRepeat()
    {
        var settings = Settings(Scheme(1, 1, 10, DunningDayComparison.Inclusive));
        var account = Account("C-1", Invoice("inv", 100m, D));
        foreach (var day in new[] { 1, 2, 12, 22, 32 })
        {
            account = account.RunAndIssue(settings, D.PlusDays(day));
        }

        var line = Assert.Single(DunningEngine.Explain(account, settings, D.PlusDays(33)));

        Assert.Equal([new ScheduledNotice(3, D.PlusDays(42))], line.Forecast());
    }

    [Fact]
    public void Forecast_PausedUntilADate_StartsAfterThePause()
    {
        var until = new LocalDate(2026, 5, 31);
        var account = Account("C-1", Invoice("inv", 100m, D), new ItemPaused(Id("p"), Id("inv"), "disputed", until));

        var line = Assert.Single(DunningEngine.Explain(account, Strict, D.PlusDays(30)));

        Assert.Equal(DunningExclusion.Paused, line.Exclusion);
        Assert.Equal(until.PlusDays(1), line.NextLevelDate);
        Assert.StartsWith("Excluded: paused until 2026-05-31 (disputed).", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_PausedWithoutEnd_HasNoDate()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), new ItemPaused(Id("p"), Id("inv"), "disputed"));

        Assert.Null(Assert.Single(DunningEngine.Explain(account, Strict, D.PlusDays(30))).NextLevelDate);
    }

    [Fact]
    public void Line_ShowsTheInstallmentsFigures()
    {
        var account = Account("C-1", Invoice("inv", 100m, D), Payment("pay", 25m), Apply("app", "pay", "inv", 25m));

        var line = Preview(Strict, D.PlusDays(10), account).SingleLetter().LineOf("inv");

        Assert.Equal((Eur(100m), Eur(75m), Eur(25m), 10, "RE-inv", ItemKind.Invoice, InstallmentKind.Regular),
            (line.Amount, line.OpenAmount, line.SettledAmount, line.DaysOverdue, line.DocumentNumber, line.ItemKind, line.InstallmentKind));
        Assert.Equal((0, 0, (LocalDate?)null, true), (line.PreviousLevel, line.PreviousNotices, line.LastNoticeDate, line.IssuesNotice));
        Assert.Equal("Kunde C-1", line.CustomerName);
        Assert.Contains("Raised level 1", line.ToString(), StringComparison.Ordinal);
    }
}
