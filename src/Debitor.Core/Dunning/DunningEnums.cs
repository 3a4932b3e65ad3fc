namespace Debitor.Core.Dunning;

/// <summary>How a run date is compared with "reference date plus the level's days" (R4.2–R4.4).</summary>
public enum DunningDayComparison
{
    /// <summary>
    /// Due when the reference date plus the days lies <em>before</em> the run date (the seed's "kleiner als" and
    /// Business Central's rule): with 5 days, an item due on day D is first dunned on D + 6. The default.
    /// </summary>
    Strict,

    /// <summary>Due when the reference date plus the days is the run date or earlier: with 5 days, on D + 5.</summary>
    Inclusive,
}

/// <summary>
/// From what a level's days are counted (issue 17): the previous notice (the seed's rule and the default), the due date
/// (Tryton, Odoo), or the end of the month in which the due date plus the days falls (OCA credit control).
/// </summary>
public enum DunningDelayRule
{
    /// <summary>Level 1 from the effective due date, every later level from the date of the previous notice. The default.</summary>
    AfterPreviousNotice,

    /// <summary>From the effective due date, for every level (Tryton's and Odoo's levels): level 2 after 30 days means 30 days after the due date.</summary>
    AfterDueDate,

    /// <summary>The last day of the month in which the effective due date plus the days falls (OCA's "due date, end of month").</summary>
    EndOfMonthAfterDueDate,
}

/// <summary>Whose clock decides when the next letter goes out (issue 17).</summary>
public enum DunningCadence
{
    /// <summary>Each installment follows its own days (R4.1); a letter goes out when any installment is due. The default.</summary>
    PerInstallment,

    /// <summary>
    /// One clock per customer (Odoo's follow-up per partner): the customer's level is the highest level of its open invoice
    /// installments, its next letter is due when that level's next days have passed, and then every overdue installment
    /// gets its next notice; installments newly overdue join that letter instead of triggering their own.
    /// </summary>
    PerCustomer,
}

/// <summary>How the tiers of a tiered dunning fee combine.</summary>
public enum FeeTierMode
{
    /// <summary>The one tier the amount falls into applies: its fixed amount plus its percentage of the whole amount.</summary>
    Single,

    /// <summary>Every tier the amount reaches applies: each tier's fixed amount plus its percentage of the part of the amount inside the tier.</summary>
    Accumulated,
}

/// <summary>Who started a run (R0.15).</summary>
public enum DunningRunMode
{
    /// <summary>Started by a user: every customer in scope is considered.</summary>
    Manual,

    /// <summary>Started by a workflow: customers not included in automatic workflows and problematic customers are skipped.</summary>
    Automatic,
}

/// <summary>How a letter is sent (R0.12, R0.15).</summary>
public enum DunningChannel
{
    /// <summary>By e-mail.</summary>
    Email,

    /// <summary>By post (also for customers who prefer the phone: a letter cannot be phoned).</summary>
    Post,
}

/// <summary>What the recipient asked to have attached to dunning e-mails (R0.15).</summary>
[Flags]
public enum LetterAttachments
{
    /// <summary>Nothing attached.</summary>
    None = 0,

    /// <summary>The dunning letter as a document.</summary>
    DunningLetter = 1,

    /// <summary>The full account statement.</summary>
    FullStatement = 2,

    /// <summary>The open-items statement.</summary>
    OpenItemsStatement = 4,
}

/// <summary>Why an overdue item is kept off every letter. Each exclusion is reported with the proposal.</summary>
public enum DunningExclusion
{
    /// <summary>The customer was archived.</summary>
    CustomerArchived,

    /// <summary>The customer has a dunning block.</summary>
    CustomerBlocked,

    /// <summary>The customer's dunning scheme is not among the settings' schemes.</summary>
    UnknownScheme,

    /// <summary>An automatic run, and the customer is not included in automatic workflows (R0.15).</summary>
    NotInAutomaticWorkflows,

    /// <summary>An automatic run, and the customer is marked problematic (R0.1).</summary>
    Problematic,

    /// <summary>The run dunns only customers over their credit limit, and this one is not (R0.16).</summary>
    CreditLimitNotExceeded,

    /// <summary>The item was handed over to a lawyer.</summary>
    HandedToLawyer,

    /// <summary>The item was handed over to a collection agency.</summary>
    HandedToCollectionAgency,

    /// <summary>An active payment agreement covers the item.</summary>
    PaymentAgreement,

    /// <summary>The item is paused on the run date (R0.7).</summary>
    Paused,

    /// <summary>The item's open amount is below the scheme's minimum per item.</summary>
    BelowItemMinimum,

    /// <summary>The item was due for a notice, but credit notes and unapplied payments cover everything overdue on its letter.</summary>
    NetOverdueNotPositive,

