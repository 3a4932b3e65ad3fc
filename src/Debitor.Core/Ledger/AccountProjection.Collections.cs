using Debitor.Core.Agreements;
using Debitor.Core.Collections;
using Debitor.Core.FollowUps;

namespace Debitor.Core.Ledger;

/// <summary>Replay of the collection-work entries: agreements, hand-overs, communication state, follow-ups, files, master data.</summary>
internal static partial class AccountProjection
{
    private sealed partial class State
    {
        public CollectionState Collections { get; } = new();

        /// <summary>
        /// Whether an item is a claim founded before the customer's insolvency proceedings opened (§38 InsO): a claim whose
        /// document date is before the opening day.
        /// </summary>
        private bool IsInsolvencyClaim(OpenItem item) =>
            Collections.Insolvency is { } insolvency && item.IsClaim && item.DocumentDate < insolvency.OpenedOn;

        private bool ApplyCollectionEntry(JournalRecord record)
        {
            switch (record.Entry)
            {
                case PaymentAgreementMade made:
                    Collections.Agreements.Add(new PaymentAgreement(made, record.RecordedBy, record.RecordedAt, AgreementStatus.Active, null));
                    Cover(made, covered: true);
                    return true;
                case PaymentAgreementAmended amended:
                    var at = Collections.Agreements.FindIndex(a => a.Id == amended.Agreement);
                    if (at < 0)
                    {
                        throw new CorruptJournalException(amended.Id, $"agreement '{amended.Agreement}' does not exist.");
                    }

                    Collections.Agreements[at] = Collections.Agreements[at] with { Amendments = [.. Collections.Agreements[at].Amendments, amended] };
                    return true;
                case PaymentAgreementBroken broken:
                    EndAgreement(broken.Id, broken.Agreement, AgreementStatus.Broken, broken);
                    return true;
                case PaymentAgreementDeleted deleted:
                    EndAgreement(deleted.Id, deleted.Agreement, AgreementStatus.Deleted, deleted);
                    return true;
                case ItemsHandedOver handOver:
                    Collections.HandOvers.Add(new HandOverCase(handOver, record.RecordedBy, record.RecordedAt, null));
                    var status = handOver.To switch
                    {
                        HandOverKind.Lawyer => LegalStatus.Lawyer,
                        HandOverKind.CourtDunning => LegalStatus.CourtDunning,
                        _ => LegalStatus.CollectionAgency,
                    };
                    foreach (var id in handOver.Items)
                    {
                        Item(handOver.Id, id).LegalStatus = status;
                    }

                    return true;
                case HandOverClosed closed:
                    var index = Collections.HandOvers.FindIndex(c => c.Id == closed.Case);
                    if (index < 0)
                    {
                        throw new CorruptJournalException(closed.Id, $"hand-over '{closed.Case}' does not exist.");
                    }

                    Collections.HandOvers[index] = Collections.HandOvers[index] with { Closed = closed };
                    foreach (var id in Collections.HandOvers[index].Origin.Items)
                    {
                        var returned = Item(closed.Id, id);
                        returned.LegalStatus = IsInsolvencyClaim(returned) ? LegalStatus.Insolvency : LegalStatus.None;
                    }

                    return true;
                case InsolvencyOpened insolvency:
                    Collections.Insolvency = insolvency;
                    foreach (var item in Items)
                    {
                        if (item.LegalStatus == LegalStatus.None && IsInsolvencyClaim(item))
                        {
                            item.LegalStatus = LegalStatus.Insolvency;
                        }
                    }

                    return true;
                case DunningLetterNumbered numbered:
                    Collections.LetterNumbers[numbered.LetterId] = numbered.Number;
                    return true;
                case EmailStatusChanged emailStatus:
                    var email = Communications.FindIndex(c => c.Id == emailStatus.Email);
                    if (email < 0)
                    {
                        throw new CorruptJournalException(emailStatus.Id, $"e-mail '{emailStatus.Email}' does not exist.");
                    }

                    Communications[email] = Communications[email] with { EmailStatus = emailStatus.Status };
                    return true;
                case CommentPinned pinned:
                    Collections.PinnedComment = pinned.Comment;
                    return true;
                case FollowUpCreated created:
                    Collections.FollowUps.Add(new FollowUp(created.Id, created.Kind, created.DueDate, created.Subject, created.Assignee, created.Category, record.RecordedBy, record.RecordedAt, null, null));
                    return true;
                case FollowUpDone done:
                    var followUp = Collections.FollowUps.FindIndex(f => f.Id == done.FollowUp);
                    if (followUp < 0)
                    {
                        throw new CorruptJournalException(done.Id, $"follow-up '{done.FollowUp}' does not exist.");
                    }

                    Collections.FollowUps[followUp] = Collections.FollowUps[followUp] with { DoneBy = record.RecordedBy, DoneAt = record.RecordedAt };
                    return true;
                case FileAttached attached:
                    Collections.Files.Add(attached.File);
                    return true;
                case MasterDataChanged changed:
                    Collections.MasterData = changed.MasterData;
                    return true;
                default:
                    return false;
            }
        }

        private void EndAgreement(EntryId entry, EntryId agreement, AgreementStatus status, JournalEntry ended)
        {
            var index = Collections.Agreements.FindIndex(a => a.Id == agreement);
            if (index < 0)
            {
                throw new CorruptJournalException(entry, $"agreement '{agreement}' does not exist.");
            }

            Collections.Agreements[index] = Collections.Agreements[index] with { Status = status, Ended = ended };
            Cover(Collections.Agreements[index].Origin, covered: false);
        }

        private void Cover(PaymentAgreementMade agreement, bool covered)
        {
            foreach (var id in agreement.Items)
            {
                Item(agreement.Id, id).IsCoveredByAgreement = covered;
            }
        }
    }
}
