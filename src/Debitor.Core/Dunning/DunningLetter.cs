using System.Globalization;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>An open credit note or unapplied payment netted on a letter (it never raises the level).</summary>
public sealed class DunningCredit
{
    private readonly OpenItem _item;

    internal DunningCredit(CustomerId customer, OpenItem item)
    {
        Customer = customer;
        _item = item;
    }

    /// <summary>The customer whose credit it is.</summary>
    public CustomerId Customer { get; }

    /// <summary>The credit's item key.</summary>
    public EntryId Item => _item.Id;

    /// <summary>Credit note or payment.</summary>
    public ItemKind Kind => _item.Kind;

    /// <summary>The credit-note number, or the payment's reference.</summary>
    public string DocumentNumber => _item.DocumentNumber;

    /// <summary>The document date, or the payment's value date.</summary>
    public LocalDate Date => _item.DocumentDate;

    /// <summary>The part not yet applied or refunded.</summary>
    public Money OpenAmount => _item.OpenAmount;
}

/// <summary>A fee on a letter.</summary>
/// <param name="Kind">Per letter, per item or tiered.</param>
/// <param name="Amount">The fee.</param>
/// <param name="Level">The level whose settings charge it.</param>
/// <param name="Customer">The account the fee is charged to: the debtor for a per-item fee, the recipient otherwise.</param>
/// <param name="Installment">The installment raised, for a per-item fee.</param>
public sealed record DunningFeeLine(DunningFeeKind Kind, Money Amount, int Level, CustomerId Customer, InstallmentRef? Installment = null)
{
    /// <summary>The text key of the fee for the letter (not the enum name): <c>dunning.fee.perLetter</c>, <c>dunning.fee.perItem</c> or <c>dunning.fee.tiered</c>.</summary>
    public string TextKey => Kind switch
    {
        DunningFeeKind.PerLetter => "dunning.fee.perLetter",
        DunningFeeKind.PerItem => "dunning.fee.perItem",
        _ => "dunning.fee.tiered",
    };
}

/// <summary>A debtor whose items are on a letter, named as the letter names it (a payer's letter names every debtor, R3.7).</summary>
/// <param name="Id">The customer's id.</param>
/// <param name="Number">The customer number.</param>
/// <param name="Name">The name.</param>
public sealed record DunningDebtor(CustomerId Id, string Number, string Name)
{
    /// <summary>Whether the debtor is a consumer (§13 BGB): the interest clause cites §288 Abs. 1 BGB for it, Abs. 2 otherwise.</summary>
    public bool IsConsumer { get; init; }
}

/// <summary>
/// A dunning letter (R4.6, R3.7, R0.15): one per recipient and currency, listing every overdue item of the customers
/// it covers, netting their open credits, with fees, interest and totals.
/// </summary>
/// <remarks>
/// <para>The letter's <see cref="Level"/> is the highest level among the notices it issues; items only listed keep
/// their own levels. Header and footer text keys and the payment deadline come from that level of the recipient's
/// scheme.</para>
/// <para><see cref="TotalDue"/> = <see cref="NetOverdue"/> + <see cref="FeeTotal"/> + <see cref="InterestTotal"/>.
/// Items not yet due are listed apart and not counted.</para>
/// <para>The totals are computed when the letter is proposed; its lines, credits, fees and customers are built from the
/// same immutable account views when first read, so a run over a million items allocates for its letters only.
/// Immutable and thread-safe for reading.</para>
/// </remarks>
public sealed partial class DunningLetter
{
    private readonly RunScope _scope;
    private readonly CustomerAccount? _single;
    private readonly CustomerAccount[]? _group;
    private readonly LetterTotals _totals;
    private readonly CustomerMasterData _recipientMasterData;
    private readonly long _recipientVersion;
    private readonly int _onlyLevel;
    private readonly bool _main;
    private readonly int _levelCount;
    private string? _id;
    private LetterContent? _content;
    private IReadOnlyList<DunningDebtor>? _debtors;

    internal DunningLetter(
        RunScope scope,
        CustomerAccount recipient,
        Currency currency,
        int level,
        DunningScheme scheme,
        LocalDate paymentDeadline,
        CustomerAccount? single,
        CustomerAccount[]? group,
        LetterTotals totals,
        int onlyLevel,
        bool main)
    {
        _onlyLevel = onlyLevel;
        _main = main;
        _levelCount = scheme.Levels.Count;
        _scope = scope;
        _single = single;
        _group = group;
        _totals = totals;
        _recipientMasterData = recipient.MasterData;
        _recipientVersion = recipient.Version;
        Recipient = recipient.Customer;
        Currency = currency;
        Level = level;
        Scheme = scheme.Id;
        var definition = scheme.Levels[level - 1];
        HeaderTextKey = definition.HeaderTextKey;
        FooterTextKey = definition.FooterTextKey;
        PaymentDeadline = paymentDeadline;
    }

