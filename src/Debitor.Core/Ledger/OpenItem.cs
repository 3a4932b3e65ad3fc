using System.Collections.ObjectModel;
namespace Debitor.Core.Ledger;

/// <summary>
/// An item of a customer account, derived from the journal: a claim (invoice, fee, interest, cost) with its
/// installments and partial payments, or a credit (payment, credit note) with what it was applied to.
/// </summary>
/// <remarks>
/// <para>Amounts shown are magnitudes: <see cref="OpenAmount"/> is never negative. For credits it is the part not
/// yet applied or refunded; <see cref="SignedOpenAmount"/> carries the sign the balance uses.</para>
/// <para>Instances are immutable once the account view is built; a new view is built from the journal for every change.
/// Thread-safe for reading.</para>
/// </remarks>
public sealed class OpenItem
{
    private static readonly OpenInstallment[] NoInstallments = [];
    private Settlement[]? _uses;
    private ReadOnlyCollection<Settlement>? _usesView;
    private OpenInstallment[] _installmentStates = [];
    private ReadOnlyCollection<OpenInstallment>? _installmentsView;
    private Extras? _extras;

    internal OpenItem(ItemKind kind, JournalEntry origin, Currency currency, decimal amount)
    {
        Kind = kind;
        Origin = origin;
        Currency = currency;
        OpenValue = amount;
        InstallmentStates = NoInstallments;
    }

    /// <summary>The item's key: the id of the entry that created it.</summary>
    public EntryId Id => Origin.Id;

    /// <summary>What created the item.</summary>
    public ItemKind Kind { get; }

    /// <summary>The entry that created the item (invoice, charge, credit note or payment).</summary>
    public JournalEntry Origin { get; }

    /// <summary>Whether the item is a claim on the customer (invoice, fee, interest, cost) rather than a credit.</summary>
    public bool IsClaim => Kind is not (ItemKind.CreditNote or ItemKind.Payment);

    /// <summary>The item's currency.</summary>
    public Currency Currency { get; }

    /// <summary>The document number (invoice, credit-note or charge document); the reference text or id for payments.</summary>
    public string DocumentNumber => Origin switch
    {
        InvoicePosted invoice => invoice.DocumentNumber,
        ChargePosted charge => charge.DocumentNumber,
        CreditNotePosted note => note.DocumentNumber,
        PaymentReceived payment => payment.Reference ?? payment.Id.Value,
        _ => Id.Value,
    };

    /// <summary>The document date; the value date for payments.</summary>
    public LocalDate DocumentDate => Origin switch
    {
        InvoicePosted invoice => invoice.DocumentDate,
        ChargePosted charge => charge.Date,
        CreditNotePosted note => note.DocumentDate,
        PaymentReceived payment => payment.ValueDate,
        _ => default,
    };

    /// <summary>The amount posted.</summary>
    public Money OriginalAmount => Origin switch
    {
        InvoicePosted invoice => invoice.Amount,
        ChargePosted charge => charge.Amount,
        CreditNotePosted note => note.Amount,
        PaymentReceived payment => payment.Amount,
        _ => Money.Zero(Currency),
    };

    /// <summary>What is still open: for claims the unsettled amount, for credits the amount not yet applied or refunded. Never negative.</summary>
    public Money OpenAmount => new(OpenValue, Currency);

    /// <summary>The open amount with the sign the balance uses: positive for claims, negative for credits.</summary>
    public Money SignedOpenAmount => new(IsClaim ? OpenValue : -OpenValue, Currency);

    /// <summary>The state of the item.</summary>
    public ItemStatus Status
    {
        get
        {
            if (IsReversed)
            {
                return ItemStatus.Reversed;
            }

            if (ReturnedBy is not null)
            {
                return ItemStatus.Returned;
            }

            if (OpenValue > 0m)
            {
                return ItemStatus.Open;
            }

            if (!IsClaim)
            {
                return ItemStatus.Paid;
            }

            var paid = false;
            foreach (var installment in InstallmentStates)
            {
                foreach (var settlement in installment.Settlements)
                {
                    if (settlement.IsActive && settlement.Kind == SettlementKind.Delegation)
                    {
                        return ItemStatus.Delegated;
                    }

                    paid |= settlement.IsActive && settlement.Kind is SettlementKind.Payment or SettlementKind.CreditNote;
                }
            }

            return paid ? ItemStatus.Paid : ItemStatus.WrittenOff;
        }
    }

