using Debitor.Core.Documents;
using Debitor.Core.Ledger;
using Debitor.Core.Statements;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Statements;

public sealed class AccountStatementsProperties
{
    private static Arbitrary<(DatedHistory History, FiscalYearStart Start, LocalDate AsOf)> Cases() =>
        (from history in CreditArbitraries.DatedHistoryGen()
         from month in Gen.Choose(1, 12)
         from day in Gen.Choose(1, 28)
         from asOf in CreditArbitraries.AsOfGen()
         select (history, new FiscalYearStart(month, day), asOf)).ToArbitrary();

    /// <summary>
    /// The full statement's running balance ends at the ledger balance, in every currency: the statement (movements dated
    /// from the journal) and the open-item view (replayed state) are computed independently.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Full_RunningBalanceEndsAtTheLedgerBalance() =>
        Prop.ForAll(Cases(), c =>
        {
            var account = c.History.Build();
            var statement = AccountStatements.Full(account, DatedHistory.Last, c.Start, ReceivablesContact.Default);

            var currencies = account.Balances.Select(b => b.Currency).Concat(statement.Sections.Select(s => s.Currency)).Distinct();
            return currencies.All(currency => statement.ClosingBalanceIn(currency) == account.BalanceIn(currency))
                && statement.Sections.All(RunsFromOpeningToClosing);
        });

    /// <summary>Dated on any day, the statement closes with the balance of the entries dated up to that day (an independent sum).</summary>
    [Property(MaxTest = 300)]
    public Property Full_OnAnyDate_ClosesWithTheBalanceOfTheEntriesDatedUpToIt() =>
        Prop.ForAll(Cases(), c =>
        {
            var account = c.History.Build();
            var statement = AccountStatements.Full(account, c.AsOf, c.Start, ReceivablesContact.Default);
            var expected = BalancesAsOf(account, c.AsOf);

            return expected.All(e => statement.ClosingBalanceIn(e.Key).Amount == e.Value)
                && statement.Sections.All(s => expected.ContainsKey(s.Currency))
                && statement.Sections.All(RunsFromOpeningToClosing)
                && statement.Sections.SelectMany(s => s.Lines).All(l => l.Date >= statement.FiscalYear.Start && l.Date <= c.AsOf);
        });

    /// <summary>The open-items statement's lines and totals add up to the ledger balance per currency.</summary>
    [Property(MaxTest = 300)]
    public Property OpenItems_AddUpToTheLedgerBalance() =>
        Prop.ForAll(Cases(), c =>
        {
            var account = c.History.Build();
            var statement = AccountStatements.OpenItems(account, c.AsOf, null, ReceivablesContact.Default);

            return statement.Totals.All(t =>
                    t.Balance == account.BalanceIn(t.Currency)
                    && t.Balance.Amount == statement.Lines.Where(l => l.OpenAmount.Currency == t.Currency).Sum(l => l.OpenAmount.Amount)
                    && t.Overdue <= t.OpenClaims)
                && account.Balances.Where(b => !b.IsZero).All(b => statement.Totals.Any(t => t.Currency == b.Currency))
                && statement.Lines.All(l => l.Installments.Sum(i => i.OpenAmount.Amount) == (l.OpenAmount.IsNegative ? 0m : l.OpenAmount.Amount));
        });

    private static bool RunsFromOpeningToClosing(AccountStatementSection section)
    {
        var balance = section.OpeningBalance;
        LocalDate? previous = null;
        foreach (var line in section.Lines)
        {
            balance += line.Amount;
            if (line.Balance != balance || (previous is { } before && line.Date < before))
            {
                return false;
            }

            previous = line.Date;
        }

        return balance == section.ClosingBalance
            && section.TotalDebits + section.TotalCredits == section.ClosingBalance - section.OpeningBalance;
    }

    /// <summary>
    /// Per currency, the effects of the entries dated up to a date. Each entry's effect is what it adds to
    /// <see cref="LedgerModel.JournalBalances"/> of the journal up to it, so the sign rules are the model's, not the library's.
    /// </summary>
    private static Dictionary<Currency, decimal> BalancesAsOf(CustomerAccount account, LocalDate asOf)
    {
        var result = new Dictionary<Currency, decimal>();
        var before = new Dictionary<Currency, decimal>();
        for (var i = 1; i <= account.Journal.Count; i++)
        {
            var after = LedgerModel.JournalBalances([.. account.Journal.Take(i)]);
            if (DateOf(account, account.Journal[i - 1].Entry) is { } date && date <= asOf)
            {
                foreach (var (currency, amount) in after)
                {
                    result[currency] = result.GetValueOrDefault(currency) + amount - before.GetValueOrDefault(currency);
                }
            }

            before = after;
        }

        return result;
    }

    /// <summary>The date a monetary entry counts from, written out independently of the library's movement rules.</summary>
    private static LocalDate? DateOf(CustomerAccount account, JournalEntry entry) => entry switch
    {
        InvoicePosted invoice => invoice.DocumentDate,
        ChargePosted charge => charge.Date,
        CreditNotePosted note => note.DocumentDate,
        PaymentReceived payment => payment.ValueDate,
        RefundPosted refund => refund.Date,
        WriteOffPosted writeOff => writeOff.Date,
        PaymentReturned returned => returned.ReturnDate,
        EntryReversed reversal => reversal.Date,
        _ => null,
    };
}
