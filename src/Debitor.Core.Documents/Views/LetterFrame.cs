namespace Debitor.Core.Documents.Rendering.Views;

/// <summary>
/// What every letter shares: letterhead, return address line, recipient, information block with our receivables
/// contact, salutation and greeting, footer with the legal details and the bank account. One place, every kind.
/// </summary>
internal sealed class LetterFrame(CompanyProfile company, DocumentLanguage language, LetterRecipient recipient)
{
    public DocumentLanguage L { get; } = language;

    public DocumentView Build(
        string kind,
        string title,
        string fileReference,
        LocalDate date,
        ReceivablesContact? contact,
        IEnumerable<InfoLine> references)
    {
        var info = new List<InfoLine>();
        if (contact is not null)
        {
            info.Add(new InfoLine(L.T("info.contact"), contact.Name));
            if (contact.Phone is { } phone)
            {
                info.Add(new InfoLine(L.T("info.phone"), phone));
            }

            if (contact.Email is { } email)
            {
                info.Add(new InfoLine(L.T("info.email"), email));
            }
        }

        if (recipient.CustomerNumber is { } number)
        {
            info.Add(new InfoLine(L.T("info.customerNumber"), number));
        }

        info.AddRange(references);
        info.Add(new InfoLine(L.T("info.date"), L.Date(date)));
        return new DocumentView
        {
            Kind = kind,
            Language = L.Name,
            Title = title,
            FileStem = FileStem(title, fileReference),
            Company = new CompanyView { Name = company.Name, Address = [company.Address.Street, $"{company.Address.PostalCode} {company.Address.City}"] },
            ReturnAddress = $"{company.Name} · {company.Address.Street} · {company.Address.PostalCode} {company.Address.City}",
            Recipient = [recipient.Name, .. recipient.AddressLines],
            Info = info,
            Salutation = L.T("letter.salutation"),
            Greeting = L.T("letter.greeting"),
            Signature = contact?.Name ?? company.Name,
            Footer = Footer(),
            PageLabel = L.T("letter.page"),
        };
    }

    /// <summary>The customer number printed in payment references: the recipient's, else the given id.</summary>
    public string CustomerNumber(CustomerId fallback) => recipient.CustomerNumber ?? fallback.Value;

    public ColumnView Column(string key, double width, bool numeric = false) => new(L.T(key), width, numeric);

    public string ItemKind(Ledger.ItemKind kind) => L.T("item." + Key(kind.ToString()));

    public string Installment(Ledger.InstallmentKind kind, int number) =>
        L.T("installment." + Key(kind.ToString()), ("number", L.Number(number)));

    public string Document(string documentNumber, Ledger.InstallmentKind kind, int number, bool split) =>
        split || kind != Ledger.InstallmentKind.Regular ? $"{documentNumber} · {Installment(kind, number)}" : documentNumber;

    /// <summary>An enum member's text key segment: its name in camel case (<c>WriteOff</c> → <c>writeOff</c>).</summary>
    public static string Key(string name) => string.Create(name.Length, name, static (span, n) =>
    {
        n.AsSpan().CopyTo(span);
        span[0] = char.ToLowerInvariant(span[0]);
    });

    private List<FooterColumn> Footer()
    {
        var address = new List<string> { company.Name, company.Address.Street, $"{company.Address.PostalCode} {company.Address.City}" };
        Add(address, company.Phone, "footer.phone");
        Add(address, company.Email, null);
        Add(address, company.Website, null);
        var legal = new List<string>();
        Add(legal, company.RegisterCourt, "footer.registerCourt");
        Add(legal, company.RegisterNumber, null);
        Add(legal, company.ManagingDirectors, "footer.managingDirectors");
        Add(legal, company.VatId?.ToString(), "footer.vatId");
        Add(legal, company.TaxNumber, "footer.taxNumber");
        var bank = new List<string> { L.T("footer.bank") };
        Add(bank, company.BankName, null);
        bank.Add("IBAN " + company.Iban.ToPrintString());
        Add(bank, company.Bic?.ToString(), "footer.bic");
        return [new FooterColumn(address), new FooterColumn(legal), new FooterColumn(bank)];
    }

    private void Add(List<string> lines, string? value, string? labelKey)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add(labelKey is null ? value : $"{L.T(labelKey)} {value}");
        }
    }

    private static string FileStem(string title, string reference)
    {
        var text = $"{title}-{reference}";
        var invalid = Path.GetInvalidFileNameChars();
        return string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                var c = t[i];
                span[i] = c is ' ' or '/' or '\\' or ':' || Array.IndexOf(invalid, c) >= 0 ? '-' : c;
            }
        });
    }
}
