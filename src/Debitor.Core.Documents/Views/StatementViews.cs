using Debitor.Core.Statements;

namespace Debitor.Core.Documents.Rendering.Views;

/// <summary>The open-items statement and the full statement of account.</summary>
internal static class StatementViews
{
    public static DocumentView OpenItems(LetterFrame f, OpenItemsStatement statement)
    {
        var l = f.L;
        var view = f.Build("open-items-statement", l.T("openItems.title"), statement.CustomerNumber + "-" + statement.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), statement.Date, statement.Contact, []);
        var table = new TableView
        {
            Caption = l.T("openItems.table", ("date", l.Date(statement.Date))),
            Columns =
            [
                f.Column("col.document", 3.6), f.Column("col.kind", 2), f.Column("col.documentDate", 1.9), f.Column("col.dueDate", 1.9),
                f.Column("col.daysOverdue", 1.4, true), f.Column("col.amount", 2.2, true), f.Column("col.open", 2.2, true), f.Column("col.interest", 1.8, true),
            ],
            Rows = [.. statement.Lines.Select(line => new RowView([
                line.DocumentNumber, f.ItemKind(line.Kind), l.Date(line.DocumentDate), line.DueDate is { } due ? l.Date(due) : "–",
                line.DaysOverdue > 0 ? l.Number(line.DaysOverdue) : "–", l.Money(line.OriginalAmount), l.Money(line.OpenAmount), l.Money(line.Interest),
            ]))],
        };
        var totals = new List<InfoLine>();
        foreach (var total in statement.Totals)
        {
            totals.Add(new InfoLine(l.T("openItems.total.openClaims"), l.Money(total.OpenClaims)));
            if (!total.UnappliedCredits.IsZero)
            {
                totals.Add(new InfoLine(l.T("openItems.total.credits"), l.Money(-total.UnappliedCredits)));
            }

            totals.Add(new InfoLine(l.T("openItems.total.balance"), l.Money(total.Balance), true));
            totals.Add(new InfoLine(l.T("openItems.total.overdue"), l.Money(total.Overdue)));
            if (!total.Interest.IsZero || !total.InterestOnSettledItems.IsZero)
            {
                totals.Add(new InfoLine(l.T("openItems.total.interest"), l.Money(total.Interest)));
                totals.Add(new InfoLine(l.T("openItems.total.interestOnSettled"), l.Money(total.InterestOnSettledItems)));
                totals.Add(new InfoLine(l.T("openItems.total.withInterest"), l.Money(total.BalanceIncludingInterest), true));
            }
        }

        return view with { Intro = [l.T("openItems.intro", ("date", l.Date(statement.Date)))], Tables = [table], Totals = totals, Closing = [l.T("statement.closing")] };
    }

    public static DocumentView Account(LetterFrame f, AccountStatement statement)
    {
        var l = f.L;
        var view = f.Build("account-statement", l.T("account.title"), statement.CustomerNumber + "-" + statement.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), statement.Date, statement.Contact, []);
        var tables = new List<TableView>();
        var totals = new List<InfoLine>();
        foreach (var section in statement.Sections)
        {
            var rows = new List<RowView> { new([l.Date(statement.Period.Start), l.T("account.opening"), string.Empty, string.Empty, string.Empty, l.Money(section.OpeningBalance)], true) };
            rows.AddRange(section.Lines.Select(line => new RowView([
                l.Date(line.Date), l.T("movement." + LetterFrame.Key(line.Kind.ToString())), line.DocumentNumber,
                line.IsDebit ? l.Money(line.Amount) : string.Empty, line.IsDebit ? string.Empty : l.Money(-line.Amount), l.Money(line.Balance),
            ])));
            rows.Add(new RowView([string.Empty, l.T("account.sum"), string.Empty, l.Money(section.TotalDebits), l.Money(section.TotalCredits.Abs()), string.Empty], true));
            rows.Add(new RowView([l.Date(statement.Date), l.T("account.closing"), string.Empty, string.Empty, string.Empty, l.Money(section.ClosingBalance)], true));
            tables.Add(new TableView
            {
                Caption = l.T("account.table", ("currency", section.Currency.Code)),
                Columns =
                [
                    f.Column("col.date", 1.9), f.Column("col.kind", 3), f.Column("col.document", 3.6),
                    f.Column("col.debit", 2.2, true), f.Column("col.credit", 2.2, true), f.Column("col.balance", 2.4, true),
                ],
                Rows = rows,
            });
            totals.Add(new InfoLine(l.T("account.total.opening", ("currency", section.Currency.Code)), l.Money(section.OpeningBalance)));
            totals.Add(new InfoLine(l.T("account.total.closing", ("currency", section.Currency.Code)), l.Money(section.ClosingBalance), true));
        }

        var period = l.Period(statement.Period.Start, statement.Period.End);
        return view with { Intro = [l.T("account.intro", ("period", period))], Tables = tables, Totals = totals, Closing = [l.T("statement.closing")] };
    }
}
