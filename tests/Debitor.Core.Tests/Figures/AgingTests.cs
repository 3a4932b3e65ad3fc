using Debitor.Core.Figures;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Figures;

public sealed class AgingTests
{
    [Fact]
    public void ForAccount_PutsEachOpenInstallmentIntoTheBucketOfItsDaysOverdue()
    {
        var account = NewAccount().Post(
            Invoice("due-later", 1m, dueDate: Date(2026, 4, 1)),
            Invoice("due-today", 2m, dueDate: Today),
            Invoice("1-day", 4m, dueDate: Date(2026, 3, 14)),
            Invoice("30-days", 8m, dueDate: Date(2026, 2, 13)),
            Invoice("31-days", 16m, dueDate: Date(2026, 2, 12)),
            Invoice("60-days", 32m, dueDate: Date(2026, 1, 14)),
            Invoice("61-days", 64m, dueDate: Date(2026, 1, 13)),
            Invoice("90-days", 128m, dueDate: Date(2025, 12, 15)),
            Invoice("91-days", 256m, dueDate: Date(2025, 12, 14)),
            Payment("p", 1_000m));

        var report = Aging.ForAccount(account, Today, AgingSchedule.Standard);

        var line = Assert.Single(report.Lines);
        Assert.Equal([Eur(3m), Eur(12m), Eur(48m), Eur(192m), Eur(256m)], line.Buckets);
        Assert.Equal(Eur(511m), line.Total);
        Assert.Equal(Eur(1_000m), line.UnappliedCredits);
        Assert.Equal(account.BalanceIn(Currency.EUR), line.Balance);
        Assert.Equal(1, report.Accounts);
    }

    [Fact]
    public void ForAccount_InstallmentsAgeSeparately_AndOnlyWhatIsOpenCounts()
    {
        var account = NewAccount().Post(
            new InvoicePosted(Id("1"), "RE-1", Date(2025, 11, 1), Date(2026, 4, 30), Eur(1_000m), [
                new Installment(Eur(300m), Date(2025, 12, 1), InstallmentKind.Prepayment),
                new Installment(Eur(700m), null, InstallmentKind.Remainder)]),
            Payment("p", 100m),
            Apply("a", "p", "1", 100m));

        var line = Aging.ForAccount(account, Today, AgingSchedule.Standard).Lines[0];

        Assert.Equal([Eur(700m), Eur(0m), Eur(0m), Eur(0m), Eur(200m)], line.Buckets);
    }

    [Fact]
    public void ForAccount_CustomSchedule_UsesItsBuckets()
    {
        var account = NewAccount().Post(Invoice("1", 10m, dueDate: Date(2026, 3, 1)), Invoice("2", 20m, dueDate: Date(2026, 1, 1)));

        var line = Aging.ForAccount(account, Today, new AgingSchedule(15)).Lines[0];

        Assert.Equal([Eur(0m), Eur(10m), Eur(20m)], line.Buckets);
    }

    [Fact]
    public void ForAccount_ReversedWrittenOffAndPaidItems_AreNotAged()
    {
        var account = NewAccount().Post(
            Invoice("1", 10m), Invoice("2", 20m), Invoice("3", 40m),
            new EntryReversed(Id("r"), Id("1"), Today, "error"),
            new WriteOffPosted(Id("w"), new InstallmentRef(Id("2")), Eur(20m), Today, "bad debt"),
            Payment("p", 40m), Apply("a", "p", "3", 40m));

        Assert.Empty(Aging.ForAccount(account, Today, AgingSchedule.Standard).Lines);
    }

    [Fact]
    public void ForAccounts_AddsPerCurrencyAcrossCustomers()
    {
        var first = NewAccount().Post(Invoice("1", 100m, dueDate: Date(2026, 3, 1)));
        var second = NewAccount(NewCustomer("C-2000")).Post(
            Invoice("1", 50m, dueDate: Date(2026, 3, 1)),
            InvoicePosted.Single(Id("u"), "RE-U", Date(2026, 1, 1), Date(2026, 4, 1), Usd(70m)));

        var report = Aging.ForAccounts([first, second], Today, AgingSchedule.Standard);

        Assert.Equal(2, report.Accounts);
        Assert.Equal([Currency.EUR, Currency.USD], report.Lines.Select(l => l.Currency));
        Assert.Equal(Eur(150m), report.LineIn(Currency.EUR)!.Buckets[1]);
        Assert.Equal(Usd(70m), report.LineIn(Currency.USD)!.Buckets[0]);
        Assert.Null(report.LineIn(Currency.GBP));
    }
}