    /// <summary>
    /// The letter's number (issue 17): sequential and gap-free per company and year, given when the letter is issued
    /// (<see cref="Application.DunningService.ProcessAsync"/>); <see langword="null"/> on a preview. A cancelled letter keeps it.
    /// </summary>
    public Ledger.LetterNumber? Number { get; internal set; }

    /// <summary>
    /// The letter's key: <c>{run id}/{recipient id}/{currency code}</c>, shortened with a hash beyond 200 characters; the
    /// lower-level letters of a scheme that duns by level (<see cref="DunningScheme.OneLetterPerLevel"/>) add <c>/L{level}</c>.
    /// </summary>
    public string Id => _id ??= _main ? DunningIds.Letter(RunId, RecipientId, Currency) : DunningIds.LevelLetter(RunId, RecipientId, Currency, Level);

    /// <summary>The run that proposed it.</summary>
    public DunningRunId RunId => _scope.Request.RunId;

    /// <summary>The recipient's id: the customer, or its payer when the routing says so (R3.7).</summary>
    public CustomerId RecipientId => Recipient.Id;

    /// <summary>The recipient's settings (name, number, channel).</summary>
    public Customer Recipient { get; }

    /// <summary>The customers whose items or credits are on the letter, ordered by id.</summary>
    public IReadOnlyList<CustomerId> Customers => Content.Customers;

    /// <summary>The letter's currency; a letter never mixes currencies.</summary>
    public Currency Currency { get; }

    /// <summary>
    /// The letter's level: the highest level among its notices; heading and footer follow it. Every line states its own
    /// level (<see cref="DunningLine.LevelTextKey"/>), so an item at its first notice reads as a first notice on any letter.
    /// </summary>
    public int Level { get; }

    /// <summary>The scheme the letter's texts, deadline and fees come from (the recipient's).</summary>
    public SchemeId Scheme { get; }

    /// <summary>The key of the level's header text (R4.6).</summary>
    public string HeaderTextKey { get; }

    /// <summary>The key of the level's footer text (R4.6).</summary>
    public string FooterTextKey { get; }

    /// <summary>The letter date: the run's as-of date.</summary>
    public LocalDate LetterDate => _scope.AsOf;

    /// <summary>The date by which the recipient is asked to pay: letter date plus the level's days, moved to a business day.</summary>
    public LocalDate PaymentDeadline { get; }

    /// <summary>
    /// The output medium set for dunning letters in the recipient's master data (R3.5, <see cref="CustomerMasterData.MediumFor"/>);
    /// without one, the recipient's preferred channel (post for customers who prefer the phone: a letter cannot be phoned).
    /// </summary>
    public OutputMedium Medium => OutputMedia.For(Recipient, _recipientMasterData, DocumentKind.DunningLetter);

    /// <summary>How the letter is sent: by e-mail when <see cref="Medium"/> is e-mail only, otherwise by post.</summary>
    public DunningChannel Channel => Medium == OutputMedium.Email ? DunningChannel.Email : DunningChannel.Post;

    /// <summary>Our receivables contact, printed on the letter like on every receivables document (R3.5).</summary>
    public ReceivablesContact Contact => _scope.Contact;

    /// <summary>The recipient's document address (R1.4): its billing address, else its main address; <see langword="null"/> when it has none.</summary>
    public PostalAddress? RecipientAddress => _recipientMasterData.DocumentAddress;

    /// <summary>The recipient's e-mail address chosen for sending (R0.13), if any.</summary>
    public EmailAddress? RecipientEmail => _recipientMasterData.SendingEmail;

    /// <summary>The customers whose items or credits are on the letter, with number and name, ordered by id.</summary>
    /// <remarks>Built once per letter (the letter is immutable): the outbox, the content hash and the document each read it.</remarks>
    public IReadOnlyList<DunningDebtor> Debtors => _debtors ??=
        [.. Accounts.Select(a => a.Customer).Where(c => Customers.Contains(c.Id)).OrderBy(c => c.Id.Value, StringComparer.Ordinal).Select(c => new DunningDebtor(c.Id, c.Number, c.Name) { IsConsumer = c.IsConsumer })];

    /// <summary>What the recipient asked to have attached to dunning e-mails (R0.15).</summary>
    public LetterAttachments Attachments =>
        (Recipient.Workflow.AttachDunningLetter ? LetterAttachments.DunningLetter : LetterAttachments.None)
        | (Recipient.Workflow.AttachFullStatement ? LetterAttachments.FullStatement : LetterAttachments.None)
        | (Recipient.Workflow.AttachOpenItemsStatement ? LetterAttachments.OpenItemsStatement : LetterAttachments.None);

