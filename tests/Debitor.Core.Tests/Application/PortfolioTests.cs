using Debitor.Core.Application;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 12, defects 4 and 5: one bad account — amounts beyond the bounds stored before they existed, a journal that does
/// not replay, an empty account left by a racing delete — never stops a portfolio-wide read or run: it is reported and
/// the rest goes on.
/// </summary>
public sealed class PortfolioTests
{
    private static readonly CustomerId Legacy = new("C-9000");

    /// <summary>The base portfolio plus an account holding two charges of 5e28 EUR, written around the library's rules.</summary>
    private static async Task<FaultHarness> WithLegacyAccountAsync()
    {
        var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        JournalEntry[] entries =
        [
            new CustomerRegistered(Id("registered"), NewCustomer(Legacy.Value, "Altlast GmbH")),
            new ChargePosted(Id("huge-1"), ChargeKind.Cost, "K-1", Date(2026, 1, 1), Date(2026, 1, 15), Eur(5e28m)),
            new ChargePosted(Id("huge-2"), ChargeKind.Cost, "K-2", Date(2026, 1, 1), Date(2026, 1, 15), Eur(5e28m)),
        ];
        await harness.Store.AppendAsync(Legacy, 0, [.. entries.Select((e, i) => new JournalRecord(i + 1, Now, Alice, e))], default);
        return harness;
    }

    [Fact]
    public async Task GetPortfolioAgingAsync_OneAccountBeyondBounds_IsReportedAndTheOthersAreAged()
    {
        using var harness = await WithLegacyAccountAsync();

        var aging = await harness.Figures.GetPortfolioAgingAsync(Accountant, Company);

        Assert.Equal(3, aging.Accounts);
        var fault = Assert.Single(harness.Faults.Faults);
        Assert.Equal((Legacy, "GetPortfolioAgingAsync"), (fault.Customer, fault.Operation));
    }

    [Fact]
    public async Task PortfolioReadsAndRuns_OneAccountBeyondBounds_GoOnForEveryoneElse()
    {
        using var harness = await WithLegacyAccountAsync();

        var turnover = await harness.Figures.GetPortfolioTurnoverAsync(Accountant, Company, new DateInterval(Date(2026, 1, 1), Date(2026, 3, 15)));
        var followUps = await harness.Collections.DueFollowUpsAsync(Accountant, Company, Date(2026, 3, 31));
        var payment = await harness.Payments.ApplyPaymentAsync(Accountant, UseCases.Payer, new IncomingPayment(Id("pay-p"), Eur(100m), Today));
        var writeOffs = await harness.Payments.WriteOffResidualsAsync(Accountant, new ResidualWriteOffRun(Id("small"), Today, [Eur(0.10m)], "Kleinbetrag") { Company = Company });

        Assert.NotEmpty(turnover);
        Assert.Single(followUps);
        Assert.Equal(PaymentStatus.Applied, payment.Status);
        Assert.Single(writeOffs.WrittenOff);
        Assert.Equal(["GetPortfolioTurnoverAsync", "DueFollowUpsAsync", "GetCustomersPaidByAsync", "WriteOffResidualsAsync"], harness.Faults.Faults.Select(f => f.Operation));
        Assert.All(harness.Faults.Faults, f => Assert.Equal(Legacy, f.Customer));
    }

    [Fact]
    public async Task GetPortfolioAgingAsync_JournalThatDoesNotReplay_IsReportedWithTheReason()
    {
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        var broken = new CustomerId("C-9100");
        await harness.Store.AppendAsync(broken, 0, [new JournalRecord(1, Now, Alice, new CustomerRegistered(Id("registered"), NewCustomer(broken.Value))), new JournalRecord(2, Now, Alice, Apply("app-x", "pay-missing", "inv-missing", 1m))], default);

        var aging = await harness.Figures.GetPortfolioAgingAsync(Accountant, Company);

        Assert.Equal(3, aging.Accounts);
        var fault = Assert.Single(harness.Faults.Faults);
        Assert.Equal(broken, fault.Customer);
        Assert.Contains("cannot be replayed", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DueFollowUpsAsync_AccountDeletedWhileAStaleWriterRaced_DoesNotThrowForEveryone()
    {
        // Issue 12, defect 5: the ghost account left by a write racing a delete made portfolio aging and due
        // follow-ups throw "does not exist" for everyone.
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        await harness.Accounts.RegisterCustomerAsync(Accountant, NewCustomer("C-4000", "Kurz GmbH"));
        await harness.Accounts.DeleteCustomerAsync(Accountant, new CustomerId("C-4000"));
        await Assert.ThrowsAsync<ConcurrencyException>(async () => await harness.Store.AppendAsync(new CustomerId("C-4000"), 1, [new JournalRecord(2, Now, Alice, Invoice("late", 1m))], default));

        var followUps = await harness.Collections.DueFollowUpsAsync(Accountant, Company, Date(2026, 3, 31));
        var aging = await harness.Figures.GetPortfolioAgingAsync(Accountant, Company);

        Assert.Single(followUps);
        Assert.Equal(3, aging.Accounts);
        Assert.Empty(harness.Faults.Faults);
    }
}
