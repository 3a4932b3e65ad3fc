using System.Globalization;

namespace Debitor.Core.Ledger;

/// <summary>
/// Decides whether an entry may be appended to an account. Every check runs before anything changes;
/// a refusal throws and leaves the account as it was.
/// </summary>
internal static partial class LedgerRules
{
    /// <summary>
    /// Checks an entry against the account. Returns <see langword="false"/> when the same entry (same id, same content)
    /// was already posted, so posting it again is a no-op; <see langword="true"/> when it is new and valid.
    /// </summary>
    /// <exception cref="ArgumentException">The entry does not fit the account (named by <paramref name="parameterName"/>).</exception>
    /// <exception cref="DuplicateEntryException">An entry with the same id but other content exists.</exception>
    /// <exception cref="CustomerArchivedException">A new document for an archived customer.</exception>
    internal static bool Check(CustomerAccount account, JournalEntry entry, LocalDate today, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(entry, parameterName);
        if (entry.Id.IsEmpty)
        {
            throw new ArgumentException("The entry needs an id.", parameterName);
        }

        if (account.FindEntry(entry.Id) is { } existing)
        {
            return existing.Equals(entry) ? false : throw new DuplicateEntryException(account.Id, entry.Id);
        }

        var check = new Checker(account, parameterName);
        switch (entry)
        {
            case CustomerRegistered:
                throw new ArgumentException("A customer is registered once, when its account is created.", parameterName);
            case CustomerSettingsChanged changed:
                check.Settings(changed.Settings);
                break;
            case CustomerArchived archived:
                check.Text(archived.Reason, "a reason");
                check.NotArchived();
                break;
            case CreditBlockSet or CreditBlockLifted or CreditControlOverridden:
                Credit.CreditEntryRules.Check(account, entry, parameterName);
                break;
            case InvoicePosted invoice:
                check.Invoice(invoice);
                break;
            case ChargePosted charge:
                check.NotArchived();
                check.Text(charge.DocumentNumber, "a document number");
                check.Amount(charge.Amount);
                check.EnumDefined(charge.Kind);
                if (charge.RelatedItem is { } related)
                {
                    check.Claim(related);
                }

                break;
            case CreditNotePosted note:
                check.NotArchived();
                check.Text(note.DocumentNumber, "a document number");
                check.Amount(note.Amount);
                if (note.RelatedItem is { } corrected)
                {
                    check.SameCurrency(check.Claim(corrected), note.Amount);
                }

                break;
            case PaymentReceived payment:
                check.Amount(payment.Amount);
                check.EnumDefined(payment.Method);
                break;
            case PaymentApplied applied:
                check.Application(applied);
                break;
            case WriteOffPosted writeOff:
                check.Text(writeOff.Reason, "a reason");
                check.Amount(writeOff.Amount);
                check.Takes(check.OpenInstallment(writeOff.Target), writeOff.Amount);
                break;
            case RefundPosted refund:
                check.Amount(refund.Amount);
                check.Takes(check.UsableCredit(refund.Source), refund.Amount);
                break;
            case CreditWrittenOff creditWriteOff:
                check.Text(creditWriteOff.Reason, "a reason");
                check.Amount(creditWriteOff.Amount);
                check.Takes(check.UsableCredit(creditWriteOff.Source), creditWriteOff.Amount);
                break;
            case ClaimDelegated delegated:
                check.Text(delegated.Reason, "a reason");
                check.Amount(delegated.Amount);
                check.Delegation(delegated);
                break;
            case PaymentReturned returned:
                check.Return(returned);
                break;
            case EntryReversed reversal:
                check.Text(reversal.Reason, "a reason");
                check.Reversal(reversal);
                break;
            case ItemPaused paused:
                check.Text(paused.Reason, "a reason");
                check.Pause(paused, today);
                break;
            case ItemResumed resumed:
                if (check.Claim(resumed.Item).Pause is null)
                {
                    throw check.Refuse($"item '{resumed.Item}' is not paused.");
                }

                break;
            case DueDateChanged changed:
                check.Text(changed.Note, "a note (mandatory for a due-date change, R0.8)");
                var moved = check.OpenClaim(changed.Item);
                if (changed.Installments.Distinct().Count() != changed.Installments.Count
                    || OutsideOf(changed.Installments, moved.InstallmentStates.Length))
                {
                    throw check.Refuse($"the installments named ({string.Join(", ", changed.Installments)}) are not installments of item '{changed.Item}', each named once.");
                }

                break;
            case DunningNoticeIssued notice:
                DunningEntryRules.Check(account, notice, parameterName);
                break;
            case DunningLetterCancelled cancelled:
                DunningEntryRules.Check(account, cancelled, parameterName);
                break;
            case CommunicationRecorded communication:
                check.Text(communication.Subject, "a subject");
                check.EnumDefined(communication.Kind);
                if (communication.Item is { } item && account.FindItem(item) is null)
                {
                    throw check.Refuse($"item '{item}' does not exist.");
                }

                break;
            default:
                if (!CheckCollectionEntry(account, entry, check))
                {
                    throw new ArgumentException($"Unknown entry kind {entry.GetType().Name}.", parameterName);
                }

                break;
        }

        return true;
    }

