using Debitor.Core.Communication;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// The journal entries that issue a letter, per account: the notices (one <see cref="DunningNoticeIssued"/> per debtor),
/// optionally the fees as dunning-fee charges, and a communication-history entry (R0.4) for every account on the letter.
/// </summary>
/// <remarks>
/// Pure. Every id is derived from the letter id (itself derived from the run id, the recipient and the currency) and the
/// installment, so issuing the same letter twice writes nothing twice. Per-item fees are charged to the debtor with the
/// installment's item as related item; per-letter and tiered fees to the recipient. Accounts come in customer-id order
/// with the recipient last.
/// </remarks>
internal static class DunningPostings
{
    internal static IReadOnlyList<(CustomerId Customer, IReadOnlyList<JournalEntry> Entries)> EntriesFor(DunningLetter letter, bool postFees)
    {
        var batches = new List<(CustomerId Customer, IReadOnlyList<JournalEntry> Entries)>();
        foreach (var customer in letter.Customers)
        {
            if (customer != letter.RecipientId)
            {
                batches.Add((customer, EntriesOf(letter, customer, postFees)));
            }
        }

        batches.Add((letter.RecipientId, EntriesOf(letter, letter.RecipientId, postFees)));
        return batches;
    }

    /// <summary>The subject and text of the communication-history entry of a letter.</summary>
    internal static CommunicationRecorded Note(DunningLetter letter, int notices) => HistoryNotes.Note(
        DunningIds.Note(letter.Id),
        CommunicationKind.DunningLetter,
        JournalText.Of("history.dunning.subject", JournalTextArgument.Of("level", letter.Level), JournalTextArgument.Of("letter", letter.Id)),
        JournalText.Of(
            "history.dunning.text",
            JournalTextArgument.Of("recipient", letter.RecipientId.Value),
            JournalTextArgument.Of("channel", "history.channel", letter.Channel),
            JournalTextArgument.Of("notices", notices),
            JournalTextArgument.Of("lines", letter.Lines.Count),
            JournalTextArgument.Of("total", letter.TotalDue),
            JournalTextArgument.Of("deadline", letter.PaymentDeadline)));

    private static List<JournalEntry> EntriesOf(DunningLetter letter, CustomerId customer, bool postFees)
    {
        var entries = new List<JournalEntry>();
        var notices = new List<DunningNotice>();
        foreach (var line in letter.Lines)
        {
            if (line.IssuesNotice && line.Customer == customer)
            {
                notices.Add(new DunningNotice(line.Installment, line.Level));
            }
        }

        if (notices.Count > 0)
        {
            entries.Add(new DunningNoticeIssued(DunningIds.Notice(letter.Id), letter.Id, letter.LetterDate, notices));
        }

        if (postFees)
        {
            foreach (var fee in letter.Fees)
            {
                if (fee.Customer != customer)
                {
                    continue;
                }

                var id = fee.Installment is { } installment ? DunningIds.ItemFee(letter.Id, installment) : DunningIds.LetterFee(letter.Id, fee.Kind);
                entries.Add(new ChargePosted(id, ChargeKind.DunningFee, letter.Id, letter.LetterDate, letter.PaymentDeadline, fee.Amount, fee.Installment?.Item));
            }
        }

        entries.Add(Note(letter, notices.Count));
        return entries;
    }
}
