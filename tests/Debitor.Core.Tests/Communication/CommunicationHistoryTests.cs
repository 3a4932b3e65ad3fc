using Debitor.Core.Application;
using Debitor.Core.Communication;
using Debitor.Core.FollowUps;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Communication;

public sealed class CommunicationHistoryTests
{
    private readonly ServiceFixture _fixture = new();

    private CollectionService Collections => new(_fixture.Service, _fixture.Store, new InterestSchemeRegistry(), new EicarTestScanner(), new InMemoryFileStorage());

    private async Task RegisterAsync() => await _fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());

    [Fact]
    public async Task RecordEmailStatusAsync_MovesForwardOnly()
    {
        await RegisterAsync();
        await _fixture.Service.RecordCommunicationAsync(Clerk, CustomerA, new CommunicationRecorded(Id("mail-1"), CommunicationKind.Email, "Reminder", "…"));
        await Collections.RecordEmailStatusAsync(Clerk, CustomerA, Id("s-1"), Id("mail-1"), EmailStatus.Sent);

        var account = await Collections.RecordEmailStatusAsync(Clerk, CustomerA, Id("s-2"), Id("mail-1"), EmailStatus.Opened);

        Assert.Equal(EmailStatus.Opened, account.Communications.Single().EmailStatus);
        await Assert.ThrowsAsync<ArgumentException>(() => Collections.RecordEmailStatusAsync(Clerk, CustomerA, Id("s-3"), Id("mail-1"), EmailStatus.Received));
    }

    [Fact]
    public async Task PinCommentAsync_OnePinAtATime()
    {
        await RegisterAsync();
        await _fixture.Service.RecordCommunicationAsync(Clerk, CustomerA, new CommunicationRecorded(Id("c-1"), CommunicationKind.Comment, "Pays late", "always after the second call"));
        await _fixture.Service.RecordCommunicationAsync(Clerk, CustomerA, new CommunicationRecorded(Id("c-2"), CommunicationKind.Comment, "New contact", "Ms Berger"));
        await Collections.PinCommentAsync(Clerk, CustomerA, Id("pin-1"), Id("c-1"));

        var account = await Collections.PinCommentAsync(Clerk, CustomerA, Id("pin-2"), Id("c-2"));

        Assert.Equal(Id("c-2"), account.PinnedComment!.Id);
        Assert.Null((await Collections.PinCommentAsync(Clerk, CustomerA, Id("pin-3"), null)).PinnedComment);
    }

    [Fact]
    public async Task PinCommentAsync_NotAComment_IsRefused()
    {
        await RegisterAsync();
        await _fixture.Service.RecordCommunicationAsync(Clerk, CustomerA, new CommunicationRecorded(Id("call-1"), CommunicationKind.PhoneCall, "Call", "…"));

        await Assert.ThrowsAsync<ArgumentException>(() => Collections.PinCommentAsync(Clerk, CustomerA, Id("pin-1"), Id("call-1")));
    }

    [Fact]
    public async Task FollowUps_AccountManagerTaskIsPendingUntilDone_AndDueOnesAreListed()
    {
        await RegisterAsync();
        await Collections.CreateFollowUpAsync(Clerk, CustomerA, new FollowUpCreated(Id("t-1"), FollowUpKind.AccountManagerTask, Date(2026, 3, 20), "Call the CFO", new UserId("anna")));
        var account = await Collections.CreateFollowUpAsync(Clerk, CustomerA, new FollowUpCreated(Id("r-1"), FollowUpKind.Reminder, Date(2026, 3, 16), "Check payment"));

        Assert.True(account.HasPendingAccountManagerTask);
        Assert.Equal([Id("r-1")], (await Collections.DueFollowUpsAsync(Clerk, Company, Date(2026, 3, 16))).Select(d => d.FollowUp.Id));
        Assert.Equal([Id("r-1"), Id("t-1")], (await Collections.DueFollowUpsAsync(Clerk, Company, Date(2026, 3, 31))).Select(d => d.FollowUp.Id));

        account = await Collections.CompleteFollowUpAsync(Clerk, CustomerA, Id("done-1"), Id("t-1"));

        Assert.False(account.HasPendingAccountManagerTask);
        Assert.Equal(Clerk.User, account.FollowUps[0].DoneBy);
        Assert.Contains(account.Communications, c => c.Kind == CommunicationKind.AccountManagerNotice);
    }

    [Fact]
    public void Search_TextKindUserAndDates_NewestFirst()
    {
        var at = Instant.FromUtc(2026, 3, 1, 8, 0);
        CommunicationEntry Entry(string id, CommunicationKind kind, string subject, string user, int hours) =>
            new(Id(id), kind, subject, "text", new UserId(user), at.Plus(Duration.FromHours(hours)), null);
        var entries = new[]
        {
            Entry("1", CommunicationKind.PhoneCall, "Promised payment", "anna", 0),
            Entry("2", CommunicationKind.Email, "Reminder sent", "bob", 1),
            Entry("3", CommunicationKind.PhoneCall, "Promised again", "anna", 2),
            Entry("4", CommunicationKind.Comment, "promised?", "anna", 3),
        };

        var found = CommunicationHistory.Search(entries, new CommunicationFilter(Text: "PROMISED", Kinds: [CommunicationKind.PhoneCall], User: new UserId("anna"), From: at, To: at.Plus(Duration.FromHours(3))));

        Assert.Equal(["3", "1"], found.Select(e => e.Id.Value));
    }

    [Property(MaxTest = 200)]
    public Property Search_ReturnsExactlyTheEntriesMatchingAllCriteriaNewestFirst() =>
        Prop.ForAll(
            Gen.Choose(0, 3).Zip(Gen.Choose(0, 2)).Zip(Gen.Choose(0, 100)).ArrayOf().ToArbitrary(),
            Gen.Choose(-1, 3).Zip(Gen.Choose(-1, 2)).Zip(Gen.Choose(-1, 100)).ToArbitrary(),
            (rows, criteria) =>
            {
                string[] words = ["alpha", "beta", "gamma", "delta"];
                var at = Instant.FromUtc(2026, 1, 1, 0, 0);
                var entries = rows.Select((r, i) => new CommunicationEntry(
                    Id($"e{i}"), (CommunicationKind)r.Item1.Item2, $"about {words[r.Item1.Item1]}", "…", new UserId($"u{r.Item1.Item2}"), at.Plus(Duration.FromMinutes(r.Item2)), null)).ToList();
                var ((word, user), from) = criteria;
                var filter = new CommunicationFilter(
                    Text: word < 0 ? null : words[word].ToUpperInvariant(),
                    User: user < 0 ? null : new UserId($"u{user}"),
                    From: from < 0 ? null : at.Plus(Duration.FromMinutes(from)));

                var found = CommunicationHistory.Search(entries, filter);

                var expected = entries.Where(e =>
                    (word < 0 || e.Subject.Contains(words[word], StringComparison.Ordinal))
                    && (user < 0 || e.User.Value == $"u{user}")
                    && (from < 0 || e.At >= at.Plus(Duration.FromMinutes(from)))).ToHashSet();
                return found.ToHashSet().SetEquals(expected)
                    && found.Count == expected.Count
                    && found.Zip(found.Skip(1)).All(p => p.First.At >= p.Second.At);
            });
}