    /// <summary>The installments of a claim, in the order posted; a fee, interest or cost has one; credits have none.</summary>
    /// <remarks>A read-only view: it cannot be changed through a cast.</remarks>
    public IReadOnlyList<OpenInstallment> Installments => InstallmentStates.Length == 0
        ? ReadOnlyCollection<OpenInstallment>.Empty
        : _installmentsView ??= Array.AsReadOnly(InstallmentStates);

    /// <summary>
    /// The effective due date of a claim: the oldest due date among its installments' changed due dates (R0.8) and explicit
    /// due dates (R0.9; installments with neither are ignored); otherwise the invoice's due date.
    /// <see langword="null"/> for credits.
    /// </summary>
    public LocalDate? DueDate
    {
        get
        {
            if (DueDateOverride is null)
            {
                return OriginalDueDate;
            }

            LocalDate? oldest = null;
            foreach (var installment in InstallmentStates)
            {
                if ((installment.DueDateOverride?.NewDueDate ?? installment.Definition.DueDate) is { } due && (oldest is null || due < oldest))
                {
                    oldest = due;
                }
            }

            return oldest ?? OriginalDueDate;
        }
    }

    /// <summary>The due date as posted (R0.9), before any change.</summary>
    public LocalDate? OriginalDueDate => Origin switch
    {
        InvoicePosted invoice => OldestExplicitDueDate(invoice) ?? invoice.DueDate,
        ChargePosted charge => charge.DueDate,
        _ => null,
    };

    /// <summary>The last due-date change of the item (R0.8), if any; which installments it moved is on each installment (<see cref="OpenInstallment.DueDateOverride"/>).</summary>
    public DueDateOverride? DueDateOverride
    {
        get => _extras?.DueDateOverride;
        internal set => MoreState().DueDateOverride = value;
    }

    /// <summary>The current pause (R0.7), if the item was paused and not resumed. Use <see cref="IsPausedOn"/> for a date.</summary>
    public PauseState? Pause
    {
        get => _extras?.Pause;
        internal set => MoreState().Pause = value;
    }

    /// <summary>The legal status (hand-over to a lawyer or collection agency).</summary>
    public LegalStatus LegalStatus
    {
        get => _extras?.LegalStatus ?? LegalStatus.None;
        internal set => MoreState().LegalStatus = value;
    }

    /// <summary>Whether an active payment agreement covers the item.</summary>
    public bool IsCoveredByAgreement
    {
        get => _extras?.IsCoveredByAgreement ?? false;
        internal set => MoreState().IsCoveredByAgreement = value;
    }

    /// <summary>For credits: what the credit was applied to or refunded through, in journal order.</summary>
    /// <remarks>A read-only view: it cannot be changed through a cast.</remarks>
    public IReadOnlyList<Settlement> Uses => _uses is null ? ReadOnlyCollection<Settlement>.Empty : _usesView ??= Array.AsReadOnly(_uses);

    /// <summary>For a returned payment: the return entry.</summary>
    public PaymentReturned? ReturnedBy
    {
        get => _extras?.ReturnedBy;
        internal set => MoreState().ReturnedBy = value;
    }

    /// <summary>The total written off on the item's installments (active write-offs only).</summary>
    public Money WrittenOffAmount
    {
        get
        {
            var total = 0m;
            foreach (var installment in InstallmentStates)
            {
                foreach (var settlement in installment.Settlements)
                {
                    if (settlement.IsActive && settlement.Kind == SettlementKind.WriteOff)
                    {
                        total += settlement.Amount.Amount;
                    }
                }
            }

            return new Money(total, Currency);
        }
    }

    /// <summary>Whether the item is paused on a date (R0.7): paused and not resumed, and the date is not after the pause's last day.</summary>
    /// <param name="date">The date, e.g. a dunning run's as-of date.</param>
    /// <returns><see langword="true"/> when paused on that date.</returns>
    public bool IsPausedOn(LocalDate date) => Pause is { } pause && pause.IsActiveOn(date);

    /// <summary>The item's open amount as a decimal (magnitude).</summary>
    internal decimal OpenValue { get; set; }

    internal OpenInstallment[] InstallmentStates
    {
        get => _installmentStates;
        set
        {
            _installmentStates = value;
            _installmentsView = null;
        }
    }

