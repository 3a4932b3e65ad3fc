using Ardalis.GuardClauses;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Interest invoices (R3.4): preview what a customer's interest scheme charges up to today, and issue it — post an
/// interest charge per item (and the flat recovery compensation where due) so later payments settle it.
/// </summary>
/// <remarks>
/// Thread-safe. Issuing the same invoice number again posts nothing twice: it derives the invoices from the journal as it
/// stood when they were posted and delivers those not delivered yet (through the document outbox).
/// </remarks>
public sealed class InterestInvoiceService
{
    private readonly CustomerAccountService _accounts;
    private readonly IInterestSchemeProvider _schemes;
    private readonly DocumentDelivery _delivery;
    private readonly DebitorCoreOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="accounts">The account use cases (authorization, loading, posting).</param>
    /// <param name="schemes">The interest schemes.</param>
    /// <param name="output">Where issued invoices go for rendering and dispatch.</param>
    /// <param name="options">Our receivables contact.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Invoices go through a private in-memory outbox; use the overload with an <see cref="IDocumentOutbox"/> so
    /// that a host can list and retry undelivered invoices.</remarks>
    public InterestInvoiceService(CustomerAccountService accounts, IInterestSchemeProvider schemes, IDocumentOutput output, DebitorCoreOptions options)
        : this(accounts, schemes, output, options, new InMemoryDocumentOutbox())
    {
    }

    /// <summary>Creates the service with a document outbox.</summary>
    /// <param name="accounts">The account use cases (authorization, loading, posting).</param>
    /// <param name="schemes">The interest schemes.</param>
    /// <param name="output">Where issued invoices go for rendering and dispatch.</param>
    /// <param name="options">Our receivables contact.</param>
    /// <param name="outbox">Where invoices wait until the output took them (see <see cref="DocumentDelivery"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public InterestInvoiceService(CustomerAccountService accounts, IInterestSchemeProvider schemes, IDocumentOutput output, DebitorCoreOptions options, IDocumentOutbox outbox)
    {
        _accounts = Guard.Against.Null(accounts);
        _schemes = Guard.Against.Null(schemes);
        _options = Guard.Against.Null(options);
        _delivery = new DocumentDelivery(Guard.Against.Null(outbox), Guard.Against.Null(output), accounts.Clock);
    }

    /// <summary>Creates the service with a renderer: every invoice reaches <paramref name="output"/> rendered, with the recipient's medium for interest invoices (R3.5).</summary>
    /// <param name="accounts">The account use cases (authorization, loading, posting).</param>
    /// <param name="schemes">The interest schemes.</param>
    /// <param name="output">Where issued invoices go (<see cref="IDocumentOutput.DeliverAsync(Documents.OutgoingDocument, CancellationToken)"/>).</param>
    /// <param name="options">Our receivables contact.</param>
    /// <param name="outbox">Where invoices wait until the output took them (see <see cref="DocumentDelivery"/>).</param>
    /// <param name="renderer">Renders each invoice on delivery (e.g. to PDF with Debitor.Core.Documents).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public InterestInvoiceService(CustomerAccountService accounts, IInterestSchemeProvider schemes, IDocumentOutput output, DebitorCoreOptions options, IDocumentOutbox outbox, IDocumentRenderer renderer)
        : this(accounts, schemes, output, options, outbox)
    {
        _delivery = new DocumentDelivery(outbox, accounts.Clock, output, null, Guard.Against.Null(renderer), accounts.Store);
    }

    /// <summary>What an interest invoice dated today would charge; changes nothing.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="number">The document number to use.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invoices (one per currency); empty when nothing is due.</returns>
    /// <exception cref="AuthorizationException">The actor may not view accounts.</exception>
    /// <exception cref="ArgumentException">The customer or its interest scheme does not exist, or the number is empty.</exception>
    public async Task<IReadOnlyList<InterestInvoice>> PreviewAsync(Actor actor, CustomerId customer, string number, CancellationToken cancellationToken = default)
    {
        var account = await _accounts.GetAccountAsync(actor, customer, cancellationToken).ConfigureAwait(false);
        var catalog = await _schemes.GetAsync(account.Customer.Company, cancellationToken).ConfigureAwait(false);
        return Prepare(account, catalog, _accounts.Today, number);
    }

    /// <summary>Issues the interest invoices dated today: posts their charges, then hands each invoice to the document output.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="number">The document number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invoices issued; empty when nothing was due. Issuing a number that was issued before returns those
    /// invoices again (and delivers any the output has not taken yet).</returns>
    /// <exception cref="AuthorizationException">The actor may not post documents.</exception>
    /// <exception cref="ArgumentException">The customer or its interest scheme does not exist, or the number is empty.</exception>
    /// <exception cref="CustomerArchivedException">The customer is archived.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<IReadOnlyList<InterestInvoice>> IssueAsync(Actor actor, CustomerId customer, string number, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(number);
        await _accounts.AuthorizeAsync(actor, Permission.PostDocuments, customer, cancellationToken).ConfigureAwait(false);
        var company = (await _accounts.LoadAsync(customer, nameof(customer), cancellationToken).ConfigureAwait(false)).Customer.Company;
        var catalog = await _schemes.GetAsync(company, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<InterestInvoice> invoices = [];
        await _accounts.ExecuteComputedAsync(
            actor,
            customer,
            Permission.PostDocuments,
            (account, now) =>
            {
                if (FirstRecordOf(account, number) is { } recorded)
                {
                    // Issued before: the invoices are derived again from the journal as it stood before their entries.
                    var before = CustomerAccount.FromJournal([.. account.Journal.Take((int)recorded.Version - 1)]);
                    invoices = Prepare(before, catalog, ((ChargePosted)recorded.Entry).Date, number);
                    return [];
                }

                invoices = Prepare(account, catalog, now.InZone(_options.TimeZone).Date, number);
                return [.. invoices.SelectMany(InterestInvoicing.Entries)];
            },
            nameof(number),
            cancellationToken).ConfigureAwait(false);
        await _delivery.SendAsync(invoices, cancellationToken).ConfigureAwait(false);
        return invoices;
    }

    private static JournalRecord? FirstRecordOf(CustomerAccount account, string number)
    {
        foreach (var record in account.Journal)
        {
            if (record.Entry is ChargePosted { Kind: ChargeKind.Interest or ChargeKind.RecoveryCompensation } charge
                && (charge.DocumentNumber == number
                    || (charge.DocumentNumber.Length == number.Length + 4 && charge.DocumentNumber.StartsWith(number + "-", StringComparison.Ordinal))))
            {
                return record;
            }
        }

        return null;
    }

    private IReadOnlyList<InterestInvoice> Prepare(CustomerAccount account, InterestSchemeCatalog catalog, LocalDate date, string number) =>
        InterestInvoicing.Prepare(account, catalog.For(account.Customer), date, number, contact: _options.ReceivablesContact);
}
