using Debitor.Core.Ledger;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ledger;

/// <summary>The journal entries that fill <see cref="OpenInstallment.Dunning"/>: notices and cancellations.</summary>
public sealed class DunningEntriesTests
{
    private static readonly InstallmentRef Inv = new(Id("inv"));

    private static DunningNoticeIssued Notice(string letter, LocalDate date, int level, InstallmentRef? target = null) =>
        new(Id(letter + "/notice"), letter, date, [new DunningNotice(target ?? Inv, level)]);

    private static CustomerAccount Invoiced() => Account("C-1", Invoice("inv", 100m, D), Invoice("other", 50m, D));

    [Fact]
    public void Notice_SetsLevelCountAndDates()
    {
        var account = Invoiced().Post(Notice("L1", D.PlusDays(6), 1), Notice("L2", D.PlusDays(27), 2));

        Assert.Equal(new DunningState(2, 2, D.PlusDays(27), D.PlusDays(27)) { DefaultDate = D.PlusDays(6) }, account.Installment("inv").Dunning);
        Assert.Equal(DunningState.None, account.Installment("other").Dunning);
    }

    [Fact]
    public void Cancellation_RestoresThePreviousState()
    {
        var account = Invoiced().Post(Notice("L1", D.PlusDays(6), 1), Notice("L2", D.PlusDays(27), 2));

        var cancelled = account.Post(new DunningLetterCancelled(Id("L2/cancel"), "L2", D.PlusDays(28), "sent by mistake"));

        Assert.Equal(new DunningState(1, 1, D.PlusDays(6), D.PlusDays(6)) { DefaultDate = D.PlusDays(6) }, cancelled.Installment("inv").Dunning);
        Assert.Equal(DunningState.None, cancelled.Post(new DunningLetterCancelled(Id("L1/cancel"), "L1", D.PlusDays(28), "wrong customer")).Installment("inv").Dunning);
    }

