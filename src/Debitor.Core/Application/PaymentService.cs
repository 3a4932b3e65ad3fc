using System.Globalization;
using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// The payment use cases: apply a payment (with cash discount, tolerance and payer, R3.2, R3.3, R3.7), record a
/// returned direct debit or cheque, and write off small residuals. Each authorizes, loads through the ports, decides
/// with the pure core (<see cref="PaymentAllocator"/>), validates every entry before anything is stored, appends with
/// optimistic concurrency and hands the documents to <see cref="IDocumentOutput"/>.
/// </summary>
/// <remarks>
/// <para><b>Idempotency.</b> Every entry id derives from the payment (or run) id. Applying a payment id again changes
/// nothing and returns the earlier allocation, reconstructed from the journal.</para>
/// <para><b>Several accounts.</b> A payment from a payer is posted to each account it settles: the account's share as a
/// payment received from the payer, with its applications. The accounts are appended one after the other — the
/// customers paid for first, the payer last. When an append fails midway (a crash, or concurrency retries exhausted),
/// running the same payment again finds the accounts that have it, keeps what they recorded and allocates the rest to
/// the others: the payment is completed, never applied twice. The group is read anew on each run: complete a
/// failed payment before changing a customer's payer.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class PaymentService
{
    private readonly ICustomerAccountStore _store;
    private readonly IAuthorizationPort _authorization;
    private readonly IPayerDirectory _payers;
    private readonly DocumentDelivery _delivery;
    private readonly IAccountFaultLog _faults;
    private readonly IClock _clock;
    private readonly DebitorCoreOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="payers">Finds the customers a payer pays for.</param>
    /// <param name="output">Takes the documents.</param>
    /// <param name="clock">The clock; "today" is its date in <see cref="DebitorCoreOptions.TimeZone"/>.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Documents go through a private in-memory outbox; use the overload with an <see cref="IDocumentOutbox"/> so that
    /// a host can list and retry undelivered documents (and see accounts a run left out).</remarks>
    public PaymentService(ICustomerAccountStore store, IAuthorizationPort authorization, IPayerDirectory payers, IDocumentOutput output, IClock clock, DebitorCoreOptions options)
        : this(store, authorization, payers, output, clock, options, new InMemoryDocumentOutbox(), new InMemoryAccountFaultLog())
    {
    }

    /// <summary>Creates the service with a document outbox and a log for accounts a run leaves out.</summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="payers">Finds the customers a payer pays for.</param>
    /// <param name="output">Takes the documents.</param>
    /// <param name="clock">The clock; "today" is its date in <see cref="DebitorCoreOptions.TimeZone"/>.</param>
    /// <param name="options">The options.</param>
    /// <param name="outbox">Where documents wait until the output took them (see <see cref="DocumentDelivery"/>).</param>
    /// <param name="faults">Where a write-off run over all customers reports an account it has to leave out.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PaymentService(ICustomerAccountStore store, IAuthorizationPort authorization, IPayerDirectory payers, IDocumentOutput output, IClock clock, DebitorCoreOptions options, IDocumentOutbox outbox, IAccountFaultLog faults)
    {
        _faults = Guard.Against.Null(faults);
        _store = Guard.Against.Null(store);
        _authorization = Guard.Against.Null(authorization);
        _payers = Guard.Against.Null(payers);
        _clock = Guard.Against.Null(clock);
        _options = Guard.Against.Null(options);
        _delivery = new DocumentDelivery(Guard.Against.Null(outbox), Guard.Against.Null(output), clock);
    }

    /// <summary>Creates the service with a renderer: every document reaches <paramref name="output"/> rendered, with the recipient's medium for its kind (R3.5).</summary>
    /// <param name="store">The account store.</param>
    /// <param name="authorization">The authorization port.</param>
    /// <param name="payers">Finds the customers a payer pays for.</param>
    /// <param name="output">Takes the documents (<see cref="IDocumentOutput.DeliverAsync(Documents.OutgoingDocument, CancellationToken)"/>).</param>
    /// <param name="clock">The clock; "today" is its date in <see cref="DebitorCoreOptions.TimeZone"/>.</param>
    /// <param name="options">The options.</param>
    /// <param name="outbox">Where documents wait until the output took them (see <see cref="DocumentDelivery"/>).</param>
    /// <param name="faults">Where a write-off run over all customers reports an account it has to leave out.</param>
    /// <param name="renderer">Renders each document on delivery (e.g. to PDF with Debitor.Core.Documents).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PaymentService(ICustomerAccountStore store, IAuthorizationPort authorization, IPayerDirectory payers, IDocumentOutput output, IClock clock, DebitorCoreOptions options, IDocumentOutbox outbox, IAccountFaultLog faults, IDocumentRenderer renderer)
        : this(store, authorization, payers, output, clock, options, outbox, faults)
    {
        _delivery = new DocumentDelivery(outbox, clock, output, null, Guard.Against.Null(renderer), store);
    }

    /// <summary>Today in the company's time zone.</summary>
    public LocalDate Today => _clock.GetCurrentInstant().InZone(_options.TimeZone).Date;

    /// <summary>
    /// Applies a payment received from a customer — and, when that customer is a payer (R3.7), across the customers it
    /// pays for — under <see cref="PaymentOptions.Allocation"/>: posts the payment, its applications, cash discounts and
    /// tolerance write-offs, and hands over the payment advice and any difference notifications.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.RecordPayments"/> on every account touched. The automatic
    /// discount and tolerance write-offs follow from the customer's settings and need no write-off permission.</param>
    /// <param name="receivedFrom">The customer the payment came from; it keeps any unapplied credit.</param>
    /// <param name="payment">The payment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Applied, already applied (the earlier result) or refused (nothing changed): unknown customer, amount not
    /// positive or not rounded, designated item in another currency, value date too far ahead.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payment"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="receivedFrom"/> is <c>default</c>.</exception>
    /// <exception cref="AuthorizationException">The actor may not record payments on an account concerned.</exception>
    /// <exception cref="DuplicateEntryException">The payment id belongs to another entry or to a payment with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the accounts.</exception>
    public async Task<PaymentResult> ApplyPaymentAsync(Actor actor, CustomerId receivedFrom, IncomingPayment payment, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(payment);
        Guard.Against.Default(receivedFrom, nameof(receivedFrom));
        await AuthorizeAsync(actor, Permission.RecordPayments, receivedFrom, cancellationToken).ConfigureAwait(false);
        var settings = _options.Payments.Allocation;
        for (var attempt = 0; ; attempt++)
        {
            var group = await LoadGroupAsync(receivedFrom, cancellationToken).ConfigureAwait(false);
            if (group.Count == 0)
            {
                return Refused(new PaymentRefusal(PaymentRefusalReason.UnknownCustomer, $"Customer '{receivedFrom}' does not exist."));
            }

            foreach (var account in group.Skip(1))
            {
                await AuthorizeAsync(actor, Permission.RecordPayments, account.Id, cancellationToken).ConfigureAwait(false);
            }

            var today = Today;
            if (PaymentChecks.Check(payment, group, today, _options.Payments.MaxValueDateDaysAhead) is { } refusal)
            {
                return Refused(refusal);
            }

            // Accounts that already hold the payment keep what they recorded; the rest of the amount goes to the others.
            var parts = new List<PaymentAllocation>();
            var pending = new List<CustomerAccount>();
            var recorded = 0m;
            foreach (var account in group)
            {
                if (PaymentEntries.Recorded(account, payment, settings) is { } earlier)
                {
                    parts.Add(earlier.Part);
                    recorded += earlier.Portion.Amount;
                }
                else
                {
                    pending.Add(account);
                }
            }

            var remaining = payment.Amount.Amount - recorded;
            var receivingDone = pending.Count == 0 || pending[0].Id != receivedFrom;
            if (remaining < 0m || (receivingDone && remaining != 0m))
            {
                // The recorded shares do not add up to this payment: another payment under the same id.
                throw new DuplicateEntryException(receivedFrom, payment.Id);
            }

            var after = group.ToDictionary(a => a.Id);
            var status = PaymentStatus.AlreadyApplied;
            if (remaining > 0m)
            {
                var fresh = PaymentAllocator.Allocate(AllocationIndex.Build(pending, payment.Amount.Currency), payment with { Amount = new Money(remaining, payment.Amount.Currency) }, settings);
                var now = _clock.GetCurrentInstant();
                var plans = new List<(CustomerAccount Before, CustomerAccount After, IReadOnlyList<JournalRecord> Records)>();
                foreach (var account in pending.Skip(1).Append(pending[0]))
                {
                    var entries = PaymentEntries.For(fresh, account.Id);
                    if (entries.Count > 0)
                    {
                        var (next, appended) = account.Append(entries, now, actor.User, today, nameof(payment));
                        plans.Add((account, next, appended));
                    }
                }

                if (!await TryAppendAllAsync(plans, attempt, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                foreach (var plan in plans)
                {
                    after[plan.Before.Id] = plan.After;
                }

                parts.Add(fresh);
                status = PaymentStatus.Applied;
                DebitorDiagnostics.PaymentApplied(group[0].Customer.Company);
            }

            var allocation = Combine(payment, receivedFrom, parts);
            var accounts = group.Select(a => after[a.Id]).ToList();
            var documents = PaymentDocuments(allocation, accounts, today);
            await DeliverAsync(documents, cancellationToken).ConfigureAwait(false);
            return new PaymentResult(status, null, allocation, documents, accounts);
        }
    }

    /// <summary>
    /// Records a returned direct debit or cheque: the payment's applications are undone and the items reopen, the cash
    /// discounts and tolerance write-offs posted with it are reversed, the return date is recorded, and the bank fee, if
    /// given, is charged to the customer the payment came from as a cost item related to the first item reopened in its
    /// account. A payment from a payer is returned in every account it was posted to.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.RecordPayments"/> on every account touched.</param>
    /// <param name="receivedFrom">The customer the payment came from.</param>
    /// <param name="paymentReturn">What came back, when, and the fee.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reopened amounts, the fee and the accounts after. Recording the same return again changes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paymentReturn"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer does not exist, no account concerned holds the payment, or the payment cannot
    /// be returned (returned or reversed already, partly refunded).</exception>
    /// <exception cref="AuthorizationException">The actor may not record payments on an account concerned.</exception>
    /// <exception cref="DuplicateEntryException">The return was recorded before with other content.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the accounts.</exception>
    public async Task<PaymentReturnResult> ReturnPaymentAsync(Actor actor, CustomerId receivedFrom, PaymentReturn paymentReturn, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(paymentReturn);
        Guard.Against.Default(receivedFrom, nameof(receivedFrom));
        await AuthorizeAsync(actor, Permission.RecordPayments, receivedFrom, cancellationToken).ConfigureAwait(false);
        var payment = paymentReturn.Payment;
        for (var attempt = 0; ; attempt++)
        {
            var group = await LoadGroupAsync(receivedFrom, cancellationToken).ConfigureAwait(false);
            if (group.Count == 0)
            {
                throw new ArgumentException($"Customer '{receivedFrom}' does not exist.", nameof(receivedFrom));
            }

            var now = _clock.GetCurrentInstant();
            var today = Today;
            var reopened = new List<ReopenedAmount>();
            var plans = new List<(CustomerAccount Before, CustomerAccount After, IReadOnlyList<JournalRecord> Records)>();
            var found = false;
            foreach (var account in group.Skip(1).Append(group[0]))
            {
                var (entries, reopenedHere) = PaymentReturns.For(account, payment, paymentReturn.ReturnDate, paymentReturn.Kind, paymentReturn.Reason);
                found |= entries.Count > 0;
                reopened.AddRange(reopenedHere);
                if (account.Id == receivedFrom && paymentReturn.BankFee is { } bankFee)
                {
                    var feeId = PaymentEntries.FeeId(payment);
                    EntryId? related = reopenedHere.Count > 0 ? reopenedHere[0].Target.Item : null;
                    entries = [.. entries, new ChargePosted(feeId, ChargeKind.Cost, paymentReturn.FeeDocumentNumber ?? feeId.Value, paymentReturn.ReturnDate, paymentReturn.ReturnDate, bankFee, related)];
                }

                if (entries.Count == 0)
                {
                    continue;
                }

                if (account.Id != receivedFrom)
                {
                    await AuthorizeAsync(actor, Permission.RecordPayments, account.Id, cancellationToken).ConfigureAwait(false);
                }

                var (next, appended) = account.Append(entries, now, actor.User, today, nameof(paymentReturn));
                plans.Add((account, next, appended));
            }

            if (!found)
            {
                throw new ArgumentException($"Payment '{payment}' was not received from customer '{receivedFrom}' or a customer it pays for.", nameof(paymentReturn));
            }

            if (!await TryAppendAllAsync(plans, attempt, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var after = group.ToDictionary(a => a.Id);
            foreach (var plan in plans)
            {
                after[plan.Before.Id] = plan.After;
            }

            var charged = paymentReturn.BankFee is not null && after[receivedFrom].FindItem(PaymentEntries.FeeId(payment)) is { } charge ? charge.OriginalAmount : (Money?)null;
            return new PaymentReturnResult(payment, paymentReturn.ReturnDate, reopened, charged, [.. group.Select(a => after[a.Id])]);
        }
    }

    /// <summary>
    /// Writes off small residuals (open remnants of partly settled installments below a threshold per currency, see
    /// <see cref="ResidualWriteOffs"/>) as of a date, with a reason, and hands over one write-off notification per customer.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.WriteOff"/> on every account.</param>
    /// <param name="run">The run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was written off and the notifications.</returns>
    /// <remarks>Each account is appended on its own. When a run stops midway, running it again completes it: an account the
    /// run wrote off keeps what it recorded (its notification is derived again and delivered if it was not), the others are
    /// written off. Over all customers, an account that cannot be read is reported to the <see cref="IAccountFaultLog"/>
    /// and left out.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A customer named by the run does not exist, or the run names neither customers nor a company.</exception>
    /// <exception cref="AuthorizationException">The actor may not write off on an account.</exception>
    /// <exception cref="DuplicateEntryException">The run id was used before for other write-offs in an account.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing an account.</exception>
    public async Task<ResidualWriteOffResult> WriteOffResidualsAsync(Actor actor, ResidualWriteOffRun run, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(run);
        Guard.Against.Null(actor);
        var customers = run.Customers ?? await CompanyCustomersAsync(run, cancellationToken).ConfigureAwait(false);
        foreach (var customer in customers)
        {
            await AuthorizeAsync(actor, Permission.WriteOff, customer, cancellationToken).ConfigureAwait(false);
            if (run.Customers is not null && (await _store.LoadAsync(customer, cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                throw new ArgumentException($"Customer '{customer}' does not exist.", nameof(run));
            }
        }

        var writtenOff = new List<WrittenOffResidual>();
        var documents = new List<WriteOffNotification>();
        var firstId = WriteOffId(run, 0);
        foreach (var customer in customers)
        {
            for (var attempt = 0; ; attempt++)
            {
                var journal = await _store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
                if (journal.Count == 0)
                {
                    break;
                }

                // Over all customers one bad account is reported and left out; a customer named by the run is read as is.
                var account = run.Customers is null
                    ? await Portfolio.ReadAsync(journal, customer, _faults, nameof(WriteOffResidualsAsync), cancellationToken).ConfigureAwait(false)
                    : CustomerAccount.FromJournal(journal);
                if (account is null)
                {
                    break;
                }

                if (account.RecordOf(firstId) is { Entry: WriteOffPosted } recorded)
                {
                    // An earlier attempt wrote this account off: its notification is derived again from the journal as
                    // it stood before, so a retry completes the delivery the first attempt may not have made.
                    var before = CustomerAccount.FromJournal([.. journal.Take((int)recorded.Version - 1)]);
                    var earlier = ResidualWriteOffs.Find(before, run.Thresholds, run.AsOf);
                    writtenOff.AddRange(earlier.Select(r => new WrittenOffResidual(customer, r)));
                    documents.Add(WriteOffNotice(run, account, earlier, recorded.RecordedAt));
                    break;
                }

                var residuals = ResidualWriteOffs.Find(account, run.Thresholds, run.AsOf);
                if (residuals.Count == 0)
                {
                    break;
                }

                var entries = residuals
                    .Select((r, i) => (JournalEntry)new WriteOffPosted(WriteOffId(run, i), r.Target, r.OpenAmount, run.AsOf, run.Reason))
                    .ToList();
                var now = _clock.GetCurrentInstant();
                var (_, appended) = account.Append(entries, now, actor.User, now.InZone(_options.TimeZone).Date, nameof(run));
                try
                {
                    await _store.AppendAsync(customer, account.Version, appended, cancellationToken).ConfigureAwait(false);
                }
                catch (ConcurrencyException) when (attempt < _options.MaxConcurrencyRetries)
                {
                    continue;
                }

                writtenOff.AddRange(residuals.Select(r => new WrittenOffResidual(customer, r)));
                documents.Add(WriteOffNotice(run, account, residuals, now));
                break;
            }
        }

        await DeliverAsync(documents, cancellationToken).ConfigureAwait(false);
        return new ResidualWriteOffResult(run, writtenOff, documents);
    }

    private static PaymentResult Refused(PaymentRefusal refusal) => new(PaymentStatus.Refused, refusal, null, [], []);

    private static EntryId WriteOffId(ResidualWriteOffRun run, int index) => new(run.Id.Value + "/" + (index + 1).ToString(CultureInfo.InvariantCulture));

    /// <summary>The write-off notification of one account, dated the day its entries were recorded (in the company's time zone).</summary>
    private WriteOffNotification WriteOffNotice(ResidualWriteOffRun run, CustomerAccount account, IReadOnlyList<ResidualItem> residuals, Instant recordedAt) => new(
        run.Id.Value + "/" + account.Id.Value + "/write-off",
        recordedAt.InZone(_options.TimeZone).Date,
        account.Id,
        account.Customer.RecipientFor(DocumentRecipient.Customer),
        _options.ReceivablesContact,
        residuals.Select(r => new WriteOffLine(r.DocumentNumber, r.Target, r.OpenAmount, run.Reason)));

    private static PaymentAllocation Combine(IncomingPayment payment, CustomerId receivedBy, List<PaymentAllocation> parts)
    {
        if (parts.Count == 1 && parts[0].Payment == payment && parts[0].ReceivedBy == receivedBy)
        {
            return parts[0];
        }

        return new PaymentAllocation(payment, receivedBy, [.. parts.SelectMany(p => p.Lines)], [.. parts.SelectMany(p => p.Differences)]);
    }

    private List<ReceivablesDocument> PaymentDocuments(PaymentAllocation allocation, List<CustomerAccount> accounts, LocalDate today)
    {
        var payment = allocation.Payment;
        var receivedBy = allocation.ReceivedBy;
        var documents = new List<ReceivablesDocument>();
        var currency = payment.Amount.Currency;
        if (_options.Payments.ProducePaymentAdvice)
        {
            var lines = allocation.Lines
                .GroupBy(l => (l.Customer, l.Target))
                .Select(g =>
                {
                    var first = g.First();
                    var open = accounts.First(a => a.Id == g.Key.Customer).FindInstallment(g.Key.Target)?.OpenAmount ?? Money.Zero(currency);
                    return new PaymentAdviceLine(
                        g.Key.Customer, first.DocumentNumber, g.Key.Target, first.Component,
                        Sum(g, AllocationLineKind.Payment), Sum(g, AllocationLineKind.CashDiscount), Sum(g, AllocationLineKind.ToleranceWriteOff) - Sum(g, AllocationLineKind.OverpaymentWriteOff), open);
                });
            documents.Add(new PaymentAdvice(payment.Id.Value + "/advice", today, receivedBy, receivedBy, _options.ReceivablesContact, payment.Id, payment.Amount, payment.ValueDate, lines, allocation.UnappliedCredit));
        }

        var n = 0;
        foreach (var difference in allocation.Differences)
        {
            var customer = accounts.First(a => a.Id == difference.Customer).Customer;
            var recipient = customer.RecipientFor(difference.Customer == receivedBy ? DocumentRecipient.Customer : DocumentRecipient.Payer);
            var id = payment.Id.Value + "/difference/" + (++n).ToString(CultureInfo.InvariantCulture);
            documents.Add(new DifferenceNotification(id, today, difference.Customer, recipient, _options.ReceivablesContact, payment.Id, difference));
        }

        return documents;

        Money Sum(IEnumerable<AllocationLine> lines, AllocationLineKind kind) =>
            new(lines.Where(l => l.Kind == kind).Sum(l => l.Amount.Amount), currency);
    }

    /// <summary>The account a payment came from, then the accounts of the customers it pays for (ordered by id); empty when the first does not exist.</summary>
    private async Task<List<CustomerAccount>> LoadGroupAsync(CustomerId receivedFrom, CancellationToken cancellationToken)
    {
        var group = new List<CustomerAccount>();
        var journal = await _store.LoadAsync(receivedFrom, cancellationToken).ConfigureAwait(false);
        if (journal.Count == 0)
        {
            return group;
        }

        group.Add(CustomerAccount.FromJournal(journal));
        var paidFor = await _payers.GetCustomersPaidByAsync(receivedFrom, cancellationToken).ConfigureAwait(false);
        foreach (var customer in paidFor.Where(c => c != receivedFrom).Distinct().OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            var records = await _store.LoadAsync(customer, cancellationToken).ConfigureAwait(false);
            if (records.Count > 0)
            {
                var account = CustomerAccount.FromJournal(records);
                if (account.Customer.Payer == receivedFrom)
                {
                    group.Add(account);
                }
            }
        }

        return group;
    }

    /// <summary>Appends the planned records account by account; <see langword="false"/> when another writer came first and the caller should start again.</summary>
    private async Task<bool> TryAppendAllAsync(List<(CustomerAccount Before, CustomerAccount After, IReadOnlyList<JournalRecord> Records)> plans, int attempt, CancellationToken cancellationToken)
    {
        foreach (var (before, _, records) in plans)
        {
            if (records.Count == 0)
            {
                continue;
            }

            try
            {
                await _store.AppendAsync(before.Id, before.Version, records, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyException) when (DebitorDiagnostics.Conflict("payments") && attempt < _options.MaxConcurrencyRetries)
            {
                return false;
            }
        }

        return true;
    }

    private Task DeliverAsync(IReadOnlyList<ReceivablesDocument> documents, CancellationToken cancellationToken) =>
        _delivery.SendAsync(documents, cancellationToken);

    private async Task AuthorizeAsync(Actor actor, Permission permission, CustomerId customer, CancellationToken cancellationToken)
    {
        Guard.Against.Null(actor);
        if (!await _authorization.IsAllowedAsync(actor, permission, customer, cancellationToken).ConfigureAwait(false))
        {
            throw new AuthorizationException(actor.User, permission, customer);
        }
    }

    /// <summary>The accounts of the run's company, ordered by id (D14.5).</summary>
    private async Task<IReadOnlyList<CustomerId>> CompanyCustomersAsync(ResidualWriteOffRun run, CancellationToken cancellationToken)
    {
        var company = run.Company
            ?? throw new ArgumentException("A run over all accounts names its company (ResidualWriteOffRun.Company); it never spans several companies.", nameof(run));
        var customers = new List<CustomerId>();
        await foreach (var customer in _store.ListCustomersAsync(company, cancellationToken).ConfigureAwait(false))
        {
            customers.Add(customer);
        }

        return customers;
    }
}
