using System.Globalization;
using Debitor.Core.Ledger;
using FsCheck;
using FsCheck.Fluent;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>
/// A valid ledger history (<see cref="LedgerModel"/>) whose dated entries are spread over 2025 and 2026 by
/// <see cref="DayOffsets"/>, so that statements and figures see movements in every order and across year ends.
/// Dates do not affect what the ledger accepts, so the re-dated journal is as valid as the original.
/// </summary>
public sealed record DatedHistory((int Kind, int Value)[] Seeds, int[] DayOffsets)
{
    public static readonly LocalDate First = new(2025, 1, 1);

    public static readonly LocalDate Last = new(2026, 12, 31);

    internal CustomerAccount Build(string customer = "C-1000")
    {
        var model = LedgerModel.Build(Seeds);
        var records = new List<JournalRecord>(model.Journal.Count);
        var n = 0;
        foreach (var record in model.Journal)
        {
            var date = DayOffsets.Length == 0 ? First : First.PlusDays(DayOffsets[n++ % DayOffsets.Length]);
            var entry = record.Entry switch
            {
                CustomerRegistered registered => registered with { Settings = NewCustomer(customer) },
                InvoicePosted invoice => invoice with { DocumentDate = date, DueDate = date.PlusDays(30) },
                ChargePosted charge => charge with { Date = date, DueDate = date.PlusDays(14) },
                CreditNotePosted note => note with { DocumentDate = date },
                PaymentReceived payment => payment with { ValueDate = date, Method = (PaymentMethod)(n % 7) },
                PaymentApplied applied => applied with { Date = date },
                WriteOffPosted writeOff => writeOff with { Date = date },
                RefundPosted refund => refund with { Date = date },
                PaymentReturned returned => returned with { ReturnDate = date, Kind = (ReturnKind)(n % 2) },
                EntryReversed reversal => reversal with { Date = date },
                var other => other,
            };
            records.Add(record with { Entry = entry });
        }

        return CustomerAccount.FromJournal(records);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"seeds [{string.Join(", ", Seeds.Select(s => $"{s.Kind}:{s.Value}"))}] days [{string.Join(", ", DayOffsets)}]");
}

/// <summary>FsCheck generators for credit control, statements and figures: only valid histories.</summary>
public static class CreditArbitraries
{
    public static Gen<DatedHistory> DatedHistoryGen() =>
        from seeds in Gen.Choose(0, 9).Zip(Gen.Choose(0, 1_000_000)).ArrayOf()
        from offsets in Gen.Choose(0, Period.DaysBetween(DatedHistory.First, DatedHistory.Last)).ArrayOf()
        select new DatedHistory(seeds, offsets);

    public static Arbitrary<DatedHistory> DatedHistories() => DatedHistoryGen().ToArbitrary();

    /// <summary>Up to five histories, one per customer.</summary>
    public static Arbitrary<DatedHistory[]> Portfolios() =>
        (from count in Gen.Choose(1, 5)
         from histories in DatedHistoryGen().ArrayOf(count)
         select histories).ToArbitrary();

    /// <summary>A date in the range the histories use, or shortly around it.</summary>
    public static Gen<LocalDate> AsOfGen() =>
        Gen.Choose(-30, Period.DaysBetween(DatedHistory.First, DatedHistory.Last) + 30).Select(d => DatedHistory.First.PlusDays(d));
}