    /// <summary>Whether any installment number lies outside 1…<paramref name="count"/> (a method of its own: the check of every other entry allocates no closure for it, D16.132).</summary>
    private static bool OutsideOf(IReadOnlyList<int> installments, int count) => installments.Any(n => n < 1 || n > count);

    private readonly partial struct Checker(CustomerAccount account, string parameterName)
    {
        public ArgumentException Refuse(string reason) => new($"The entry is refused: {reason}", parameterName);

        public void Text(string? text, string what)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Refuse($"it needs {what}.");
            }
        }

        public void EnumDefined<TEnum>(TEnum value)
            where TEnum : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                throw Refuse($"{value} is not a valid {typeof(TEnum).Name}.");
            }
        }

        public void NotArchived()
        {
            if (account.IsArchived)
            {
                throw new CustomerArchivedException(account.Id);
            }
        }

        public void Amount(Money amount)
        {
            if (amount.Currency.Code.Length == 0)
            {
                throw Refuse("the amount has no currency.");
            }

            if (!amount.IsPositive)
            {
                throw Refuse($"the amount must be greater than zero; it is {amount}.");
            }

            if (!amount.IsRounded)
            {
                throw Refuse($"the amount {amount} has a fraction of a minor unit of {amount.Currency.Code}.");
            }

            if (amount.Amount > Bounds.MaxAmount)
            {
                throw Refuse($"the amount {amount} is beyond the bound of {Bounds.MaxAmount:N0} (Bounds.MaxAmount).");
            }
        }

        public void SameCurrency(OpenItem item, Money amount)
        {
            if (item.Currency != amount.Currency)
            {
                throw Refuse($"the amount is in {amount.Currency.Code} but item '{item.Id}' is in {item.Currency.Code}; amounts in different currencies are never combined.");
            }
        }

        public void Settings(Customers.Customer settings)
        {
            ArgumentNullException.ThrowIfNull(settings, parameterName);
            if (settings.Id != account.Id)
            {
                throw Refuse($"the settings are for customer '{settings.Id}', not '{account.Id}'.");
            }

            if (settings.Payer == account.Id)
            {
                throw Refuse("a customer cannot be its own payer.");
            }
        }

        public void Invoice(InvoicePosted invoice)
        {
            NotArchived();
            Text(invoice.DocumentNumber, "a document number");
            Amount(invoice.Amount);
            if (invoice.Installments is null || invoice.Installments.Count == 0)
            {
                throw Refuse("an invoice needs at least one installment.");
            }

            if (invoice.Installments.Count > Bounds.MaxParts)
            {
                throw Refuse($"an invoice has at most {Bounds.MaxParts} installments (Bounds.MaxParts); it has {invoice.Installments.Count}.");
            }

            var sum = 0m;
            foreach (var installment in invoice.Installments)
            {
                if (installment is null)
                {
                    throw Refuse("an installment is missing (null).");
                }

                if (installment.Amount.Currency != invoice.Amount.Currency)
                {
                    throw Refuse($"an installment is in {installment.Amount.Currency.Code} but the invoice is in {invoice.Amount.Currency.Code}.");
                }

                sum += installment.Amount.Amount;
            }

            if (sum != invoice.Amount.Amount)
            {
                throw Refuse($"the installments add up to {new Money(sum, invoice.Amount.Currency)}, not to the invoice amount {invoice.Amount}.");
            }

            CashDiscountStages(invoice.CashDiscounts);
            if (invoice.DelegatedFrom is { } from && (from.Customer.IsEmpty || from.Customer == account.Id))
            {
                throw Refuse("a delegated claim comes from another customer's account.");
            }
        }

        /// <summary>Stages in order: each later stage ends later and grants less (as customer terms' tiers do).</summary>
        private void CashDiscountStages(IReadOnlyList<Customers.CashDiscountStage>? stages)
        {
            if (stages is null)
            {
                return;
            }

            for (var i = 0; i < stages.Count; i++)
            {
                if (stages[i] is null)
                {
                    throw Refuse("a cash-discount stage is missing (null).");
                }

                if (i > 0 && (stages[i].LastDay <= stages[i - 1].LastDay || stages[i].Percent >= stages[i - 1].Percent))
                {
                    throw Refuse("each later cash-discount stage must end later and grant a lower percentage.");
                }
            }
        }

        public void Delegation(ClaimDelegated delegated)
        {
            var installment = OpenInstallment(delegated.Target);
            if (installment.Item.IsCoveredByAgreement || installment.Item.LegalStatus != LegalStatus.None)
            {
                throw Refuse($"item '{installment.Item.Id}' is covered by a payment agreement or handed over; end that first.");
            }

            if (delegated.To.IsEmpty || delegated.To == account.Id)
            {
                throw Refuse("a claim is delegated to another customer.");
            }

            if (delegated.NewItem.IsEmpty)
            {
                throw Refuse("a delegation names the invoice it posts in the other account.");
            }

            SameCurrency(installment.Item, delegated.Amount);
            if (delegated.Amount.Amount != installment.OpenValue)
            {
                throw Refuse($"a delegation moves the whole open amount ({installment.OpenAmount}), not {delegated.Amount}.");
            }
        }

        public OpenItem Item(EntryId id) =>
            account.FindItem(id) ?? throw Refuse($"item '{id}' does not exist in account '{account.Id}'.");

        public OpenItem Claim(EntryId id)
        {
            var item = Item(id);
            return item.IsClaim ? item : throw Refuse($"item '{id}' is a {item.Kind}, not a claim.");
        }

        public OpenItem OpenClaim(EntryId id)
        {
            var item = Claim(id);
            return item.Status == ItemStatus.Open
                ? item
                : throw Refuse($"item '{id}' is {item.Status.ToString().ToLowerInvariant()}; only open items can be changed this way.");
        }

        public OpenInstallment OpenInstallment(InstallmentRef reference)
        {
            var item = Claim(reference.Item);
            var installment = account.FindInstallment(reference)
                ?? throw Refuse($"item '{reference.Item}' has no installment {reference.Number.ToString(CultureInfo.InvariantCulture)}.");
            return installment.IsOpen
                ? installment
                : throw Refuse($"installment {reference.Number.ToString(CultureInfo.InvariantCulture)} of item '{item.Id}' is not open.");
        }

        public OpenItem UsableCredit(EntryId id)
        {
            var item = Item(id);
            if (item.IsClaim)
            {
                throw Refuse($"item '{id}' is a claim, not a payment or credit note.");
            }

            return item.Status == ItemStatus.Open
                ? item
                : throw Refuse($"{item.Kind} '{id}' has nothing left to use (it is {item.Status.ToString().ToLowerInvariant()}).");
        }

        public void Takes(OpenInstallment installment, Money amount)
        {
            SameCurrency(installment.Item, amount);
            if (amount.Amount > installment.OpenValue)
            {
                throw Refuse($"{amount} is more than the {installment.OpenAmount} open on installment {installment.Number.ToString(CultureInfo.InvariantCulture)} of item '{installment.Item.Id}'.");
            }
        }

        public void Takes(OpenItem credit, Money amount)
        {
            SameCurrency(credit, amount);
            if (amount.Amount > credit.OpenValue)
            {
                throw Refuse($"{amount} is more than the {credit.OpenAmount} left on {credit.Kind} '{credit.Id}'.");
            }
        }

        public void Application(PaymentApplied applied)
        {
            Amount(applied.Amount);
            var source = UsableCredit(applied.Source);
            var target = OpenInstallment(applied.Target);
            Takes(source, applied.Amount);
            Takes(target, applied.Amount);
        }

        public void Return(PaymentReturned returned)
        {
            EnumDefined(returned.Kind);
            var payment = Item(returned.Payment);
            if (payment.Kind != ItemKind.Payment)
            {
                throw Refuse($"item '{returned.Payment}' is a {payment.Kind}, not a payment.");
            }

            if (payment.Status is ItemStatus.Reversed or ItemStatus.Returned)
            {
                throw Refuse($"payment '{returned.Payment}' is already {payment.Status.ToString().ToLowerInvariant()}.");
            }

            if (payment.Uses.Any(u => u.IsActive && u.Kind == SettlementKind.Refund))
            {
                throw Refuse($"payment '{returned.Payment}' was partly refunded; reverse the refund first.");
            }
        }

        public void Reversal(EntryReversed reversal)
        {
            var target = account.FindEntry(reversal.Target) ?? throw Refuse($"entry '{reversal.Target}' does not exist.");
            if (account.IsReversed(reversal.Target))
            {
                throw Refuse($"entry '{reversal.Target}' is already reversed.");
            }

            switch (target)
            {
                case InvoicePosted or ChargePosted:
                    var claim = Item(reversal.Target);
                    if (claim.Installments.Any(i => i.Settlements.Any(s => s.IsActive)))
                    {
                        throw Refuse($"item '{reversal.Target}' has payments, credit notes or write-offs applied; reverse those first.");
                    }

                    break;
                case CreditNotePosted or PaymentReceived:
                    var credit = Item(reversal.Target);
                    if (credit.Status == ItemStatus.Returned)
                    {
                        throw Refuse($"payment '{reversal.Target}' was returned; a returned payment is not reversed.");
                    }

                    if (credit.Uses.Any(u => u.IsActive))
                    {
                        throw Refuse($"{credit.Kind} '{reversal.Target}' is applied or refunded; reverse those entries first.");
                    }

                    break;
                case PaymentApplied or WriteOffPosted or RefundPosted or CreditWrittenOff:
                    if (account.FindSettlement(reversal.Target) is not { IsActive: true })
                    {
                        throw Refuse($"entry '{reversal.Target}' was already undone.");
                    }

                    break;
                default:
                    throw Refuse($"a {target.GetType().Name} entry cannot be reversed; post the opposite change instead (e.g. resume a pause, change the due date again).");
            }
        }

        public void Pause(ItemPaused paused, LocalDate today)
        {
            var item = OpenClaim(paused.Item);
            if (item.Pause is not null)
            {
                throw Refuse($"item '{paused.Item}' is already paused; resume it first.");
            }

            if (paused.Until is { } until && until < today)
            {
                throw Refuse($"the pause would end on {until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, before today ({today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).");
            }
        }
    }
}
