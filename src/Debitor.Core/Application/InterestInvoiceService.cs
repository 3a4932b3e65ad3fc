using Ardalis.GuardClauses;
using Debitor.Core.Interest;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>
/// Interest invoices (R3.4): preview what a customer's interest scheme charges up to today, and issue it — post an
/// interest charge per item (and the flat recovery compensation where due) so later payments settle it.
/// </summary>
/// <remarks>Thread-safe. Issuing the same invoice number again posts nothing twice.</remarks>
public sealed class InterestInvoiceService
{
    private readonly CustomerAccountService _accounts;
    private readonly IInterestSchemeProvider _schemes;
    private readonly IDocumentOutput _output;
    private readonly DebitorCoreOptions _options;

    /// <summary>Creates the service.</summary>
    /// <param name="accounts">The account use cases (authorization, loading, posting).</param>
    /// <param name="schemes">The interest schemes.</param>
    /// <param name="output">Where issued invoices go for rendering and dispatch.</param>
    /// <param name="options">Our receivables contact.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public InterestInvoiceService(CustomerAccountService accounts, IInterestSchemeProvider schemes, IDocumentOutput output, DebitorCoreOptions options)
    {
        _accounts = Guard.Against.Null(accounts);
        _schemes = Guard.Against.Null(schemes);
        _output = Guard.Against.Null(output);
        _options = Guard.Against.Null(options);
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
        var scheme = await InterestSchemeRegistry.ForAsync(_schemes, account.Customer, cancellationToken).ConfigureAwait(false);
        return InterestInvoicing.Prepare(account, scheme, _accounts.Today, number, contact: _options.ReceivablesContact);
    }

    /// <summary>Issues the interest invoices dated today: posts their charges, then hands each invoice to the document output.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="number">The document number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invoices issued; empty when nothing was due.</returns>
    /// <exception cref="AuthorizationException">The actor may not post documents.</exception>
    /// <exception cref="ArgumentException">The customer or its interest scheme does not exist, or the number is empty.</exception>
    /// <exception cref="Ledger.CustomerArchivedException">The customer is archived.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing the account.</exception>
    public async Task<IReadOnlyList<InterestInvoice>> IssueAsync(Actor actor, CustomerId customer, string number, CancellationToken cancellationToken = default)
    {
        var invoices = await PreviewAsync(actor, customer, number, cancellationToken).ConfigureAwait(false);
        var entries = invoices.SelectMany(InterestInvoicing.Entries).ToList();
        if (entries.Count > 0)
        {
            await _accounts.PostAllAsync(actor, customer, entries, cancellationToken).ConfigureAwait(false);
        }

        foreach (var invoice in invoices)
        {
            await _output.DeliverAsync(invoice, cancellationToken).ConfigureAwait(false);
        }

        return invoices;
    }
}
