using Debitor.Core.Communication;
using Debitor.Core.Customers;

namespace Debitor.Core.Ledger;

/// <summary>Replays a journal into the account view. One pass, no LINQ on the hot path.</summary>
internal static partial class AccountProjection
{
    internal static CustomerAccount Replay(IReadOnlyList<JournalRecord> journal) => ReplayState(journal).View(journal, null);

    private sealed partial class State(Customer customer, Sizes sizes)
    {
        public Customer Customer { get; private set; } = customer;

        public List<OpenItem> Items { get; } = new(sizes.Items);

        public Dictionary<EntryId, OpenItem> ItemsById { get; } = new(sizes.Items);

        public Dictionary<EntryId, Settlement> Settlements { get; } = new(sizes.Settlements);

        public List<CommunicationEntry> Communications { get; } = [];

        public CustomerArchived? Archived { get; private set; }

        public JournalRecord? LastCreditBlockRecord { get; private set; }

        private DunningHistory? Dunning { get; set; }

        public void Apply(JournalRecord record)
        {
            var entry = record.Entry;
            switch (entry)
            {
                case CustomerRegistered when record.Version != 1:
                    throw new CorruptJournalException(entry.Id, "a customer is registered once, as the first entry.");
                case CustomerRegistered:
                    break;
                case CustomerSettingsChanged changed:
                    Customer = changed.Settings;
                    break;
                case CustomerArchived archived:
                    Archived = archived;
                    break;
                case CreditBlockSet or CreditBlockLifted:
                    LastCreditBlockRecord = record; // Credit.CreditBlock reads the block in force from it; no effect on items or balances
                    break;
                case CreditControlOverridden:
                    break;
                case InvoicePosted invoice:
                    AddInvoice(invoice);
                    break;
                case ChargePosted charge:
                    AddCharge(charge);
                    break;
                case CreditNotePosted note:
                    AddItem(new OpenItem(ItemKind.CreditNote, note, note.Amount.Currency, note.Amount.Amount));
                    break;
                case PaymentReceived payment:
                    AddItem(new OpenItem(ItemKind.Payment, payment, payment.Amount.Currency, payment.Amount.Amount));
                    break;
                case PaymentApplied applied:
                    Apply(applied);
                    break;
                case WriteOffPosted writeOff:
                    WriteOff(writeOff);
                    break;
                case RefundPosted refund:
                    Refund(refund);
                    break;
                case CreditWrittenOff creditWriteOff:
                    Use(creditWriteOff, creditWriteOff.Source, creditWriteOff.Amount, SettlementKind.CreditWriteOff);
                    break;
                case ClaimDelegated delegated:
                    Settle(delegated, delegated.Target, delegated.Amount, SettlementKind.Delegation);
                    break;
                case PaymentReturned returned:
                    Return(returned);
                    break;
                case EntryReversed reversal:
                    Reverse(reversal);
                    break;
                case ItemPaused paused:
                    Item(paused.Id, paused.Item).Pause = new PauseState(paused.Reason, record.RecordedBy, record.RecordedAt, paused.Until);
                    break;
                case ItemResumed resumed:
                    Item(resumed.Id, resumed.Item).Pause = null;
                    break;
                case DueDateChanged changed:
                    var item = Item(changed.Id, changed.Item);
                    var old = item.DueDate ?? throw new CorruptJournalException(changed.Id, "only claims have a due date.");
                    foreach (var installment in item.InstallmentStates)
                    {
                        if (changed.Moves(installment.Number))
                        {
                            installment.DueDateOverride = new DueDateOverride(installment.DueDate, changed.NewDueDate, changed.Note, record.RecordedBy, record.RecordedAt);
                        }
                    }

                    item.DueDateOverride = new DueDateOverride(old, changed.NewDueDate, changed.Note, record.RecordedBy, record.RecordedAt);
                    break;
                case DunningNoticeIssued notice:
                    Issue(notice);
                    break;
                case DunningLetterCancelled cancelled:
                    Cancel(cancelled);
                    break;
                case CommunicationRecorded communication:
                    Communications.Add(new CommunicationEntry(communication.Id, communication.Kind, communication.Subject, communication.Text, record.RecordedBy, record.RecordedAt, communication.Item)
                    {
                        SubjectData = communication.SubjectData,
                        TextData = communication.TextData,
                    });
                    break;
                default:
                    if (!ApplyCollectionEntry(record))
                    {
                        throw new CorruptJournalException(entry.Id, $"unknown entry kind {entry.GetType().Name}.");
                    }

                    break;
            }
        }

        private void AddInvoice(InvoicePosted invoice)
        {
            var item = new OpenItem(ItemKind.Invoice, invoice, invoice.Amount.Currency, invoice.Amount.Amount);
            var installments = new OpenInstallment[invoice.Installments.Count];
            for (var i = 0; i < installments.Length; i++)
            {
                installments[i] = new OpenInstallment(item, i + 1, invoice.Installments[i]);
            }

            item.InstallmentStates = installments;
            AddItem(item);
        }

        private void AddCharge(ChargePosted charge)
        {
            var kind = charge.Kind switch
            {
                ChargeKind.DunningFee => ItemKind.DunningFee,
                ChargeKind.Interest => ItemKind.Interest,
                _ => ItemKind.Cost,
            };
            var item = new OpenItem(kind, charge, charge.Amount.Currency, charge.Amount.Amount);
            item.InstallmentStates = [new OpenInstallment(item, 1, new Installment(charge.Amount, charge.DueDate))];
            AddItem(item);
        }

