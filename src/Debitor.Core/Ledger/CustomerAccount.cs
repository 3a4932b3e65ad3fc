using System.Collections.ObjectModel;
using Debitor.Core.Agreements;
using Debitor.Core.Collections;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Files;
using Debitor.Core.FollowUps;

namespace Debitor.Core.Ledger;

/// <summary>
/// The view of one customer account, derived from its journal: the customer's settings, every item with its
/// installments and partial payments, balances per currency and the communication history.
/// </summary>
/// <remarks>
/// <para>Build it with <see cref="FromJournal"/>. The view is a pure function of the journal: replaying the same
/// journal always gives the same view, and no amount appears that no entry explains.</para>
/// <para>Immutable and thread-safe for reading.</para>
/// </remarks>
public sealed class CustomerAccount
{
    private readonly Dictionary<EntryId, OpenItem> _itemsById;
    private Dictionary<EntryId, JournalEntry>? _entriesById;
    private OpenClaim[]? _openClaims;
    private readonly Dictionary<EntryId, Settlement> _settlementsById;
    private readonly IList<CommunicationEntry> _communicationList;
    private ReadOnlyCollection<OpenItem>? _items;
    private ReadOnlyCollection<CommunicationEntry>? _communications;
    private ReadOnlyCollection<PaymentAgreement>? _agreements;
    private ReadOnlyCollection<HandOverCase>? _handOvers;
    private ReadOnlyCollection<FollowUp>? _followUps;
    private ReadOnlyCollection<StoredFile>? _files;

    internal CustomerAccount(
        Customer customer,
        IReadOnlyList<JournalRecord> journal,
        List<OpenItem> items,
        Dictionary<EntryId, OpenItem> itemsById,
        Dictionary<EntryId, Settlement> settlementsById,
        IReadOnlyList<CommunicationEntry> communications,
        CustomerArchived? archived,
        CollectionState collections)
    {
        Collections = collections;
        Customer = customer;
        Journal = journal;
        ItemList = items;
        _itemsById = itemsById;
        _settlementsById = settlementsById;

        // The read-only wrappers are made when first read (D16.171): a batch builds a view per change and reads few of them.
        _communicationList = communications as IList<CommunicationEntry> ?? [.. communications];
        _communications = communications as ReadOnlyCollection<CommunicationEntry>;
        Archived = archived;
    }

    /// <summary>The customer's key.</summary>
    public CustomerId Id => Customer.Id;

    /// <summary>The customer's current settings.</summary>
    public Customer Customer { get; }

    /// <summary>The account's version: the number of journal entries. Pass it as the expected version when appending.</summary>
    public long Version => Journal.Count;

    /// <summary>The journal the view was built from, in order.</summary>
    public IReadOnlyList<JournalRecord> Journal { get; }

    /// <summary>Every item ever posted, open or not, in posting order (R0.6: paid items stay listed).</summary>
    public IReadOnlyList<OpenItem> Items => _items ??= ItemList.AsReadOnly();

    /// <summary>The items as the projection keeps them, for the core's own loops (never handed out).</summary>
    internal List<OpenItem> ItemList { get; }

    /// <summary>The items with something open: unsettled claims and unapplied credits.</summary>
    public IEnumerable<OpenItem> OpenItems => Items.Where(i => i.Status == ItemStatus.Open);

    /// <summary>The communication history, in the order recorded.</summary>
    public IReadOnlyList<CommunicationEntry> Communications => _communications ??= new ReadOnlyCollection<CommunicationEntry>(_communicationList);

    /// <summary>The pinned comment (R0.12), if one is pinned.</summary>
    public CommunicationEntry? PinnedComment => Collections.PinnedComment is { } id ? Communications.FirstOrDefault(c => c.Id == id) : null;

    /// <summary>The customer's master data (addresses, contacts, bank accounts, mandates, custom fields).</summary>
    public CustomerMasterData MasterData => Collections.MasterData;

    /// <summary>Every payment agreement ever made, in the order made, with its state (R0.10).</summary>
    public IReadOnlyList<PaymentAgreement> Agreements => _agreements ??= Collections.Agreements.AsReadOnly();

    /// <summary>The insolvency proceedings opened over the customer's assets, if recorded (issue 17).</summary>
    public InsolvencyOpened? Insolvency => Collections.Insolvency;

    /// <summary>The number of a letter sent to this account (issue 17), if it was numbered.</summary>
    /// <param name="letterId">The letter's id.</param>
    /// <returns>The number, or <see langword="null"/>.</returns>
    public LetterNumber? LetterNumberOf(string letterId) => Collections.LetterNumbers.TryGetValue(letterId, out var number) ? number : null;

