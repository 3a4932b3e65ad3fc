using System.Globalization;
using Debitor.Cli.Storage;
using Debitor.Core;
using Debitor.Core.Banking;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Dunning;

namespace Debitor.Cli.Output;

/// <summary>
/// Writes documents as files with the documents package (its renderers and its German and English texts): PDF always,
/// HTML too when asked. Letters are addressed from each recipient's master data; the letterhead, footer and bank
/// account come from the company's settings.
/// </summary>
internal sealed class DocumentFiles
{
    private readonly CliHost _host;
    private readonly DocumentRenderer _renderer;
    private readonly string _culture;
    private readonly bool _html;
    private readonly string _country;

    public DocumentFiles(CliHost host, string directory, string culture, bool html)
    {
        _host = host;
        var settings = host.Settings;
        var details = settings.CompanyDetails
            ?? throw new FormatException($"The company {settings.Company} has no address and bank account for documents: create the database with 'debitor init' and --street, --postal-code, --city and --iban, or import a portfolio with companyDetails (docs/cli.md).");
        var name = settings.CompanyName ?? settings.Company;
        var company = new CompanyProfile(name, new PostalAddress(AddressKind.Main, name, details.Street, details.PostalCode, details.City, details.Country), Iban.Parse(details.Iban, CultureInfo.InvariantCulture))
        {
            Bic = details.Bic is { } bic ? Bic.Parse(bic, CultureInfo.InvariantCulture) : null,
            BankName = details.BankName,
            RegisterCourt = details.RegisterCourt,
            RegisterNumber = details.RegisterNumber,
            ManagingDirectors = details.ManagingDirectors,
            VatId = details.VatId is { } vat ? VatId.Parse(vat, CultureInfo.InvariantCulture) : null,
            Phone = details.Phone,
            Email = details.Email,
        };
        Contact = new ReceivablesContact(details.ReceivablesContact ?? name, details.Phone, details.Email);
        _renderer = new DocumentRenderer(new DocumentRendererOptions { Company = company });
        _country = details.Country;
        Directory = System.IO.Path.GetFullPath(directory);
        _culture = culture;
        _html = html;
    }

    public string Directory { get; }

    public ReceivablesContact Contact { get; }

    /// <summary>The files written, in the order they were finished (letters are written on several threads).</summary>
    public List<string> Written { get; } = [];

    private readonly Lock _written = new();
    private volatile bool _directoryMade;

    public async Task LetterAsync(DunningLetter letter, CancellationToken cancellationToken)
    {
        // A letter carries its recipient and address as they stood in the run (D12.16): no account is loaded again (D16.64).
        var recipient = LetterRecipient.For(letter.Recipient, letter.RecipientAddress, _country) with { Culture = _culture };
        var suffix = $"-{letter.RecipientId}-{letter.Currency}";
        if (_html)
        {
            await WriteAsync(f => _renderer.Render(letter, recipient, Contact, f), suffix, cancellationToken);
            return;
        }

        // PDF only: the file is written from the renderer's buffer, not from a copy of the letter's bytes (D16.243).
        cancellationToken.ThrowIfCancellationRequested();
        MakeDirectory();
        _renderer.WritePdf(letter, recipient, Contact, (fileName, content) => Store(fileName, suffix, content));
    }

    public async Task DocumentAsync(CustomerId customer, Func<DocumentRenderer, LetterRecipient, DocumentFormat, RenderedDocument> render, string suffix, CancellationToken cancellationToken)
    {
        var recipient = await RecipientAsync(customer, cancellationToken);
        await WriteAsync(f => render(_renderer, recipient, f), suffix, cancellationToken);
    }

    private async Task<LetterRecipient> RecipientAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        var account = await _host.Accounts.GetAccountAsync(_host.Actor, customer, cancellationToken);
        return LetterRecipient.For(account.Customer, account.MasterData, _country) with { Culture = _culture };
    }

    private Task WriteAsync(Func<DocumentFormat, RenderedDocument> render, string suffix, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        MakeDirectory();
        foreach (var format in _html ? new[] { DocumentFormat.Pdf, DocumentFormat.Html } : [DocumentFormat.Pdf])
        {
            var document = render(format);
            Store(document.FileName, suffix, document.Content.Span);
        }

        return Task.CompletedTask;
    }

    private void MakeDirectory()
    {
        if (!_directoryMade)
        {
            System.IO.Directory.CreateDirectory(Directory);
            _directoryMade = true;
        }
    }

    /// <summary>Writes a document's file, named as the renderer names it with <paramref name="suffix"/> before its extension.</summary>
    private void Store(string fileName, string suffix, ReadOnlySpan<byte> content)
    {
        var extension = System.IO.Path.GetExtension(fileName);
        var name = System.IO.Path.GetFileNameWithoutExtension(fileName) + suffix + extension;
        var path = System.IO.Path.Combine(Directory, name);
        // Written synchronously on the caller's thread: letters are already written one per core (D16.90), and an
        // asynchronous write on Linux only hands the same blocking call to another pool thread (D16.120). A new file
        // is created without truncating it (D16.236).
        NewFile.Write(path, content);
        lock (_written)
        {
            Written.Add(path);
        }
    }
}