    /// <summary>Every overdue item of the covered customers, ordered by customer, due date, document and installment;
    /// those with <see cref="DunningLine.IssuesNotice"/> get a notice.</summary>
    public IReadOnlyList<DunningLine> Lines => Content.Lines;

    /// <summary>
    /// <see cref="Lines"/>, without keeping them on the letter when they were not built yet (D16.253): for a reader that
    /// reads them once, such as an approval of a large proposal.
    /// </summary>
    internal IReadOnlyList<DunningLine> LinesUnkept => (Volatile.Read(ref _content) ?? new Scanner(_scope).Materialize(this)).Lines;

    /// <summary>Items not due yet, when the scheme lists them; not counted in the totals.</summary>
    public IReadOnlyList<DunningLine> ItemsNotYetDue => Content.NotYetDue;

    /// <summary>Open credit notes and unapplied payments, netted against the overdue amount.</summary>
    public IReadOnlyList<DunningCredit> Credits => Content.Credits;

    /// <summary>The fees: the level's fee per letter and tiered fee, and a fee per installment raised to a level.</summary>
    public IReadOnlyList<DunningFeeLine> Fees => Content.Fees;

    /// <summary>The sum of the open amounts of <see cref="Lines"/>.</summary>
    public Money OverdueTotal => new(_totals.Overdue, Currency);

    /// <summary>The sum of the open credits.</summary>
    public Money CreditTotal => new(_totals.Credit, Currency);

    /// <summary>Overdue minus credits; always positive on a letter that is sent.</summary>
    public Money NetOverdue => new(_totals.Overdue - _totals.Credit, Currency);

    /// <summary>The sum of the fees.</summary>
    public Money FeeTotal => new(_totals.PerLetterFee + _totals.TieredFee + _totals.ItemFees, Currency);

    /// <summary>The sum of the interest stated on the lines (not posted).</summary>
    public Money InterestTotal => new(_totals.Interest, Currency);

    /// <summary>What the recipient is asked to pay: net overdue plus fees plus interest.</summary>
    public Money TotalDue => NetOverdue + FeeTotal + InterestTotal;

    /// <summary>The sum of the open amounts of <see cref="ItemsNotYetDue"/>.</summary>
    public Money NotYetDueTotal => new(_totals.NotYetDue, Currency);

    /// <summary>The number of notices the letter issues.</summary>
    public int NoticeCount => _totals.Notices;

    internal decimal PerLetterFee => _totals.PerLetterFee;

    internal decimal TieredFee => _totals.TieredFee;

    /// <summary>Whether the letter lists credits, items not yet due and overdue items without a notice (every letter but the lower-level letters of dun-by-level).</summary>
    internal bool ListsEverything => _onlyLevel == 0 || _main;

    /// <summary>Whether an overdue item with a classification belongs on this letter.</summary>
    internal bool Lists(DunningLineStatus status, int level) =>
        _onlyLevel == 0
        || (status is DunningLineStatus.Raised or DunningLineStatus.Repeated ? Math.Min(level, _levelCount) == _onlyLevel : _main);

    /// <summary>The accounts the letter was tallied from (for a payer's letter, every account routed to it).</summary>
    internal IEnumerable<CustomerAccount> Accounts => _group ?? (_single is { } single ? [single] : []);

    private LetterContent Content
    {
        get
        {
            var content = Volatile.Read(ref _content);
            if (content is null)
            {
                Interlocked.CompareExchange(ref _content, new Scanner(_scope).Materialize(this), null);
                content = _content!;
            }

            return content;
        }
    }

    /// <summary>A short description.</summary>
    /// <returns>Id, level and total.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} level {Level}: {TotalDue}");
}

/// <summary>
/// The result of a preview (R4.7): every letter with every item and why it is at its level, and every excluded item
/// with why. Nothing was changed.
/// </summary>
public sealed class DunningProposal
{
    private readonly Lazy<IReadOnlyList<DunningLine>> _excluded;