    internal bool IsReversed { get; set; }

    internal void AddUse(Settlement settlement)
    {
        _uses = Appended(_uses, settlement);
        _usesView = null;
    }

    /// <summary>Appends to an exactly sized array: settlements per item are few, and exact arrays keep the view small.</summary>
    internal static Settlement[] Appended(Settlement[]? array, Settlement settlement)
    {
        if (array is null)
        {
            return [settlement];
        }

        var grown = new Settlement[array.Length + 1];
        array.CopyTo(grown, 0);
        grown[^1] = settlement;
        return grown;
    }

    private Extras MoreState() => _extras ??= new Extras();

    /// <summary>The item's key and open amount, for debugging.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Kind} {DocumentNumber}: {OpenAmount} open ({Status})";

    /// <summary>State most items never have, kept apart so that a plain item stays small.</summary>
    private sealed class Extras
    {
        public DueDateOverride? DueDateOverride { get; set; }

        public PauseState? Pause { get; set; }

        public LegalStatus LegalStatus { get; set; }

        public bool IsCoveredByAgreement { get; set; }

        public PaymentReturned? ReturnedBy { get; set; }
    }

    private static LocalDate? OldestExplicitDueDate(InvoicePosted invoice)
    {
        LocalDate? oldest = null;
        foreach (var installment in invoice.Installments)
        {
            if (installment.DueDate is { } due && (oldest is null || due < oldest))
            {
                oldest = due;
            }
        }

        return oldest;
    }
}

/// <summary>One installment of a claim, with its partial payments (R0.6) and dunning state.</summary>
/// <remarks>Immutable once the account view is built; thread-safe for reading.</remarks>
public sealed class OpenInstallment
{
    private Settlement[]? _settlements;
    private ReadOnlyCollection<Settlement>? _settlementsView;

    internal OpenInstallment(OpenItem item, int number, Installment definition)
    {
        Item = item;
        Number = number;
        Definition = definition;
        OpenValue = definition.Amount.Amount;
    }

    /// <summary>The item the installment belongs to.</summary>
    public OpenItem Item { get; }

    /// <summary>The installment's number, 1-based.</summary>
    public int Number { get; }

    /// <summary>Points at this installment.</summary>
    public InstallmentRef Ref => new(Item.Id, Number);

    /// <summary>The installment as posted.</summary>
    public Installment Definition { get; }

    /// <summary>Prepayment, remainder or regular (R4.1).</summary>
    public InstallmentKind Kind => Definition.Kind;

    /// <summary>The installment's amount as posted.</summary>
    public Money Amount => Definition.Amount;

    /// <summary>
    /// The effective due date: this installment's changed due date if a change moved it (R0.8), else its explicit due
    /// date, else the invoice's due date. A change that moved another installment of the item does not move this one.
    /// </summary>
    public LocalDate DueDate => DueDateOverride?.NewDueDate ?? Definition.DueDate ?? (Item.Origin switch
    {
        InvoicePosted invoice => invoice.DueDate,
        ChargePosted charge => charge.DueDate,
        _ => default,
    });

    /// <summary>The last due-date change that moved this installment (R0.8), if any: old and new date, note, who and when.</summary>
    public DueDateOverride? DueDateOverride { get; internal set; }

    /// <summary>What is still open; never negative, never above <see cref="Amount"/>.</summary>
    public Money OpenAmount => new(OpenValue, Item.Currency);

    /// <summary>Whether something is still open and the item was not reversed.</summary>
    public bool IsOpen => OpenValue > 0m && !Item.IsReversed;

    /// <summary>Partial payments, credit notes and write-offs on this installment, in journal order, including undone ones.</summary>
    /// <remarks>A read-only view: it cannot be changed through a cast.</remarks>
    public IReadOnlyList<Settlement> Settlements => _settlements is null ? ReadOnlyCollection<Settlement>.Empty : _settlementsView ??= Array.AsReadOnly(_settlements);

    /// <summary>The dunning state (level, notices).</summary>
    public DunningState Dunning { get; internal set; } = DunningState.None;

    internal decimal OpenValue { get; set; }

    internal void AddSettlement(Settlement settlement)
    {
        _settlements = OpenItem.Appended(_settlements, settlement);
        _settlementsView = null;
    }
}
