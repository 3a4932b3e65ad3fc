using System.Globalization;
using System.Text;
using Debitor.Core.Communication;
using Debitor.Core.FollowUps;
using Debitor.Core.Ledger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ledger;

/// <summary>
/// The incremental <c>CustomerAccount.Append</c> (D16.80) against the model it replaces: check each entry against the
/// account replayed from the whole journal so far, append it, replay again.
/// </summary>
public sealed class IncrementalAppendProperties
{
    /// <summary>A base history, then the entries to append: (mode, kind, value) each.</summary>
    private static Arbitrary<((int, int)[] Base, (int, int, int)[] More)> Cases() =>
        Gen.Choose(0, 9).Zip(Gen.Choose(0, 1_000_000)).ArrayOf()
            .Zip(Gen.Choose(0, 19).Zip(Gen.Choose(0, 13)).Zip(Gen.Choose(0, 1_000_000)).Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2)).ArrayOf())
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Append_EqualsReplayOfTheWholeJournal_AndRefusesWhatOneByOneRefuses() =>
        Prop.ForAll(Cases(), c =>
        {
            var start = LedgerModel.Build(c.Base);
            var before = Dump(start);
            var entries = Entries(start, c.More, "a");
            var expected = OneByOne(start, entries);

            (CustomerAccount Account, IReadOnlyList<JournalRecord> Appended)? actual = null;
            Exception? refusal = null;
            try
            {
                actual = start.Append(entries, Now, Alice, Today, "entries");
            }
            catch (Exception exception) when (exception is ArgumentException or DebitorException)
            {
                refusal = exception;
            }

            if (expected.Refusal is not null || refusal is not null)
            {
                return SameRefusal(expected.Refusal, refusal) && Dump(start) == before;
            }

            var full = CustomerAccount.FromJournal(expected.Journal);
            return Dump(actual!.Value.Account) == Dump(full)
                && actual.Value.Appended.SequenceEqual(expected.Journal.Skip(start.Journal.Count))
                && actual.Value.Account.Journal.SequenceEqual(expected.Journal)
                && Dump(start) == before;
        });

    [Property(MaxTest = 200)]
    public Property Appender_OverManyCalls_EqualsReplayAfterEveryCall_RefusedCallsLeaveNothing() =>
        Prop.ForAll(Cases(), Gen.Choose(1, 3).ArrayOf().ToArbitrary(), (c, sizes) =>
        {
            var start = LedgerModel.Build(c.Base);
            return AppendsAsTheModel(new AccountProjection.Appender(start), start, Entries(start, c.More, "b"), sizes);
        });

    [Property(MaxTest = 200)]
    public Property Appender_WithRoomForPostings_AppendsAndViewsAsTheModel(int postings) =>
        Prop.ForAll(Cases(), Gen.Choose(1, 3).ArrayOf().ToArbitrary(), (c, sizes) =>
        {
            // The batch's appender (D16.172): built from the loaded journal with room for the postings to come (any count,
            // even a wrong or negative one); only the first sizes differ, so every call must end as the model's does.
            var start = LedgerModel.Build(c.Base);
            return AppendsAsTheModel(new AccountProjection.Appender(start.Journal, postings % 50), start, Entries(start, c.More, "c"), sizes);
        });

    /// <summary>Appends the entries in calls of the given sizes; each call appends, refuses and leaves the view as the model does.</summary>
    private static bool AppendsAsTheModel(AccountProjection.Appender appender, CustomerAccount start, List<JournalEntry> entries, int[] sizes)
    {
        var model = start;
        var at = 0;
        for (var k = 0; at < entries.Count; k++)
        {
            var size = sizes.Length == 0 ? 1 : sizes[k % sizes.Length];
            var call = entries.Skip(at).Take(size).ToList();
            at += call.Count;
            var expected = OneByOne(model, call);
            IReadOnlyList<JournalRecord> appended = [];
            Exception? refusal = null;
            try
            {
                appended = appender.Append(call, Now, Alice, Today, "entries");
            }
            catch (Exception exception) when (exception is ArgumentException or DebitorException)
            {
                refusal = exception;
            }

            if (!SameRefusal(expected.Refusal, refusal)
                || !appended.SequenceEqual(expected.Refusal is null ? expected.Journal.Skip(model.Journal.Count) : []))
            {
                return false;
            }

            if (expected.Refusal is null)
            {
                model = CustomerAccount.FromJournal(expected.Journal);
            }

            if (Dump(appender.Current) != Dump(model))
            {
                return false;
            }
        }

        return Dump(appender.Freeze()) == Dump(model);
    }

    /// <summary>The model: each entry checked against the account replayed from the journal so far; the first refusal stops.</summary>
    private static (JournalRecord[] Journal, Exception? Refusal) OneByOne(CustomerAccount start, IReadOnlyList<JournalEntry> entries)
    {
        var journal = start.Journal.ToList();
        var current = start;
        foreach (var entry in entries)
        {
            try
            {
                if (!LedgerRules.Check(current, entry, Today, "entries"))
                {
                    continue;
                }

                journal.Add(new JournalRecord(journal.Count + 1, Now, Alice, entry));
                current = CustomerAccount.FromJournal([.. journal]);
            }
            catch (Exception exception) when (exception is ArgumentException or DebitorException)
            {
                return ([.. start.Journal], exception);
            }
        }

        return ([.. journal], null);
    }

    private static bool SameRefusal(Exception? expected, Exception? actual) =>
        expected is null ? actual is null : actual is not null && actual.GetType() == expected.GetType() && actual.Message == expected.Message;

    /// <summary>
    /// Entries to append: mostly valid ones for the account as the model has it then, and now and then one that is stale
    /// (made for the account before them), posted again, a known id with other content, or of another kind (dunning
    /// notices and cancellations, comments, follow-ups, settings) that may or may not fit.
    /// </summary>
    private static List<JournalEntry> Entries(CustomerAccount start, (int Mode, int Kind, int Value)[] seeds, string prefix)
    {
        var entries = new List<JournalEntry>();
        var model = start;
        var n = 0;
        foreach (var (mode, kind, value) in seeds)
        {
            var id = $"{prefix}{n++}";
            JournalEntry? entry = mode switch
            {
                < 12 => LedgerModel.Next(model, kind, value, id),
                12 => LedgerModel.Next(start, kind, value, id),
                13 or 14 when entries.Count > 0 => entries[value % entries.Count],
                13 or 14 => model.Journal[value % model.Journal.Count].Entry,
                15 when entries.Count > 0 => new PaymentReceived(entries[value % entries.Count].Id, Eur(1m), Today),
                16 => Notice(model, value, id),
                17 => Cancellation(entries, model, value, id),
                18 => kind % 2 == 0
                    ? new CommunicationRecorded(Id(id), CommunicationKind.Comment, "Anruf", "Zahlung zugesagt " + value.ToString(CultureInfo.InvariantCulture))
                    : new FollowUpCreated(Id(id), FollowUpKind.Reminder, Today.PlusDays(value % 30), "Nachfassen"),
                19 => new CustomerSettingsChanged(Id(id), model.Customer with { Name = "Müller GmbH " + (value % 3).ToString(CultureInfo.InvariantCulture) }),
                _ => null,
            };
            if (entry is null)
            {
                continue;
            }

            entries.Add(entry);
            var (journal, refusal) = OneByOne(model, [entry]);
            if (refusal is null)
            {
                model = CustomerAccount.FromJournal(journal);
            }
        }

        return entries;
    }

    private static DunningNoticeIssued? Notice(CustomerAccount account, int value, string id)
    {
        var open = account.Items.Where(i => i.IsClaim).SelectMany(i => i.Installments).Where(i => i.IsOpen).ToList();
        if (open.Count == 0)
        {
            return null;
        }

        var target = open[value % open.Count];
        return new DunningNoticeIssued(Id(id), "L-" + id, Today, [new DunningNotice(target.Ref, target.Dunning.Level + 1)]);
    }

    private static DunningLetterCancelled? Cancellation(List<JournalEntry> entries, CustomerAccount account, int value, string id)
    {
        var letters = entries.Concat(account.Journal.Select(r => r.Entry)).OfType<DunningNoticeIssued>().Select(n => n.LetterId).Distinct().ToList();
        return letters.Count == 0 ? null : new DunningLetterCancelled(Id(id), letters[value % letters.Count], Today, "Fehler im Brief");
    }

    /// <summary>Everything the view shows, as comparable text: items, installments with open values and dunning state, settlements, balances, communications, collections.</summary>
    private static string Dump(CustomerAccount account)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"v{account.Version} {account.Customer.Name} archived={account.Archived?.Id} pinned={account.PinnedComment?.Id}");
        foreach (var record in account.Journal)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"r{record.Version} {record.Entry.Id} found={ReferenceEquals(account.FindEntry(record.Entry.Id), record.Entry)} reversed={account.IsReversed(record.Entry.Id)} settlement={Settlement(account.FindSettlement(record.Entry.Id))}");
        }

        foreach (var item in account.Items)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{item.Id} {item.Kind} {item.Status} {item.OpenAmount} legal={item.LegalStatus} covered={item.IsCoveredByAgreement} pause={item.Pause} due={item.DueDate} found={ReferenceEquals(account.FindItem(item.Id), item)} uses=[{string.Join(", ", item.Uses.Select(Settlement))}]");
            foreach (var installment in item.Installments)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  #{installment.Number} {installment.OpenAmount} due={installment.DueDate} {installment.Dunning} default={installment.Dunning.DefaultDate} [{string.Join(", ", installment.Settlements.Select(Settlement))}]");
            }
        }

        text.AppendLine(string.Join(", ", account.Balances));
        text.AppendLine(CultureInfo.InvariantCulture, $"open claims {account.OpenClaims.Length}");
        foreach (var communication in account.Communications)
        {
            text.AppendLine(communication.ToString());
        }

        foreach (var followUp in account.FollowUps)
        {
            text.AppendLine(followUp.ToString());
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"agreements {account.Agreements.Count} hand-overs {account.HandOvers.Count} files {account.Files.Count} master data {account.MasterData.GetHashCode()}");
        return text.ToString();
    }

    private static string Settlement(Settlement? settlement) =>
        settlement is null ? "-" : $"{settlement.Entry} {settlement.Kind} {settlement.Amount} active={settlement.IsActive} undone-by={settlement.UndoneBy}";
}
