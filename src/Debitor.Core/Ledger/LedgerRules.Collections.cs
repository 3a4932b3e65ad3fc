using System.Globalization;
using Debitor.Core.Agreements;
using Debitor.Core.Communication;

namespace Debitor.Core.Ledger;

/// <summary>Checks of the collection-work entries: agreements, hand-overs, communication state, follow-ups, files, master data.</summary>
internal static partial class LedgerRules
{
    private static bool CheckCollectionEntry(CustomerAccount account, JournalEntry entry, Checker check)
    {
        switch (entry)
        {
            case PaymentAgreementMade made:
                check.Agreement(made);
                return true;
            case PaymentAgreementAmended amended:
                check.Text(amended.Note, "a note (why the agreement changes)");
                check.Amendment(amended);
                return true;
            case PaymentAgreementBroken broken:
                var agreement = check.ActiveAgreement(broken.Agreement);
                if (broken.Installment < 1 || broken.Installment > agreement.Schedule.Count)
                {
                    throw check.Refuse($"agreement '{broken.Agreement}' has no installment {broken.Installment.ToString(CultureInfo.InvariantCulture)}.");
                }

                return true;
            case PaymentAgreementDeleted deleted:
                check.Text(deleted.Reason, "a reason");
                check.ActiveAgreement(deleted.Agreement);
                return true;
            case ItemsHandedOver handOver:
                check.EnumDefined(handOver.To);
                check.Text(handOver.Recipient, "the lawyer's or agency's name");
                foreach (var item in check.DistinctOpenClaims(handOver.Items))
                {
                    if (item.LegalStatus != LegalStatus.None)
                    {
                        throw check.Refuse($"item '{item.Id}' is already handed over.");
                    }
                }

                return true;
            case HandOverClosed closed:
                check.EnumDefined(closed.Outcome);
                if (account.HandOvers.FirstOrDefault(c => c.Id == closed.Case) is not { IsOpen: true })
                {
                    throw check.Refuse($"there is no open hand-over case '{closed.Case}'.");
                }

                return true;
            case EmailStatusChanged status:
                check.EnumDefined(status.Status);
                var email = account.Communications.FirstOrDefault(c => c.Id == status.Email);
                if (email is not { Kind: CommunicationKind.Email })
                {
                    throw check.Refuse($"'{status.Email}' is not an e-mail of this account.");
                }

                if (email.EmailStatus is { } current && status.Status <= current)
                {
                    throw check.Refuse($"an e-mail's status only moves forward; it is {current} already.");
                }

                return true;
            case CommentPinned pinned:
                if (pinned.Comment is { } comment && account.Communications.FirstOrDefault(c => c.Id == comment) is not { Kind: CommunicationKind.Comment })
                {
                    throw check.Refuse($"'{comment}' is not a comment of this account.");
                }

                return true;
            case FollowUpCreated created:
                check.EnumDefined(created.Kind);
                check.Text(created.Subject, "a subject");
                return true;
            case FollowUpDone done:
                if (account.FollowUps.FirstOrDefault(f => f.Id == done.FollowUp) is not { IsDone: false })
                {
                    throw check.Refuse($"there is no open follow-up '{done.FollowUp}'.");
                }

                return true;
            case FileAttached attached:
                ArgumentNullException.ThrowIfNull(attached.File, nameof(attached.File));
                check.Text(attached.File.Title, "a title");
                check.Text(attached.File.StorageKey, "a storage key");
                return true;
            case MasterDataChanged changed:
                ArgumentNullException.ThrowIfNull(changed.MasterData, nameof(changed.MasterData));
                return true;
            case InsolvencyOpened insolvency:
                check.Text(insolvency.Court, "the insolvency court");
                check.Text(insolvency.FileNumber, "the court's file number");
                check.Text(insolvency.Administrator, "the insolvency administrator");
                if (account.Insolvency is { } recorded)
                {
                    throw check.Refuse($"insolvency proceedings are recorded already ({recorded.Court}, {recorded.FileNumber}, opened {recorded.OpenedOn:yyyy-MM-dd}).");
                }

                return true;
            case DunningLetterNumbered numbered:
                check.Text(numbered.LetterId, "the letter id");
                if (numbered.Number.Year is < 1 or > 9999 || numbered.Number.Sequence < 1)
                {
                    throw check.Refuse($"letter number {numbered.Number} is not a year and a sequence from 1.");
                }

                if (account.LetterNumberOf(numbered.LetterId) is { } known && known != numbered.Number)
                {
                    throw check.Refuse($"letter '{numbered.LetterId}' has number {known} already.");
                }

                return true;
            default:
                return false;
        }
    }

