using Debitor.Cli.Portfolio;
using Debitor.Core.Banking;
using Debitor.Core.Customers;
using Debitor.Core.Documents;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Dunning;

namespace Debitor.Cli.Output;

/// <summary>Writes letters as PDF files with the documents package, addressed from each recipient's master data.</summary>
internal static class PdfLetters
{
    public static async Task<int> WriteAsync(PortfolioDocument portfolio, PortfolioHost host, IReadOnlyList<DunningLetter> letters, string directory, string culture, CancellationToken cancellationToken)
    {
        var details = portfolio.CompanyDetails
            ?? throw new UsageException("--pdf needs the company's address and bank account: add \"companyDetails\" to the portfolio (docs/cli.md).");
        var name = portfolio.CompanyName ?? portfolio.Company;
        var company = new CompanyProfile(name, new PostalAddress(AddressKind.Main, name, details.Street, details.PostalCode, details.City, details.Country), Iban.Parse(details.Iban))
        {
            Bic = details.Bic is { } bic ? Bic.Parse(bic) : null,
            BankName = details.BankName,
            RegisterCourt = details.RegisterCourt,
            RegisterNumber = details.RegisterNumber,
            ManagingDirectors = details.ManagingDirectors,
            VatId = details.VatId is { } vat ? VatId.Parse(vat) : null,
            Phone = details.Phone,
            Email = details.Email,
        };
        var contact = new ReceivablesContact(details.ReceivablesContact ?? name, details.Phone, details.Email);
        var renderer = new DocumentRenderer(new DocumentRendererOptions { Company = company });
        Directory.CreateDirectory(directory);
        foreach (var letter in letters)
        {
            var account = await host.Accounts.GetAccountAsync(host.Actor, letter.RecipientId, cancellationToken);
            var recipient = LetterRecipient.For(letter.Recipient, account.MasterData, details.Country) with { Culture = culture };
            var pdf = renderer.Render(letter, recipient, contact, DocumentFormat.Pdf);
            await File.WriteAllBytesAsync(Path.Combine(directory, pdf.FileName.Replace(".pdf", $"-{letter.RecipientId}-{letter.Currency}.pdf", StringComparison.Ordinal)), pdf.Content.ToArray(), cancellationToken);
        }

        return letters.Count;
    }
}