    /// <summary>Every hand-over case, in the order made.</summary>
    public IReadOnlyList<HandOverCase> HandOvers => _handOvers ??= Collections.HandOvers.AsReadOnly();

    /// <summary>Every follow-up, reminder and account-manager task, in the order created.</summary>
    public IReadOnlyList<FollowUp> FollowUps => _followUps ??= Collections.FollowUps.AsReadOnly();

    /// <summary>The files attached to the customer (R0.5), in the order attached.</summary>
    public IReadOnlyList<StoredFile> Files => _files ??= Collections.Files.AsReadOnly();

    /// <summary>Whether the account manager has a pending task (R0.1).</summary>
    public bool HasPendingAccountManagerTask => Collections.FollowUps.Any(f => f.Kind == FollowUpKind.AccountManagerTask && !f.IsDone);

    /// <summary>The archive entry when the customer was archived (R1.2); otherwise <see langword="null"/>.</summary>
    public CustomerArchived? Archived { get; }

    /// <summary>The last <see cref="CreditBlockSet"/> or <see cref="CreditBlockLifted"/> record, if any: the manual block in force (R2.5).</summary>
    internal JournalRecord? LastCreditBlockRecord { get; init; }

    /// <summary>The first item amount beyond <see cref="Bounds.MaxAmount"/>, or <see langword="null"/> when every amount is within bounds.</summary>
    internal Money? AmountBeyondBounds()
    {
        foreach (var item in Items)
        {
            if (Math.Abs(item.OriginalAmount.Amount) > Bounds.MaxAmount)
            {
                return item.OriginalAmount;
            }
        }

        return null;
    }

    /// <summary>The record holding the entry with the id, or <see langword="null"/>.</summary>
    internal JournalRecord? RecordOf(EntryId id)
    {
        if (FindEntry(id) is null)
        {
            return null;
        }

        foreach (var record in Journal)
        {
            if (record.Entry.Id == id)
            {
                return record;
            }
        }

        return null;
    }

    /// <summary>Whether the customer was archived.</summary>
    public bool IsArchived => Archived is not null;

    /// <summary>Whether an invoice was ever posted; such a customer can be archived but not deleted (R1.2).</summary>
    public bool HasPostedInvoice => Items.Any(i => i.Kind == ItemKind.Invoice);

    /// <summary>
    /// The balance per currency: open claims minus unapplied credits, ordered by currency code. Amounts in different
    /// currencies are never added. A currency is listed while it has an item that was not reversed, even when its balance is zero.
    /// </summary>
    public IReadOnlyList<Money> Balances
    {
        get
        {
            var sums = new Dictionary<Currency, decimal>();
            foreach (var item in Items)
            {
                if (!item.IsReversed)
                {
                    sums[item.Currency] = sums.GetValueOrDefault(item.Currency) + item.SignedOpenAmount.Amount;
                }
            }

            return [.. sums.OrderBy(p => p.Key.Code, StringComparer.Ordinal).Select(p => new Money(p.Value, p.Key))];
        }
    }

    /// <summary>The balance in one currency: open claims minus unapplied credits.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The balance; zero when nothing is open in that currency.</returns>
    public Money BalanceIn(Currency currency)
    {
        var total = 0m;
        foreach (var item in Items)
        {
            if (item.Currency == currency)
            {
                total += item.SignedOpenAmount.Amount;
            }
        }

        return new Money(total, currency);
    }

    /// <summary>Builds the view of an account from its journal.</summary>
    /// <param name="journal">The journal records in order; the first must register the customer.</param>
    /// <returns>The account view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journal"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The journal is empty or does not start with <see cref="CustomerRegistered"/>,
    /// or its versions are not 1, 2, 3, …</exception>
    /// <exception cref="CorruptJournalException">An entry refers to something the journal does not hold, or would make an amount negative.</exception>
    public static CustomerAccount FromJournal(IReadOnlyList<JournalRecord> journal) => AccountProjection.Replay(journal);

    /// <summary>Finds an item by its key.</summary>
    /// <param name="id">The item's key (the id of the entry that created it).</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public OpenItem? FindItem(EntryId id) => _itemsById.GetValueOrDefault(id);

    /// <summary>
    /// The payment tolerance limit of an installment (R3.2): the lower of the customer's percentage of the installment's
    /// posted amount and its fixed maximum, rounded down — the most a payment may differ from what closes it (for payment
    /// proposals and statements). The rule the payment allocator applies.
    /// </summary>
    /// <param name="installment">An installment of a claim in this account.</param>
    /// <returns>The limit in the installment's currency; zero when the customer has no tolerance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="installment"/> is <see langword="null"/>.</exception>
    public Money ToleranceLimitOf(OpenInstallment installment)
    {
        ArgumentNullException.ThrowIfNull(installment);
        var currency = installment.Item.Currency;
        return new Money(Payments.PaymentRules.ToleranceLimit(Customer.PaymentTolerance, installment.Amount.Amount, currency), currency);
    }

