using Debitor.Core.Application;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Debitor.Core.Tests.Support;
using NodaTime.Testing;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 14 point 6, approve now, process later (D14.6): a previewed proposal is approved (whole letters or single lines
/// dropped), saved as JSON, and processed in another service provider, possibly on a later day.
/// </summary>
public sealed class SavedProposalTests
{
    private static readonly CustomerId C1 = new("C-1");
    private static readonly CustomerId C2 = new("C-2");
    private static readonly CustomerId C3 = new("C-3");

    /// <summary>What outlives a service provider: the store, the clock and where letters go (the host's real ports).</summary>
    private sealed class Host
    {
        public InMemoryCustomerAccountStore Store { get; } = new();

        public FakeClock Clock { get; } = new(DunningFixture.At(Today));

        public InMemoryDunningLetterOutput Letters { get; } = new();

        public InMemoryDunningSettingsProvider Settings { get; } = new();

        public InMemoryLetterNumberSequence LetterNumbers { get; } = new();

        /// <summary>A fresh provider over the same ports: another request or another process.</summary>
        public ServiceProvider Provider()
        {
            var services = new ServiceCollection();
            services.AddSingleton<ICustomerAccountStore>(Store);
            services.AddSingleton<IClock>(Clock);
            services.AddSingleton<IDunningLetterOutput>(Letters);
            services.AddSingleton<IDunningSettingsProvider>(Settings);
            services.AddSingleton<IAuthorizationPort>(new RoleBasedAuthorization());
            services.AddSingleton<IInterestSchemeProvider>(new InterestSchemeRegistry());
            services.AddSingleton<IDocumentOutput>(new InMemoryDocumentOutput());
            services.AddSingleton<IDocumentOutbox>(new InMemoryDocumentOutbox());
            services.AddSingleton<IAccountFaultLog>(new InMemoryAccountFaultLog());
            services.AddSingleton<ILetterNumberSequence>(LetterNumbers);
            return services.AddDebitorCoreForTests().BuildServiceProvider();
        }

        public async Task<IReadOnlyList<JournalRecord>> JournalAsync(CustomerId customer) => await Store.LoadAsync(customer, default);
    }

    /// <summary>Three customers, each with one overdue invoice and one letter; C-1 has two overdue invoices.</summary>
    private static async Task<Host> HostAsync()
    {
        var host = new Host();
        using var provider = host.Provider();
        var accounts = provider.GetRequiredService<CustomerAccountService>();
        foreach (var (customer, invoices) in new[] { (C1, new[] { Invoice("a1", 100m, D), Invoice("a2", 40m, D) }), (C2, [Invoice("b", 200m, D)]), (C3, [Invoice("c", 300m, D)]) })
        {
            await accounts.RegisterCustomerAsync(Accountant, Customer(customer.Value));
            await accounts.PostAllAsync(Accountant, customer, invoices);
        }

        return host;
    }

    private static async Task<string> SaveAsync(Host host, Func<DunningProposal, DunningApproval> approve)
    {
        using var provider = host.Provider();
        var proposal = await provider.GetRequiredService<DunningService>().PreviewAsync(Accountant, Run(Today, "saved"));
        Assert.Equal(Today, proposal.PreviewedOn);
        return approve(proposal).ToJson();
    }

    [Fact]
    public async Task ProcessApproval_SavedAndProcessedInAFreshServiceProvider_IssuesExactlyTheApprovedLetters()
    {
        var host = await HostAsync();
        var saved = await SaveAsync(host, p => DunningApproval.Of(p).WithoutLetter(p.Letters.Single(l => l.RecipientId == C2).Id));
        var untouched = await host.JournalAsync(C2);

        using var provider = host.Provider();
        var result = await provider.GetRequiredService<DunningService>().ProcessApprovalAsync(Accountant, DunningApproval.FromJson(saved));

        Assert.Equal([C1.Value, C3.Value], result.Issued.Select(l => l.RecipientId.Value).Order());
        Assert.Equal([C1.Value, C3.Value], host.Letters.Letters.Select(l => l.RecipientId.Value).Order());
        Assert.Empty(result.Removed);
        Assert.Equal(untouched, await host.JournalAsync(C2));
        Assert.Equal(2, Assert.Single(result.Issued, l => l.RecipientId == C1).NoticeCount);
    }

    [Fact]
    public async Task ProcessApproval_LineDropped_IssuesTheRestOfItsLetter()
    {
        var host = await HostAsync();
        var saved = await SaveAsync(host, p => DunningApproval.Of(p).WithoutLine(C1, new InstallmentRef(Id("a2"))));

        using var provider = host.Provider();
        var result = await provider.GetRequiredService<DunningService>().ProcessApprovalAsync(Accountant, DunningApproval.FromJson(saved));

        var letter = Assert.Single(result.Issued, l => l.RecipientId == C1);
        Assert.Equal([Id("a1")], letter.Lines.Where(l => l.IssuesNotice).Select(l => l.Installment.Item));
        var account = CustomerAccount.FromJournal(await host.JournalAsync(C1));
        Assert.Equal(1, account.Installment("a1").Dunning.Level);
        Assert.Equal(0, account.Installment("a2").Dunning.Level);
    }

    [Fact]
    public async Task ProcessApproval_OnALaterDay_IsRecheckedAsOfThatDayAndDropsWhatIsNoLongerDue()
    {
        var host = await HostAsync();
        var saved = await SaveAsync(host, DunningApproval.Of);
        var later = Today.PlusDays(3);
        host.Clock.Reset(DunningFixture.At(later));
        using (var provider = host.Provider())
        {
            // C-3 paid in between.
            await provider.GetRequiredService<CustomerAccountService>().PostAllAsync(Accountant, C3, [Payment("pay-c", 300m, later), Apply("app-c", "pay-c", "c", 300m)]);
        }

        using var processing = host.Provider();
        var result = await processing.GetRequiredService<DunningService>().ProcessApprovalAsync(Accountant, DunningApproval.FromJson(saved));

        Assert.All(result.Issued, l => Assert.Equal(later, l.LetterDate));
        Assert.All(result.Issued.SelectMany(l => l.Lines), l => Assert.Equal(later, l.AsOf));
        Assert.Equal([C1.Value, C2.Value], result.Issued.Select(l => l.RecipientId.Value).Order());
        var removed = Assert.Single(result.Removed);
        Assert.Equal((C3, DunningRemovalReason.Settled), (removed.Customer, removed.Reason));
        var notice = (DunningNoticeIssued)Assert.Single(await host.JournalAsync(C2), r => r.Entry is DunningNoticeIssued).Entry;
        Assert.Equal(later, notice.LetterDate);
    }

    [Fact]
    public async Task ProcessAsync_ProposalPreviewedForItsDayProcessedLater_IsNotBackDating()
    {
        var host = await HostAsync();
        using var provider = host.Provider();
        var dunning = provider.GetRequiredService<DunningService>();
        var proposal = await dunning.PreviewAsync(Accountant, Run(Today, "kept"));
        host.Clock.Reset(DunningFixture.At(Today.PlusDays(1)));

        var result = await dunning.ProcessAsync(Accountant, proposal);

        Assert.Equal(3, result.Issued.Count);
        Assert.All(result.Issued, l => Assert.Equal(Today.PlusDays(1), l.LetterDate));
        Assert.DoesNotContain(await host.JournalAsync(C1), r => r.Entry is CommunicationRecorded c && c.Subject.Contains("override", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ToJson_RoundTrip_KeepsTheApproval()
    {
        var host = await HostAsync();
        var saved = await SaveAsync(host, p => DunningApproval.Of(p).WithoutLine(C1, new InstallmentRef(Id("a2"))));

        var read = DunningApproval.FromJson(saved);

        Assert.Equal(saved, read.ToJson());
        Assert.Equal(Today, read.PreviewedOn);
        Assert.Equal(new DunningRunId("saved"), read.Request.RunId);
        Assert.Equal(3, read.Notices.Count);
        Assert.Equal(3, read.LetterIds.Count);
        Assert.Equal(Eur(100m), read.Notices.Single(n => n.Customer == C1).Open);
    }

    [Fact]
    public void FromJson_EveryRequestField_RoundTrips()
    {
        var request = Run(Today, "all-fields") with
        {
            Branch = new BranchId("nord"),
            Customer = C1,
            Level = 2,
            Mode = DunningRunMode.Automatic,
            OnlyWhenCreditLimitExceeded = true,
            PostFees = true,
            RunDateOverride = "Systemausfall",
        };
        var approval = DunningApproval.Of(DunningEngine.Preview(request, DunningSettings.Default, []));

        var read = DunningApproval.FromJson(approval.ToJson());

        Assert.Equal(request, read.Request);
        Assert.Null(read.PreviewedOn);
        Assert.Empty(read.Notices);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"formatVersion\":1}")]
    [InlineData("{\"formatVersion\":99,\"runId\":\"r\"}")]
    [InlineData("{\"formatVersion\":1,\"runId\":\"r\",\"company\":\"acme\",\"asOf\":\"2026-13-01\"}")]
    [InlineData("{\"formatVersion\":1,\"runId\":\"\",\"company\":\"acme\",\"asOf\":\"2026-03-01\"}")]
    [InlineData("{\"formatVersion\":1,\"runId\":\"r\",\"company\":\"acme\",\"asOf\":\"2026-03-01\",\"mode\":\"Sometimes\"}")]
    public void FromJson_Malformed_IsRefusedNamingTheArgument(string json)
    {
        var refused = Assert.Throws<ArgumentException>(() => DunningApproval.FromJson(json));

        Assert.Equal("json", refused.ParamName);
    }

    [Fact]
    public async Task WithoutLetter_UnknownLetter_IsRefused()
    {
        var host = await HostAsync();
        using var provider = host.Provider();
        var approval = DunningApproval.Of(await provider.GetRequiredService<DunningService>().PreviewAsync(Accountant, Run(Today)));

        Assert.Throws<ArgumentException>(() => approval.WithoutLetter("no-such-letter"));
        Assert.Throws<ArgumentException>(() => approval.WithoutLine(C1, new InstallmentRef(Id("nope"))));
    }
}