    private readonly partial struct Checker
    {
        public IReadOnlyList<OpenItem> DistinctOpenClaims(IReadOnlyList<EntryId>? ids)
        {
            if (ids is null || ids.Count == 0)
            {
                throw Refuse("it needs at least one item.");
            }

            if (ids.Distinct().Count() != ids.Count)
            {
                throw Refuse("an item is listed twice.");
            }

            var items = ids.Select(OpenClaim).ToList();
            if (items.Select(i => i.Currency).Distinct().Count() > 1)
            {
                throw Refuse("the items are in different currencies; amounts in different currencies are never combined.");
            }

            return items;
        }

        public void Agreement(PaymentAgreementMade made)
        {
            var items = DistinctOpenClaims(made.Items);
            if (items.FirstOrDefault(i => i.IsCoveredByAgreement || i.LegalStatus != LegalStatus.None) is { } taken)
            {
                throw Refuse($"item '{taken.Id}' is already covered by an agreement or handed over.");
            }

            if (made.GraceDays < 0)
            {
                throw Refuse("the grace days must not be negative.");
            }

            var currency = items[0].Currency;
            var total = Schedule(made.Schedule, made.Date, currency);
            var open = items.Sum(i => i.OpenAmount.Amount);
            if (total != open)
            {
                throw Refuse($"the schedule adds up to {new Money(total, currency)}, not to the {new Money(open, currency)} the items owe.");
            }
        }

        public void Amendment(PaymentAgreementAmended amended)
        {
            var agreement = ActiveAgreement(amended.Agreement);
            if (amended.GraceDays < 0)
            {
                throw Refuse("the grace days must not be negative.");
            }

            var total = Schedule(amended.Schedule, agreement.Origin.Date, agreement.Total.Currency);
            if (total != agreement.Total.Amount)
            {
                throw Refuse($"the new schedule adds up to {new Money(total, agreement.Total.Currency)}, not to the agreed {agreement.Total}.");
            }
        }

        /// <summary>Checks a schedule (numbered from 1, dates strictly increasing from <paramref name="from"/>, positive amounts in one currency) and returns its total.</summary>
        private decimal Schedule(IReadOnlyList<AgreementInstallment>? schedule, LocalDate from, Currency currency)
        {
            if (schedule is null || schedule.Count == 0)
            {
                throw Refuse("an agreement needs at least one installment.");
            }

            var total = 0m;
            for (var i = 0; i < schedule.Count; i++)
            {
                var installment = schedule[i] ?? throw Refuse("an installment is missing (null).");
                if (installment.Number != i + 1 || (i > 0 && installment.Date <= schedule[i - 1].Date) || installment.Date < from)
                {
                    throw Refuse("installments are numbered 1, 2, 3, … with dates strictly increasing from the agreement date.");
                }

                Amount(installment.Amount);
                if (installment.Amount.Currency != currency)
                {
                    throw Refuse($"an installment is in {installment.Amount.Currency.Code}, the items in {currency.Code}.");
                }

                total += installment.Amount.Amount;
            }

            return total;
        }

        public PaymentAgreement ActiveAgreement(EntryId id) =>
            account.Agreements.FirstOrDefault(a => a.Id == id) is { Status: AgreementStatus.Active } agreement
                ? agreement
                : throw Refuse($"there is no active agreement '{id}'.");
    }
}
