using Ardalis.GuardClauses;
using Debitor.Core.Communication;
using Debitor.Core.Credit;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Credit control use cases (R0.1, R0.2, R2.2–R2.5): the credit position and the headline of a customer for today, the check
/// whether a quote, order or delivery may be created, overrides by actors with <see cref="Permission.OverrideCreditControl"/>,
/// and manual blocks.
/// </summary>
/// <remarks>
/// <para>Every override and every block change is a journal entry with a communication-history entry
/// (<c>{entryId}/note</c>) beside it, appended atomically; retrying with the same entry id and content changes nothing.</para>
/// <para>Open orders come from <see cref="IOpenOrderSource"/>, the pending-task flag from <see cref="IAccountManagerTasks"/>,
/// the interest scheme from <see cref="IInterestSchemeProvider"/>. Thread-safe.</para>
/// </remarks>
public sealed class CreditControlService
{
    private readonly CustomerAccountService _accounts;
    private readonly IAuthorizationPort _authorization;
    private readonly IOpenOrderSource _orders;
    private readonly IInterestSchemeProvider _schemes;
    private readonly IAccountManagerTasks _tasks;
    private readonly CreditControlOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="accounts">The account use cases (authorization, loading, appending, today).</param>
    /// <param name="authorization">The authorization port (asked whether an actor could override).</param>
    /// <param name="orders">The host's open orders.</param>
    /// <param name="schemes">The interest schemes.</param>
    /// <param name="tasks">The account managers' pending tasks.</param>
    /// <param name="options">The credit-control settings.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CreditControlService(
        CustomerAccountService accounts,
        IAuthorizationPort authorization,
        IOpenOrderSource orders,
        IInterestSchemeProvider schemes,
        IAccountManagerTasks tasks,
        CreditControlOptions options)
    {
        _accounts = Guard.Against.Null(accounts);
        _authorization = Guard.Against.Null(authorization);
        _orders = Guard.Against.Null(orders);
        _schemes = Guard.Against.Null(schemes);
        _tasks = Guard.Against.Null(tasks);
        _options = Guard.Against.Null(options);
    }

    /// <summary>The credit position of a customer today.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The position.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, or the host reported a negative open-order amount.</exception>
    public async Task<CreditPosition> GetPositionAsync(Actor actor, CustomerId customer, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        return await PositionAsync(account, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the top of the customer page shows today (R0.1, R0.2): total open including interest, flags, limits and status.</summary>
    /// <param name="actor">Who asks; the favourite flag is this actor's.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The headline.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The customer or its interest scheme does not exist, or the host reported a negative open-order amount.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interest period starts before the scheme's base-rate table.</exception>
    public async Task<CustomerHeadline> GetHeadlineAsync(Actor actor, CustomerId customer, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var orders = await _orders.GetOpenOrderTotalsAsync(customer, cancellationToken).ConfigureAwait(false);
        // Tasks recorded in the account (collections follow-ups) count, and so do tasks the host keeps elsewhere.
        var pending = account.HasPendingAccountManagerTask
            || await _tasks.HasPendingTaskAsync(customer, cancellationToken).ConfigureAwait(false);
        var scheme = await InterestSchemeRegistry.ForAsync(_schemes, account.Customer, cancellationToken).ConfigureAwait(false);
        return CustomerHeadline.For(account, actor.User, _accounts.Today, scheme, _options.Rules, orders, pending);
    }

    /// <summary>
    /// Whether the actor may create a document of a kind for the customer today (R2.5). Records nothing: a refused decision
    /// says whether the actor could override it (<see cref="CreditDecision.CanOverride"/>); call <see cref="OverrideAsync"/> to do so.
    /// </summary>
    /// <param name="actor">Who wants to create the document.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="document">Quote, order or delivery.</param>
    /// <param name="amount">What the document adds to the exposure (see <see cref="CreditControl.Check"/>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Allowed or refused, with the reasons.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, the document kind is not defined, or an amount is negative or has no currency.</exception>
    public async Task<CreditDecision> CheckAsync(Actor actor, CustomerId customer, SalesDocumentKind document, Money? amount = null, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var decision = CreditControl.Check(await PositionAsync(account, cancellationToken).ConfigureAwait(false), document, _options.Rules, amount);
        if (decision.Outcome == CreditOutcome.Allowed)
        {
            return decision;
        }

        var canOverride = await _authorization.IsAllowedAsync(actor, Permission.OverrideCreditControl, customer, cancellationToken).ConfigureAwait(false);
        return decision with { CanOverride = canOverride };
    }

    /// <summary>
    /// Passes credit control for one document despite a block, a limit or an overdue status (R2.5). Only actors with
    /// <see cref="Permission.OverrideCreditControl"/> may; the override is recorded as a <see cref="CreditControlOverridden"/>
    /// entry naming what was overridden, with a communication-history entry. When nothing stops the document, nothing is
    /// recorded and the decision is <see cref="CreditOutcome.Allowed"/>.
    /// </summary>
    /// <param name="actor">Who overrides.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The override's entry id; the communication entry gets <c>{entryId}/note</c>.</param>
    /// <param name="document">Quote, order or delivery.</param>
    /// <param name="note">Why; mandatory.</param>
    /// <param name="amount">What the document adds to the exposure, or <see langword="null"/>.</param>
    /// <param name="documentReference">The host's reference of the document (e.g. the order number), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decision: <see cref="CreditOutcome.Overridden"/> with the reasons and the entry, or <see cref="CreditOutcome.Allowed"/>.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts, or something stops the document and the actor may not override credit control.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, the note is empty, the document kind is not defined, or an amount is negative or has no currency.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content (e.g. the reasons changed since the first attempt).</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<CreditDecision> OverrideAsync(
        Actor actor,
        CustomerId customer,
        EntryId entryId,
        SalesDocumentKind document,
        string note,
        Money? amount = null,
        string? documentReference = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("A note is mandatory when credit control is overridden (R2.5).", nameof(note));
        }

        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var decision = CreditControl.Check(await PositionAsync(account, cancellationToken).ConfigureAwait(false), document, _options.Rules, amount);
        if (decision.Outcome == CreditOutcome.Allowed)
        {
            return decision;
        }

        var reasons = decision.Reasons.Select(r => r.Reason).ToList();
        var overridden = new CreditControlOverridden(entryId, document, reasons, note, documentReference, amount);
        var subject = JournalText.Of(
            "history.credit.overridden",
            JournalTextArgument.Of("document", "history.salesDocument", document),
            JournalTextArgument.Of("reasons", reasons.Select(r => JournalText.Of(JournalText.EnumKey("history.creditReason", r)))));
        await _accounts.ExecuteAsync(
            actor,
            customer,
            Permission.OverrideCreditControl,
            [overridden, Note(entryId, subject, note)],
            nameof(entryId),
            cancellationToken).ConfigureAwait(false);
        return decision with { Outcome = CreditOutcome.Overridden, CanOverride = true, OverrideEntry = entryId };
    }

    /// <summary>Sets a manual block (R2.5), or changes its level, and records it in the communication history.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id; the communication entry gets <c>{entryId}/note</c>.</param>
    /// <param name="level">What to block; not <see cref="CreditBlockLevel.None"/>.</param>
    /// <param name="reason">Why; mandatory.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage customers.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, the level is <see cref="CreditBlockLevel.None"/> or undefined, or the reason is empty.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> SetBlockAsync(Actor actor, CustomerId customer, EntryId entryId, CreditBlockLevel level, string reason, CancellationToken cancellationToken = default) =>
        _accounts.ExecuteAsync(
            actor,
            customer,
            Permission.ManageCustomers,
            [new CreditBlockSet(entryId, level, reason), Note(entryId, JournalText.Of("history.credit.blockSet", JournalTextArgument.Of("level", "history.blockLevel", level)), reason)],
            nameof(level),
            cancellationToken);

    /// <summary>Lifts the manual block (R2.5) and records it in the communication history.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="entryId">The entry id; the communication entry gets <c>{entryId}/note</c>.</param>
    /// <param name="note">An optional note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The account after the change.</returns>
    /// <exception cref="AuthorizationException">The actor may not manage customers.</exception>
    /// <exception cref="ArgumentException">The customer does not exist or has no block.</exception>
    /// <exception cref="DuplicateEntryException"><paramref name="entryId"/> exists with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public Task<CustomerAccount> LiftBlockAsync(Actor actor, CustomerId customer, EntryId entryId, string? note = null, CancellationToken cancellationToken = default) =>
        _accounts.ExecuteAsync(
            actor,
            customer,
            Permission.ManageCustomers,
            [new CreditBlockLifted(entryId, note), Note(entryId, JournalText.Of("history.credit.blockLifted"), note)],
            nameof(entryId),
            cancellationToken);

    private static CommunicationRecorded Note(EntryId entryId, JournalText subject, string? text) =>
        HistoryNotes.Note(new EntryId((entryId.Value ?? string.Empty) + "/note"), CommunicationKind.CreditControl, subject, text);

    private async Task<CreditPosition> PositionAsync(CustomerAccount account, CancellationToken cancellationToken)
    {
        var orders = await _orders.GetOpenOrderTotalsAsync(account.Id, cancellationToken).ConfigureAwait(false);
        return CreditControl.Position(account, _accounts.Today, _options.Rules, orders);
    }
}