    /// <summary>The item was due for a notice, but the net overdue amount of its letter is below the scheme's minimum.</summary>
    BelowLetterMinimum,

    /// <summary>The customer's interest scheme is not among the company's interest schemes: no letter states interest that cannot be computed.</summary>
    UnknownInterestScheme,

    /// <summary>Overdue, but not yet due for its next notice, and no other item of the customer gets a notice now.</summary>
    NoNoticeDue,

    /// <summary>All notices the scheme allows were issued: the next step is a hand-over or court dunning (gerichtliches Mahnverfahren).</summary>
    AllNoticesIssued,

    /// <summary>Due for a notice of a level the run did not select, and no letter goes to the customer in this run.</summary>
    LevelNotSelected,

    /// <summary>Due for a notice now, but not in the proposal being processed, and no letter goes to the customer.</summary>
    NotInProposal,

    /// <summary>An overdue dunning fee, interest charge or cost item: listed on letters, never dunned itself, and no letter goes to the customer now.</summary>
    ChargeWithoutNotice,

    /// <summary>Due for a notice by its own days, but the account had a letter less than the scheme's dunning interval ago (<see cref="DunningScheme.DunningIntervalDays"/>), and no letter goes to the customer now.</summary>
    WithinDunningInterval,

    /// <summary>Due for a notice, but the items that would reach its level miss the level's minimum amount or percentage (<see cref="DunningLevel.MinimumAmounts"/>, <see cref="DunningLevel.MinimumPercent"/>): it keeps its level, and no letter goes to the customer now.</summary>
    BelowLevelMinimum,

    /// <summary>The item was handed over to the court dunning procedure (gerichtliches Mahnverfahren).</summary>
    HandedToCourtDunning,

    /// <summary>
    /// The claim is time-barred (verjährt, §§195, 199 BGB): its limitation period ended before the run date. The debtor may
    /// refuse payment (§214 BGB), so no letter claims it.
    /// </summary>
    TimeBarred,

    /// <summary>
    /// Insolvency proceedings over the customer's assets opened on or before the run date and the claim was founded before
    /// they opened: it is filed with the administrator (§§87, 174 InsO), never dunned.
    /// </summary>
    Insolvency,
}

/// <summary>Where an installment stands in a run.</summary>
public enum DunningLineStatus
{
    /// <summary>The letter gives the installment a notice one level higher than before.</summary>
    Raised,

    /// <summary>The letter repeats the last level (the installment was at the scheme's last level).</summary>
    Repeated,

    /// <summary>Overdue and listed, but the days to its next level have not passed yet.</summary>
    WaitingForNextLevel,

    /// <summary>Overdue and due for a level the run did not select (runs can be limited to one level); listed only.</summary>
    LevelNotSelected,

    /// <summary>Due for a notice now, but not in the proposal that is being processed; listed only.</summary>
    NotInProposal,

    /// <summary>At the last level with all notices issued; listed only.</summary>
    MaximumReached,

    /// <summary>An overdue dunning fee, interest charge or cost item: listed and counted, never dunned itself.</summary>
    Charge,

    /// <summary>Not due yet; listed when the scheme lists items not yet due, and not counted as overdue.</summary>
    NotYetDue,

    /// <summary>Kept off every letter; <see cref="DunningLine.Exclusion"/> says why.</summary>
    Excluded,

    /// <summary>Due for a notice by its own days, but the account had a letter less than the scheme's dunning interval ago; listed only.</summary>
    WithinDunningInterval,

    /// <summary>Due for a notice, but the items that would reach its level miss the level's minimum amount or percentage, so it keeps its level (SAP); listed only.</summary>
    BelowLevelMinimum,
    /// <summary>Not due yet, and within the scheme's days for a courtesy reminder before the due date (Odoo): never a level, no charges.</summary>
    CourtesyReminder,
}

/// <summary>What a fee on a letter is for.</summary>
public enum DunningFeeKind
{
    /// <summary>The fixed fee of the letter's level.</summary>
    PerLetter,

    /// <summary>The fee for one installment raised to a new level (charged once per installment and level).</summary>
    PerItem,

    /// <summary>The tiered fee of the letter's level, by the net overdue amount.</summary>
    Tiered,
}

/// <summary>Why a line of the previewed proposal was not issued when the proposal was processed.</summary>
public enum DunningRemovalReason
{
    /// <summary>The installment is no longer open (paid, credited, written off or reversed in between).</summary>
    Settled,

    /// <summary>Its open amount changed in between (for example a partial payment).</summary>
    AmountChanged,

    /// <summary>Its dunning state changed in between (another letter was issued or cancelled).</summary>
    StateChanged,

    /// <summary>It is excluded now (paused, agreement, hand-over, block, …).</summary>
    NowExcluded,

    /// <summary>Its letter is no longer issued (the net overdue amount fell to zero or below the minimum).</summary>
    LetterSuppressed,
}
