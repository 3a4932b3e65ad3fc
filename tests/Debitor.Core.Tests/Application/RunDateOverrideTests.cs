using System.Globalization;
using Debitor.Core.Application;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 12, defect 12: processing a run whose date is not the processing day (in the company's time zone) needs an
/// explicit override, checked against <see cref="Permission.ProcessBackDatedRuns"/> and recorded (D12.23).
/// </summary>
public sealed class RunDateOverrideTests
{
    private static readonly Actor Supervisor = new(new UserId("sue"), Roles.Supervisor);
    private static readonly CustomerId C1 = new("C-1");

    /// <summary>Clock at 15 March 2026 (the processing day), one customer with an invoice due on 2 March.</summary>
    private static async Task<DunningFixture> FixtureAsync()
    {
        var fixture = new DunningFixture();
        await fixture.AddAsync(Customer("C-1"), Invoice("a", 100m, D));
        return fixture;
    }

    public static TheoryData<int> OtherDays() => [-7, -1, 1, 5];

    [Theory]
    [MemberData(nameof(OtherDays))]
    public async Task Process_RunDateNotTodayWithoutOverride_IsRefusedAndChangesNothing(int days)
    {
        var fixture = await FixtureAsync();
        var before = await fixture.JournalAsync(C1);
        var proposal = await fixture.Dunning.PreviewAsync(Supervisor, Run(Today.PlusDays(days)));
        Assert.NotEmpty(proposal.Letters);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Dunning.ProcessAsync(Supervisor, proposal));

        Assert.Contains("RunDateOverride", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.JournalAsync(C1));
        Assert.Empty(fixture.Output.Letters);
    }

    [Theory]
    [MemberData(nameof(OtherDays))]
    public async Task Process_OverrideWithoutPermission_IsRefusedAndChangesNothing(int days)
    {
        var fixture = await FixtureAsync();
        var before = await fixture.JournalAsync(C1);
        var proposal = await fixture.Dunning.PreviewAsync(Accountant, Run(Today.PlusDays(days)) with { RunDateOverride = "Lauf vom Systemausfall nachholen" });

        var refused = await Assert.ThrowsAsync<AuthorizationException>(() => fixture.Dunning.ProcessAsync(Accountant, proposal));

        Assert.Equal(Permission.ProcessBackDatedRuns, refused.Permission);
        Assert.Equal(before, await fixture.JournalAsync(C1));
        Assert.Empty(fixture.Output.Letters);
    }

    [Theory]
    [MemberData(nameof(OtherDays))]
    public async Task Process_OverrideWithPermission_IssuesOnTheRunDateAndRecordsWhoWhyAndWhen(int days)
    {
        var fixture = await FixtureAsync();
        var runDate = Today.PlusDays(days);
        const string Reason = "Lauf vom Systemausfall nachholen";
        var proposal = await fixture.Dunning.PreviewAsync(Supervisor, Run(runDate) with { RunDateOverride = Reason });

        var result = await fixture.Dunning.ProcessAsync(Supervisor, proposal);

        var letter = Assert.Single(result.Issued);
        Assert.Equal(runDate, letter.LetterDate);
        var journal = await fixture.JournalAsync(C1);
        var notice = Assert.Single(journal, r => r.Entry is DunningNoticeIssued);
        Assert.Equal(runDate, ((DunningNoticeIssued)notice.Entry).LetterDate);
        var record = Assert.Single(journal, r => r.Entry is CommunicationRecorded c && c.Id.Value.EndsWith("/override", StringComparison.Ordinal));
        var entry = (CommunicationRecorded)record.Entry;
        Assert.Equal(Reason, entry.Text);
        Assert.Contains("abweichendem Datum", entry.Subject, StringComparison.Ordinal);
        Assert.Contains(runDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), entry.Subject, StringComparison.Ordinal);
        Assert.Contains(Today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), entry.Subject, StringComparison.Ordinal);
        Assert.Equal(Supervisor.User, record.RecordedBy);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), record.RecordedAt);
        Assert.Equal(notice.RecordedAt, record.RecordedAt);
    }

    [Fact]
    public async Task Process_OverrideTwice_RecordsItOnce()
    {
        var fixture = await FixtureAsync();
        var proposal = await fixture.Dunning.PreviewAsync(Supervisor, Run(Today.PlusDays(-3)) with { RunDateOverride = "nachholen" });

        await fixture.Dunning.ProcessAsync(Supervisor, proposal);
        await fixture.Dunning.ProcessAsync(Supervisor, proposal);

        Assert.Single(await fixture.JournalAsync(C1), r => r.Entry is CommunicationRecorded c && c.Id.Value.EndsWith("/override", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Process_RunDatedToday_NeedsNoOverrideAndRecordsNone()
    {
        var fixture = await FixtureAsync();

        var result = await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, Run(Today)));

        Assert.Equal(Today, Assert.Single(result.Issued).LetterDate);
        Assert.DoesNotContain(await fixture.JournalAsync(C1), r => r.Entry is CommunicationRecorded c && c.Id.Value.EndsWith("/override", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Process_TodayIsTheDateInTheCompanysTimeZone()
    {
        // 23:30 UTC on 14 March is 00:30 on 15 March in Berlin: a run dated 15 March is today's run.
        var fixture = await FixtureAsync();
        fixture.Clock.Reset(Instant.FromUtc(2026, 3, 14, 23, 30));

        var result = await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, Run(Today)));

        Assert.Single(result.Issued);
        await Assert.ThrowsAsync<ArgumentException>(async () => await fixture.Dunning.ProcessAsync(Accountant, await fixture.Dunning.PreviewAsync(Accountant, Run(Today.PlusDays(-1), "r-14"))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RunDateOverride_Blank_IsRefused(string reason)
    {
        var refused = Assert.Throws<ArgumentException>(() => Run(Today) with { RunDateOverride = reason });

        Assert.Equal(nameof(DunningRunRequest.RunDateOverride), refused.ParamName);
    }

    [Fact]
    public async Task RoleBasedAuthorization_OnlySupervisorsMayProcessBackDatedRuns()
    {
        var authorization = new RoleBasedAuthorization();

        Assert.True(await authorization.IsAllowedAsync(Supervisor, Permission.ProcessBackDatedRuns, C1, default));
        Assert.False(await authorization.IsAllowedAsync(Accountant, Permission.ProcessBackDatedRuns, C1, default));
        Assert.False(await authorization.IsAllowedAsync(Clerk, Permission.ProcessBackDatedRuns, C1, default));
    }
}