        private void AddItem(OpenItem item)
        {
            if (IsInsolvencyClaim(item))
            {
                item.LegalStatus = LegalStatus.Insolvency; // posted after the insolvency was recorded, founded before it opened (issue 17)
            }

            Items.Add(item);
            ItemsById.Add(item.Id, item);
        }

        private void Apply(PaymentApplied applied)
        {
            var source = Item(applied.Id, applied.Source);
            var target = Installment(applied.Id, applied.Target);
            var amount = applied.Amount.Amount;
            Take(applied.Id, source, amount);
            Take(applied.Id, target, amount);
            var kind = source.Kind == ItemKind.CreditNote ? SettlementKind.CreditNote : SettlementKind.Payment;
            var settlement = new Settlement(applied, kind);
            source.AddUse(settlement);
            target.AddSettlement(settlement);
            Settlements.Add(applied.Id, settlement);
        }

        private void WriteOff(WriteOffPosted writeOff) => Settle(writeOff, writeOff.Target, writeOff.Amount, SettlementKind.WriteOff);

        private void Refund(RefundPosted refund) => Use(refund, refund.Source, refund.Amount, SettlementKind.Refund);

        /// <summary>An entry that takes an amount off an installment without a credit behind it (write-off, delegation).</summary>
        private void Settle(JournalEntry entry, InstallmentRef targetRef, Money amount, SettlementKind kind)
        {
            var target = Installment(entry.Id, targetRef);
            Take(entry.Id, target, amount.Amount);
            var settlement = new Settlement(entry, kind);
            target.AddSettlement(settlement);
            Settlements.Add(entry.Id, settlement);
        }

        /// <summary>An entry that uses up part of a credit without a claim behind it (refund, credit write-off).</summary>
        private void Use(JournalEntry entry, EntryId sourceId, Money amount, SettlementKind kind)
        {
            var source = Item(entry.Id, sourceId);
            Take(entry.Id, source, amount.Amount);
            var settlement = new Settlement(entry, kind);
            source.AddUse(settlement);
            Settlements.Add(entry.Id, settlement);
        }

        private void Return(PaymentReturned returned)
        {
            var payment = Item(returned.Id, returned.Payment);
            foreach (var use in payment.Uses)
            {
                if (use.IsActive)
                {
                    Undo(use, returned);
                }
            }

            payment.OpenValue = 0m;
            payment.ReturnedBy = returned;
        }

        private void Reverse(EntryReversed reversal)
        {
            if (ItemsById.TryGetValue(reversal.Target, out var item))
            {
                item.IsReversed = true;
                item.OpenValue = 0m;
                foreach (var installment in item.InstallmentStates)
                {
                    installment.OpenValue = 0m;
                }

                return;
            }

            if (Settlements.TryGetValue(reversal.Target, out var settlement) && settlement.IsActive)
            {
                Undo(settlement, reversal);
                return;
            }

            throw new CorruptJournalException(reversal.Id, $"entry '{reversal.Target}' cannot be reversed.");
        }

        private void Undo(Settlement settlement, JournalEntry undoneBy)
        {
            settlement.UndoingEntry = undoneBy;
            var amount = settlement.Amount.Amount;
            if (settlement.Source is { } sourceId)
            {
                ItemsById[sourceId].OpenValue += amount;
            }

            if (settlement.Target is { } targetRef)
            {
                var target = Installment(undoneBy.Id, targetRef);
                target.OpenValue += amount;
                target.Item.OpenValue += amount;
            }
        }

        // One delegate per replay for the dunning history's lookups, not a closure per notice entry (D13.170).
        private Func<EntryId, InstallmentRef, OpenInstallment>? _installment;

        private void Issue(DunningNoticeIssued notice) =>
            (Dunning ??= new(sizes.Letters)).Issue(notice, _installment ??= Installment);

        private void Cancel(DunningLetterCancelled cancelled) =>
            (Dunning ??= new(sizes.Letters)).Cancel(cancelled, _installment ??= Installment);

        private OpenItem Item(EntryId entry, EntryId item) =>
            ItemsById.TryGetValue(item, out var found) ? found : throw new CorruptJournalException(entry, $"item '{item}' does not exist.");

        private OpenInstallment Installment(EntryId entry, InstallmentRef reference)
        {
            var item = Item(entry, reference.Item);
            return reference.Number >= 1 && reference.Number <= item.InstallmentStates.Length
                ? item.InstallmentStates[reference.Number - 1]
                : throw new CorruptJournalException(entry, $"item '{reference.Item}' has no installment {reference.Number}.");
        }

        private static void Take(EntryId entry, OpenItem item, decimal amount)
        {
            if (amount > item.OpenValue)
            {
                throw new CorruptJournalException(entry, $"it takes {amount} from item '{item.Id}', which has only {item.OpenValue} open.");
            }

            item.OpenValue -= amount;
        }

        private static void Take(EntryId entry, OpenInstallment installment, decimal amount)
        {
            if (amount > installment.OpenValue)
            {
                throw new CorruptJournalException(entry, $"it takes {amount} from installment {installment.Number} of '{installment.Item.Id}', which has only {installment.OpenValue} open.");
            }

            installment.OpenValue -= amount;
            installment.Item.OpenValue -= amount;
        }
    }
}
