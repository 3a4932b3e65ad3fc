using Debitor.Core.Customers;
using Debitor.Core.Figures;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Figures;

public sealed class ReceivablesFiguresTests
{
    private static readonly DateInterval June = new(Date(2026, 6, 1), Date(2026, 6, 30));

    private static ReceivablesTurnover TurnoverOf(CustomerAccount account) => Assert.Single(ReceivablesFigures.Turnover(account, June));

    [Fact]
    public void Turnover_InvoiceOpenAllPeriod_TurnsOverOnceInThirtyDays()
    {
        var figures = TurnoverOf(NewAccount().Post(Invoice("1", 3_000m, documentDate: Date(2026, 6, 1))));

        Assert.Equal((Eur(3_000m), Eur(3_000m), 1m, 30m), (figures.Revenue, figures.AverageReceivables, figures.Turnover, figures.DaysSalesOutstanding));
        Assert.Equal(Eur(0m), figures.OpeningReceivables);
        Assert.Equal(Eur(3_000m), figures.ClosingReceivables);
    }

    [Fact]
    public void Turnover_InvoicePaidHalfWayThrough_AveragesTheDailyBalance()
    {
        var account = NewAccount().Post(Invoice("1", 1_000m, documentDate: Date(2026, 6, 1)), Payment("p", 1_000m, Date(2026, 6, 16)));

        var figures = TurnoverOf(account);

        Assert.Equal((Eur(500m), 2m, 15m), (figures.AverageReceivables, figures.Turnover, figures.DaysSalesOutstanding));
        Assert.Equal(Eur(0m), figures.ClosingReceivables);
    }

    [Fact]
    public void Turnover_OpeningReceivables_CountForTheWholePeriod()
    {
        var account = NewAccount().Post(Invoice("0", 600m, documentDate: Date(2026, 5, 1)), Invoice("1", 300m, documentDate: Date(2026, 6, 1)));

        var figures = TurnoverOf(account);

        Assert.Equal((Eur(600m), Eur(900m), Eur(300m)), (figures.OpeningReceivables, figures.AverageReceivables, figures.Revenue));
        Assert.Equal(90m, figures.DaysSalesOutstanding);
        Assert.Equal(1m / 3m, figures.Turnover);
    }

    [Fact]
    public void Turnover_Revenue_IsInvoicesLessCreditNotesNetOfReversals_WithoutFees()
    {
        var account = NewAccount().Post(
            Invoice("1", 1_000m, documentDate: Date(2026, 6, 2)),
            Invoice("2", 400m, documentDate: Date(2026, 5, 2)),
            new CreditNotePosted(Id("cn"), "GS-1", Date(2026, 6, 3), Eur(100m)),
            new ChargePosted(Id("fee"), ChargeKind.DunningFee, "M-1", Date(2026, 6, 4), Date(2026, 6, 18), Eur(5m)),
            new EntryReversed(Id("r"), Id("2"), Date(2026, 6, 5), "wrong customer"),
            Invoice("late", 9_999m, documentDate: Date(2026, 7, 1)));

        Assert.Equal(Eur(500m), TurnoverOf(account).Revenue);
    }

    [Fact]
    public void Turnover_NoRevenue_HasNoDso_AndNoReceivablesNoTurnover()
    {
        var onlyOld = TurnoverOf(NewAccount().Post(Invoice("0", 100m, documentDate: Date(2026, 1, 1))));
        var settled = TurnoverOf(NewAccount().Post(Invoice("1", 100m, documentDate: Date(2026, 6, 30)), Payment("p", 100m, Date(2026, 6, 30))));

        Assert.Null(onlyOld.DaysSalesOutstanding);
        Assert.Equal(0m, onlyOld.Turnover);
        Assert.Null(settled.Turnover);
        Assert.Equal(0m, settled.DaysSalesOutstanding);
    }