    [Fact]
    public void Cancellation_OfAnEarlierLetter_IsRefusedUntilTheLaterOneIsCancelled()
    {
        var account = Invoiced().Post(Notice("L1", D.PlusDays(6), 1), Notice("L2", D.PlusDays(27), 2));

        var error = Assert.Throws<ArgumentException>(() => account.Post(new DunningLetterCancelled(Id("L1/cancel"), "L1", D.PlusDays(28), "x")));

        Assert.Contains("cancel that letter first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_OfAnUnknownOrCancelledLetter_IsRefused()
    {
        var account = Invoiced().Post(Notice("L1", D.PlusDays(6), 1), new DunningLetterCancelled(Id("L1/cancel"), "L1", D.PlusDays(7), "x"));

        Assert.Throws<ArgumentException>(() => account.Post(new DunningLetterCancelled(Id("L1/cancel-2"), "L1", D.PlusDays(8), "again")));
        Assert.Throws<ArgumentException>(() => account.Post(new DunningLetterCancelled(Id("L9/cancel"), "L9", D.PlusDays(8), "unknown")));
        Assert.Throws<ArgumentException>(() => Invoiced().Post(Notice("L1", D.PlusDays(6), 1), new DunningLetterCancelled(Id("c"), "L1", D, " ")));
    }

    [Fact]
    public void Notice_AfterCancellation_CanRaiseAgain()
    {
        var account = Invoiced().Post(Notice("L1", D.PlusDays(6), 1), new DunningLetterCancelled(Id("L1/cancel"), "L1", D.PlusDays(7), "x"));

        var again = account.Post(Notice("L1b", D.PlusDays(8), 1));

        Assert.Equal(new DunningState(1, 1, D.PlusDays(8), D.PlusDays(8)) { DefaultDate = D.PlusDays(8) }, again.Installment("inv").Dunning);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void Notice_SkippingALevel_IsRefused(int level) =>
        Assert.Throws<ArgumentException>(() => Invoiced().Post(Notice("L1", D.PlusDays(6), level)));

    [Fact]
    public void Notice_RepeatingALevel_IsAllowedOnlyAfterAFirstNotice()
    {
        var account = Invoiced().Post(Notice("L1", D.PlusDays(6), 1));

        Assert.Equal(2, account.Post(Notice("L1r", D.PlusDays(9), 1)).Installment("inv").Dunning.NoticeCount);
    }

    [Fact]
    public void Notice_OnOrBeforeTheLastNoticeDate_IsRefused()
    {
        var account = Invoiced().Post(Notice("L1", D.PlusDays(6), 1));

        Assert.Throws<ArgumentException>(() => account.Post(Notice("L2", D.PlusDays(6), 2)));
        Assert.Throws<ArgumentException>(() => account.Post(Notice("L2", D.PlusDays(5), 2)));
    }

    [Fact]
    public void Notice_ForClosedUnknownOrNonInvoiceItems_IsRefused()
    {
        var account = Invoiced().Post(Payment("pay", 100m), Apply("app", "pay", "inv", 100m), new ChargePosted(Id("fee"), ChargeKind.DunningFee, "M", D, D, Eur(5m)));

        Assert.Throws<ArgumentException>(() => account.Post(Notice("L1", D.PlusDays(6), 1)));
        Assert.Throws<ArgumentException>(() => account.Post(Notice("L1", D.PlusDays(6), 1, new InstallmentRef(Id("nope")))));
        Assert.Throws<ArgumentException>(() => account.Post(Notice("L1", D.PlusDays(6), 1, new InstallmentRef(Id("fee")))));
        Assert.Throws<ArgumentException>(() => account.Post(new DunningNoticeIssued(Id("n"), "L1", D, [])));
        Assert.Throws<ArgumentException>(() => account.Post(new DunningNoticeIssued(Id("n"), "L1", D, [new(new InstallmentRef(Id("other")), 1), new(new InstallmentRef(Id("other")), 1)])));
    }

    [Fact]
    public void Notice_SameLetterTwice_IsRefusedUnderANewIdAndANoOpUnderTheSameId()
    {
        var account = Invoiced().Post(Notice("L1", D.PlusDays(6), 1));

        Assert.Same(account.Journal[^1].Entry, account.Post(Notice("L1", D.PlusDays(6), 1)).Journal[^1].Entry);
        Assert.Throws<ArgumentException>(() => account.Post(new DunningNoticeIssued(Id("other-id"), "L1", D.PlusDays(7), [new(new InstallmentRef(Id("other")), 1)])));
    }

    [Fact]
    public void Notice_ForAnArchivedCustomer_IsRefused()
    {
        var account = Invoiced().Post(new CustomerArchived(Id("arch"), "closed"));

        Assert.Throws<CustomerArchivedException>(() => account.Post(Notice("L1", D.PlusDays(6), 1)));
    }

    [Fact]
    public void Replay_GivesTheSameDunningStates()
    {
        var account = Invoiced().Post(Notice("L1", D.PlusDays(6), 1), Notice("L2", D.PlusDays(27), 2), new DunningLetterCancelled(Id("L2/cancel"), "L2", D.PlusDays(28), "x"));

        var replayed = CustomerAccount.FromJournal(account.Journal);

        Assert.Equal(account.Installment("inv").Dunning, replayed.Installment("inv").Dunning);
    }

    [Fact]
    public void Replay_CancellationOfAnUnknownLetter_IsACorruptJournal()
    {
        var journal = Invoiced().Journal.Append(new JournalRecord(4, Now, Alice, new DunningLetterCancelled(Id("c"), "L1", D, "x"))).ToList();

        Assert.Throws<CorruptJournalException>(() => CustomerAccount.FromJournal(journal));
    }

    [Fact]
    public async Task PostAll_RefusesDunningEntries_TheyHaveTheirOwnUseCase()
    {
        var fixture = new ServiceFixture();
        await fixture.Service.RegisterCustomerAsync(Accountant, NewCustomer());

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Service.PostAsync(Accountant, CustomerA, Notice("L1", D, 1)));
    }
}