    /// <summary>
    /// The cash discount an invoice installment gets when its open amount is paid on <paramref name="date"/> (R3.3): the
    /// invoice's own stages or the customer's terms, the customer's tolerance days included (a late discount is marked
    /// <see cref="Payments.CashDiscountOffer.IsLate"/>). The rule the payment allocator applies.
    /// </summary>
    /// <param name="installment">An installment in this account.</param>
    /// <param name="date">The payment's value date.</param>
    /// <returns>The offer, or <see langword="null"/> when none applies (not an invoice, nothing open, no stage on that date).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="installment"/> is <see langword="null"/>.</exception>
    public Payments.CashDiscountOffer? CashDiscountOn(OpenInstallment installment, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(installment);
        if (installment.Item.Origin is not InvoicePosted invoice || installment.OpenValue <= 0m)
        {
            return null;
        }

        var currency = installment.Item.Currency;
        var (amount, percent, lastDay, late) = Payments.PaymentRules.CashDiscount(Customer, invoice, installment.OpenValue, date, currency, acceptLate: true);
        return amount > 0m ? new Payments.CashDiscountOffer(new Money(amount, currency), percent, lastDay, late) : null;
    }

    /// <summary>Finds an installment.</summary>
    /// <param name="installment">The installment's reference.</param>
    /// <returns>The installment, or <see langword="null"/>.</returns>
    public OpenInstallment? FindInstallment(InstallmentRef installment) =>
        FindItem(installment.Item) is { } item && installment.Number >= 1 && installment.Number <= item.InstallmentStates.Length
            ? item.InstallmentStates[installment.Number - 1]
            : null;

    /// <summary>Finds a journal entry by its key.</summary>
    /// <param name="id">The entry's key.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    /// <exception cref="CorruptJournalException">Two entries of the journal share an id.</exception>
    public JournalEntry? FindEntry(EntryId id) => EntriesById().GetValueOrDefault(id);

    /// <summary>
    /// Checks entries in order against the account and returns the account with the new ones appended, plus the
    /// appended records. Entries already posted with the same content are skipped (idempotent). Nothing changes when
    /// any entry is refused: the caller gets an exception and the original account is untouched.
    /// </summary>
    internal (CustomerAccount Account, IReadOnlyList<JournalRecord> Appended) Append(
        IReadOnlyList<JournalEntry> entries, Instant now, UserId user, LocalDate today, string parameterName)
    {
        var appender = new AccountProjection.Appender(this);
        var appended = appender.Append(entries, now, user, today, parameterName);
        return (appender.Freeze(), appended);
    }

    /// <summary>The entries by id, built on first use: a replayed view that is only read never needs it.</summary>
    private Dictionary<EntryId, JournalEntry> EntriesById()
    {
        var built = Volatile.Read(ref _entriesById);
        if (built is null)
        {
            built = IndexEntries(Journal, Journal.Count);
            Volatile.Write(ref _entriesById, built);
        }

        return built;
    }

    /// <summary>The entries of a journal by id.</summary>
    /// <exception cref="CorruptJournalException">Two entries share an id.</exception>
    internal static Dictionary<EntryId, JournalEntry> IndexEntries(IReadOnlyList<JournalRecord> journal, int capacity)
    {
        var index = new Dictionary<EntryId, JournalEntry>(capacity);
        foreach (var record in journal)
        {
            if (!index.TryAdd(record.Entry.Id, record.Entry))
            {
                throw new CorruptJournalException(record.Entry.Id, "the id occurs twice.");
            }
        }

        return index;
    }

    /// <summary>The entries by id when the builder of the view has them already (an appender keeps them up to date).</summary>
    internal Dictionary<EntryId, JournalEntry>? EntriesIndex
    {
        init => _entriesById = value;
    }

    internal CollectionState Collections { get; }

    /// <summary>The open claims and credits in compact form for dunning runs, built on first use.</summary>
    internal OpenClaim[] OpenClaims
    {
        get
        {
            var built = Volatile.Read(ref _openClaims);
            if (built is null)
            {
                Interlocked.CompareExchange(ref _openClaims, OpenClaimIndex.Build(this), null);
                built = _openClaims!;
            }

            return built;
        }
    }

    /// <summary>The current state of an application, write-off or refund entry.</summary>
    internal Settlement? FindSettlement(EntryId id) => _settlementsById.GetValueOrDefault(id);

    /// <summary>Whether some entry reversed the given one.</summary>
    internal bool IsReversed(EntryId id) =>
        _itemsById.TryGetValue(id, out var item) ? item.IsReversed : FindSettlement(id) is { UndoneBy: not null };
}
