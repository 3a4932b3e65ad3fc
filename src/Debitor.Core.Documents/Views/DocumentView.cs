namespace Debitor.Core.Documents.Rendering.Views;

/// <summary>
/// A document ready for layout: every customer-facing word already in the document's language, every number, amount
/// and date already formatted in its culture. The HTML templates and the PDF layout read this and nothing else, so both
/// formats say exactly the same.
/// </summary>
internal sealed record DocumentView
{
    public required string Kind { get; init; }

    public required string Language { get; init; }

    public required string Title { get; init; }

    public required string FileStem { get; init; }

    public required CompanyView Company { get; init; }

    public required string ReturnAddress { get; init; }

    public required IReadOnlyList<string> Recipient { get; init; }

    public required IReadOnlyList<InfoLine> Info { get; init; }

    public string Salutation { get; init; } = string.Empty;

    public IReadOnlyList<string> Intro { get; init; } = [];

    public IReadOnlyList<TableView> Tables { get; init; } = [];

    public IReadOnlyList<InfoLine> Totals { get; init; } = [];

    public IReadOnlyList<string> Closing { get; init; } = [];

    public IReadOnlyList<InfoLine> Fields { get; init; } = [];

    public string Greeting { get; init; } = string.Empty;

    public string Signature { get; init; } = string.Empty;

    public string PaymentReference { get; init; } = string.Empty;

    public required IReadOnlyList<FooterColumn> Footer { get; init; }

    public required string PageLabel { get; init; }
}

/// <summary>The sender as printed in the letterhead.</summary>
internal sealed class CompanyView
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Address { get; init; }
}

/// <summary>A label and its value (information block, totals, form fields).</summary>
internal sealed class InfoLine
{
    public InfoLine(string label, string value, bool strong = false)
    {
        Label = label;
        Value = value;
        Strong = strong;
    }

    public string Label { get; }

    public string Value { get; }

    public bool Strong { get; }
}

/// <summary>A table: caption, columns and rows of formatted cells.</summary>
internal sealed class TableView
{
    public required string Caption { get; init; }

    public required IReadOnlyList<ColumnView> Columns { get; init; }

    public required IReadOnlyList<RowView> Rows { get; init; }
}

/// <summary>A column: its heading, its relative width and whether it holds numbers (right-aligned).</summary>
internal sealed class ColumnView
{
    public ColumnView(string label, double width, bool numeric = false)
    {
        Label = label;
        Width = width;
        Numeric = numeric;
    }

    public string Label { get; }

    public double Width { get; }

    public bool Numeric { get; }

    public string Align => Numeric ? "right" : "left";
}

/// <summary>A row of formatted cells; a strong row is a subtotal or total.</summary>
internal sealed class RowView
{
    public RowView(IReadOnlyList<string> cells, bool strong = false)
    {
        Cells = cells;
        Strong = strong;
    }

    public IReadOnlyList<string> Cells { get; }

    public bool Strong { get; }
}

/// <summary>A column of the letter's footer (address, register, bank).</summary>
internal sealed class FooterColumn
{
    public FooterColumn(IReadOnlyList<string> lines) => Lines = lines;

    public IReadOnlyList<string> Lines { get; }
}
