namespace Debitor.Cli.Portfolio;

/// <summary>A portfolio as read from JSON (format: docs/cli.md). Dates are ISO strings (yyyy-MM-dd), amounts decimal numbers.</summary>
internal sealed record PortfolioDocument
{
    public string Company { get; init; } = "";

    public string? CompanyName { get; init; }

    /// <summary>Letterhead, legal details and bank account, needed for PDF letters (<c>--pdf</c>).</summary>
    public CompanyDetailsDocument? CompanyDetails { get; init; }

    public string? AsOf { get; init; }

    public int[]? CompanyDays { get; init; }

    public List<BranchDocument> Branches { get; init; } = [];

    public SimulationDocument? SimulateRuns { get; init; }

    public List<CustomerDocument> Customers { get; init; } = [];
}

internal sealed record CompanyDetailsDocument
{
    public string Street { get; init; } = "";

    public string PostalCode { get; init; } = "";

    public string City { get; init; } = "";

    public string Country { get; init; } = "DE";

    public string Iban { get; init; } = "";

    public string? Bic { get; init; }

    public string? BankName { get; init; }

    public string? RegisterCourt { get; init; }

    public string? RegisterNumber { get; init; }

    public string? ManagingDirectors { get; init; }

    public string? VatId { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>Our receivables contact printed in the information block (R3.5); the company name when missing.</summary>
    public string? ReceivablesContact { get; init; }
}

internal sealed record BranchDocument
{
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public int[]? Days { get; init; }
}

/// <summary>Dunning runs processed before the as-of date, so the portfolio arrives with a dunning history.</summary>
internal sealed record SimulationDocument
{
    public string From { get; init; } = "";

    public int EveryDays { get; init; } = 7;

    public bool PostFees { get; init; }
}

internal sealed record CustomerDocument
{
    public string Id { get; init; } = "";

    public string? Number { get; init; }

    public string Name { get; init; } = "";

    public string? Branch { get; init; }

    public string? Channel { get; init; }

    public bool Automatic { get; init; } = true;

    public bool Problematic { get; init; }

    public bool DunningBlocked { get; init; }

    public bool Archived { get; init; }

    public string? Scheme { get; init; }

    public string? InterestScheme { get; init; }

    /// <summary>Whether the customer is a consumer (§13 BGB): default interest at base rate + 5 points (§288(1) BGB) instead of + 9.</summary>
    public bool IsConsumer { get; init; }

    public Dictionary<string, int>? DunningDays { get; init; }

    public CreditLimitDocument? CreditLimit { get; init; }

    public string? Payer { get; init; }

    public bool LettersToPayer { get; init; }

    public AttachmentsDocument? Attachments { get; init; }

    public List<EventDocument> Documents { get; init; } = [];
}

internal sealed record CreditLimitDocument
{
    public decimal Amount { get; init; }

    public string Currency { get; init; } = "EUR";

    public string? ValidFrom { get; init; }

    public string? ValidUntil { get; init; }
}

internal sealed record AttachmentsDocument
{
    public bool Letter { get; init; } = true;

    public bool FullStatement { get; init; }

    public bool OpenItemsStatement { get; init; }
}

/// <summary>One dated event of a customer: invoice, creditNote, payment, pause, dueDateChange or notice.</summary>
internal sealed record EventDocument
{
    public string Type { get; init; } = "";

    public string? Id { get; init; }

    public string? Number { get; init; }

    public string? Date { get; init; }

    public string? Due { get; init; }

    public decimal Amount { get; init; }

    public string? Currency { get; init; }

    public List<InstallmentDocument>? Installments { get; init; }

    public List<ApplicationDocument>? Apply { get; init; }

    public string? Invoice { get; init; }

    public string? Reason { get; init; }

    public string? Until { get; init; }

    public string? NewDue { get; init; }

    /// <summary>For a due-date change: the number of the installment moved (1-based); needed when the invoice has several.</summary>
    public int? Installment { get; init; }

    /// <summary>For a due-date change: move every installment of the invoice (asked for explicitly).</summary>
    public bool WholeInvoice { get; init; }

    public string? Note { get; init; }

    public string? Letter { get; init; }

    public List<NoticeDocument>? Notices { get; init; }
}

internal sealed record InstallmentDocument
{
    public decimal Amount { get; init; }

    public string? Due { get; init; }

    public string? Kind { get; init; }
}

internal sealed record ApplicationDocument
{
    public string Invoice { get; init; } = "";

    public int Installment { get; init; } = 1;

    public decimal Amount { get; init; }
}

internal sealed record NoticeDocument
{
    public string Invoice { get; init; } = "";

    public int Installment { get; init; } = 1;

    public int Level { get; init; }
}