    [Fact]
    public void Turnover_AcrossCustomers_AddsRevenueAndReceivables()
    {
        var first = NewAccount().Post(Invoice("1", 3_000m, documentDate: Date(2026, 6, 1)));
        var second = NewAccount(NewCustomer("C-2000")).Post(Invoice("1", 1_000m, documentDate: Date(2026, 6, 1)), Payment("p", 1_000m, Date(2026, 6, 16)));

        var figures = Assert.Single(ReceivablesFigures.Turnover([first, second], June));

        Assert.Equal((Eur(4_000m), Eur(3_500m)), (figures.Revenue, figures.AverageReceivables));
        Assert.Equal(26.25m, figures.DaysSalesOutstanding);
    }

    [Fact]
    public void LastTwelveMonths_GivesOpenItemsRevenueGrossProfitAndLimitPerMonth()
    {
        var user = new UserId("u");
        var customer = NewCustomer() with { CreditLimit = new CreditLimit(Eur(5_000m)) };
        var changed = customer with { CreditLimit = new CreditLimit(Eur(8_000m), validUntil: Date(2026, 1, 31)) };
        var entries = new (Instant At, JournalEntry Entry)[]
        {
            (Instant.FromUtc(2025, 6, 1, 8, 0), new CustomerRegistered(Id("reg"), customer)),
            (Instant.FromUtc(2025, 6, 2, 8, 0), Invoice("1", 1_000m, documentDate: Date(2025, 6, 2))),
            (Instant.FromUtc(2025, 7, 2, 8, 0), Payment("p", 600m, Date(2025, 7, 2))),
            (Instant.FromUtc(2025, 11, 30, 22, 30), new CustomerSettingsChanged(Id("set"), changed)), // 23:30 in Berlin: still 30 November
            (Instant.FromUtc(2026, 3, 2, 8, 0), Invoice("2", 250m, documentDate: Date(2026, 3, 2))),
            (Instant.FromUtc(2026, 3, 3, 8, 0), new CreditNotePosted(Id("cn"), "GS-1", Date(2026, 3, 3), Eur(50m))),
        };
        var account = CustomerAccount.FromJournal([.. entries.Select((e, i) => new JournalRecord(i + 1, e.At, user, e.Entry))]);
        var costs = new[] { new MonthlyAmount(new YearMonth(2026, 3), Eur(120m)) };

        var series = ReceivablesFigures.LastTwelveMonths(account, Today, Currency.EUR, DateTimeZoneProviders.Tzdb["Europe/Berlin"], costs);

        Assert.Equal(12, series.Count);
        Assert.Equal((new YearMonth(2025, 4), Date(2025, 4, 30)), (series[0].Month, series[0].Date));
        Assert.Equal((new YearMonth(2026, 3), Today), (series[11].Month, series[11].Date));
        Assert.Equal(
            [0m, 0m, 1_000m, 400m, 400m, 400m, 400m, 400m, 400m, 400m, 400m, 600m],
            series.Select(m => m.OpenItems.Amount));
        Assert.Equal(
            [0m, 0m, 1_000m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 200m],
            series.Select(m => m.Revenue.Amount));
        Assert.Equal(
            [null, null, 5_000m, 5_000m, 5_000m, 5_000m, 5_000m, 8_000m, 8_000m, 8_000m, 0m, 0m],
            series.Select(m => m.CreditLimit?.Amount));
        Assert.Equal((Eur(120m), Eur(80m)), (series[11].CostOfSales!.Value, series[11].GrossProfit!.Value));
        Assert.All(series.Take(11), m => Assert.Null(m.GrossProfit));
    }

    [Fact]
    public void LastTwelveMonths_CostInAnotherCurrency_Throws() =>
        Assert.Throws<ArgumentException>(() => ReceivablesFigures.LastTwelveMonths(
            NewAccount(), Today, Currency.EUR, DateTimeZone.Utc, [new MonthlyAmount(new YearMonth(2026, 3), Usd(1m))]));

    [Fact]
    public void LastTwelveMonths_LimitInAnotherCurrency_IsLeftOut()
    {
        var account = NewAccount(NewCustomer() with { CreditLimit = new CreditLimit(Usd(1_000m)) });

        Assert.All(ReceivablesFigures.LastTwelveMonths(account, Today, Currency.EUR, DateTimeZone.Utc), m => Assert.Null(m.CreditLimit));
    }
}