    internal DunningProposal(DunningRunRequest request, IReadOnlyList<DunningLetter> letters, Func<IReadOnlyList<DunningLine>> excluded, IReadOnlyList<DunningLine>? courtesyReminders = null)
    {
        Request = request;
        Letters = ReadOnlyViews.Of(letters);
        CourtesyReminders = ReadOnlyViews.Of(courtesyReminders ?? []);
        _excluded = new Lazy<IReadOnlyList<DunningLine>>(() => ReadOnlyViews.Of(excluded()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The run's date and filters.</summary>
    public DunningRunRequest Request { get; }

    /// <summary>The letters, ordered by recipient id and currency code.</summary>
    public IReadOnlyList<DunningLetter> Letters { get; }

    /// <summary>
    /// The installments due for a courtesy reminder before their due date (<see cref="DunningScheme.CourtesyReminderDays"/>,
    /// Odoo), with status <see cref="DunningLineStatus.CourtesyReminder"/>, ordered by customer and due date; never on a
    /// letter, never a level, no charges. Empty unless a scheme sets the days and the run is not limited to one level.
    /// </summary>
    public IReadOnlyList<DunningLine> CourtesyReminders { get; }

    /// <summary>
    /// Every overdue item of a customer in scope that is on no letter, with <see cref="DunningLine.Exclusion"/> saying why
    /// (nothing vanishes: items not yet due for a notice, items with all notices issued, suppressed letters, …); ordered
    /// by customer, due date, document and installment. Built when first read.
    /// </summary>
    public IReadOnlyList<DunningLine> Excluded => _excluded.Value;

    /// <summary>
    /// Accounts of the company whose stored journal cannot be read (<see cref="Ledger.CorruptJournalException"/> naming the
    /// account and version): left out of the run and reported here instead of failing the run as a whole.
    /// </summary>
    public IReadOnlyList<Ledger.CorruptJournalException> UnreadableAccounts { get; internal set; } = [];

    /// <summary>The number of notices the letters issue.</summary>
    public int NoticeCount => Letters.Sum(l => l.NoticeCount);

    /// <summary>
    /// The day (in the company's time zone) <c>DunningService.PreviewAsync</c> computed the proposal on;
    /// <see langword="null"/> for a proposal computed by <see cref="DunningEngine"/> directly. A proposal previewed for its
    /// own day and processed on a later day is re-checked as of the processing day (D14.6).
    /// </summary>
    public LocalDate? PreviewedOn { get; internal set; }

    /// <summary>
    /// The limitation warnings of the run (issue 17): open claims of the customers in scope whose limitation period ends
    /// between the run date and <see cref="DunningRunRequest.LimitationWarningHorizon"/> (default: the coming 31 December)
    /// and is not suspended — "Verjährungswarnung — Hemmung einleiten" / "limitation warning — take action to suspend it"
    /// (<see cref="Collections.ClaimLimitation.WarningText"/>). Ordered by customer and end date; built when first read.
    /// </summary>
    public IReadOnlyList<Collections.ClaimLimitation> LimitationWarnings => _limitationWarnings ??= LimitationWarningsSource?.Invoke() ?? [];

    internal Func<IReadOnlyList<Collections.ClaimLimitation>>? LimitationWarningsSource { get; set; }

    private IReadOnlyList<Collections.ClaimLimitation>? _limitationWarnings;
}

/// <summary>A line of the previewed proposal that was not issued, and why.</summary>
/// <param name="Customer">The debtor.</param>
/// <param name="Installment">The installment.</param>
/// <param name="DocumentNumber">The document number.</param>
/// <param name="Level">The level the preview proposed.</param>
/// <param name="LetterId">The letter it was on.</param>
/// <param name="Reason">Why it was not issued.</param>
/// <param name="Exclusion">For <see cref="DunningRemovalReason.NowExcluded"/>: the exclusion.</param>
public sealed record RemovedLine(CustomerId Customer, InstallmentRef Installment, string DocumentNumber, int Level, string LetterId, DunningRemovalReason Reason, DunningExclusion? Exclusion = null);

/// <summary>What processing a proposal did: the letters issued and the previewed lines that were not.</summary>
public sealed class DunningRunResult
{
    internal DunningRunResult(DunningRunId runId, IReadOnlyList<DunningLetter> issued, IReadOnlyList<RemovedLine> removed)
    {
        RunId = runId;
        Issued = ReadOnlyViews.Of(issued);
        Removed = ReadOnlyViews.Of(removed);
    }

    /// <summary>The run.</summary>
    public DunningRunId RunId { get; }

    /// <summary>The letters issued and handed to the output port, as issued (with current amounts).</summary>
    public IReadOnlyList<DunningLetter> Issued { get; }

    /// <summary>Previewed notices that were not issued (paid, changed, excluded or suppressed in between, or issued already).</summary>
    public IReadOnlyList<RemovedLine> Removed { get; }

    /// <summary>Accounts whose stored journal could not be read: left out of the run and reported here (see <see cref="DunningProposal.UnreadableAccounts"/>).</summary>
    public IReadOnlyList<Ledger.CorruptJournalException> UnreadableAccounts { get; internal set; } = [];
}
