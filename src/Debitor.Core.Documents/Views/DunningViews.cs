using Debitor.Core.Dunning;
using Debitor.Core.Interest;

namespace Debitor.Core.Documents.Rendering.Views;

/// <summary>The dunning letter and the interest invoice: what the customer owes, with the legal interest clause.</summary>
internal static class DunningViews
{
    /// <summary>
    /// The letter of the level's header and footer texts: every overdue item with its own level, the credits, the fees
    /// by name, the totals and the payment deadline as a date. The mapping reads the current <see cref="DunningLetter"/>
    /// only through its public members, so a richer model needs changes here and nowhere else.
    /// </summary>
    public static DocumentView Letter(LetterFrame f, DunningLetter letter, ReceivablesContact contact, bool consumer)
    {
        var l = f.L;
        var title = l.T(letter.HeaderTextKey);
        var reference = letter.Recipient.Number;
        var view = f.Build("dunning-letter", title, $"{reference}-{letter.LetterDate:yyyy-MM-dd}", letter.LetterDate, contact, [
            new InfoLine(l.T("info.reference"), letter.RunId.ToString()),
            new InfoLine(l.T("info.letterNumber"), letter.Id),
        ]);
        var intro = new List<string> { l.T(letter.HeaderTextKey + ".intro") };
        if (letter.Customers.Count > 1 || (letter.Customers.Count == 1 && letter.Customers[0] != letter.RecipientId))
        {
            var names = letter.Lines.Select(x => $"{x.CustomerName} ({x.Customer})").Distinct(StringComparer.Ordinal);
            intro.Add(l.T("dunning.customers", ("names", string.Join(", ", names))));
        }

        var tables = new List<TableView> { Items(f, l.T("dunning.table.overdue"), letter.Lines) };
        if (letter.Credits.Count > 0)
        {
            tables.Add(new TableView
            {
                Caption = l.T("dunning.table.credits"),
                Columns = [f.Column("col.document", 3), f.Column("col.kind", 2), f.Column("col.documentDate", 2), f.Column("col.open", 2, true)],
                Rows = [.. letter.Credits.Select(c => new RowView([c.DocumentNumber, f.ItemKind(c.Kind), l.Date(c.Date), l.Money(-c.OpenAmount)]))],
            });
        }

        if (letter.Fees.Count > 0)
        {
            tables.Add(new TableView
            {
                Caption = l.T("dunning.table.fees"),
                Columns = [f.Column("col.description", 7), f.Column("col.amount", 2, true)],
                Rows = [.. letter.Fees.Select(fee => new RowView([FeeName(f, fee, letter), l.Money(fee.Amount)]))],
            });
        }

        if (letter.ItemsNotYetDue.Count > 0)
        {
            tables.Add(Items(f, l.T("dunning.table.notYetDue"), letter.ItemsNotYetDue));
        }

        var totals = new List<InfoLine> { new(l.T("dunning.total.overdue"), l.Money(letter.OverdueTotal)) };
        if (letter.CreditTotal.IsPositive)
        {
            totals.Add(new InfoLine(l.T("dunning.total.credits"), l.Money(-letter.CreditTotal)));
        }

        if (letter.FeeTotal.IsPositive)
        {
            totals.Add(new InfoLine(l.T("dunning.total.fees"), l.Money(letter.FeeTotal)));
        }

        if (letter.InterestTotal.IsPositive)
        {
            totals.Add(new InfoLine(l.T("dunning.total.interest"), l.Money(letter.InterestTotal)));
        }

        totals.Add(new InfoLine(l.T("dunning.total.due"), l.Money(letter.TotalDue), true));
        totals.Add(new InfoLine(l.T("dunning.total.deadline"), l.Date(letter.PaymentDeadline), true));
        var closing = new List<string>();
        if (letter.InterestTotal.IsPositive)
        {
            closing.Add(l.T(consumer ? "interest.clause.consumer" : "interest.clause.business"));
        }

        closing.Add(l.T(letter.FooterTextKey, ("total", l.Money(letter.TotalDue)), ("deadline", l.Date(letter.PaymentDeadline))));
        var paymentReference = l.T("payment.referenceText", ("customer", letter.Recipient.Number), ("document", letter.LetterDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
        closing.Add(l.T("payment.instruction", ("reference", paymentReference)));
        return view with { Intro = intro, Tables = tables, Totals = totals, Closing = closing, PaymentReference = paymentReference };
    }

    public static DocumentView InterestInvoice(LetterFrame f, InterestInvoice invoice, bool consumer)
    {
        var l = f.L;
        var view = f.Build("interest-invoice", l.T("interestInvoice.title"), invoice.Number, invoice.Date, invoice.Contact, [
            new InfoLine(l.T("info.documentNumber"), invoice.Number),
        ]);
        var table = new TableView
        {
            Caption = l.T("interestInvoice.table"),
            Columns =
            [
                f.Column("col.document", 3), f.Column("col.period", 4), f.Column("col.days", 1.2, true), f.Column("col.rate", 1.6, true),
                f.Column("col.principal", 2.4, true), f.Column("col.interest", 2.2, true),
            ],
            Rows = [.. invoice.Lines.Select(line => new RowView([
                line.DocumentNumber, l.Period(line.Period.FirstDay, line.Period.LastDay), l.Number(line.Period.Days),
                l.Rate(line.Period.AnnualRatePercent), l.Money(line.Period.Principal), l.Money(line.Period.Amount),
            ]))],
        };
        var business = !consumer || invoice.RecoveryCompensationTotal.IsPositive;
        var totals = new List<InfoLine> { new(l.T("interestInvoice.total.interest"), l.Money(invoice.InterestTotal)) };
        var closing = new List<string> { l.T(business ? "interest.clause.business" : "interest.clause.consumer") };
        if (invoice.RecoveryCompensationTotal.IsPositive)
        {
            totals.Add(new InfoLine(l.T("interestInvoice.total.flatFee"), l.Money(invoice.RecoveryCompensationTotal)));
            closing.Add(l.T("interest.clause.flatFee", ("amount", l.Money(invoice.RecoveryCompensationTotal))));
        }

        totals.Add(new InfoLine(l.T("interestInvoice.total.due"), l.Money(invoice.Total), true));
        totals.Add(new InfoLine(l.T("dunning.total.deadline"), l.Date(invoice.PaymentDueDate), true));
        var reference = l.T("payment.referenceText", ("customer", f.CustomerNumber(invoice.Customer)), ("document", invoice.Number));
        closing.Add(l.T("interestInvoice.closing", ("total", l.Money(invoice.Total)), ("deadline", l.Date(invoice.PaymentDueDate))));
        closing.Add(l.T("payment.instruction", ("reference", reference)));
        return view with { Intro = [l.T("interestInvoice.intro")], Tables = [table], Totals = totals, Closing = closing, PaymentReference = reference };
    }

    private static TableView Items(LetterFrame f, string caption, IReadOnlyList<DunningLine> lines)
    {
        var l = f.L;
        return new TableView
        {
            Caption = caption,
            Columns =
            [
                f.Column("col.document", 4), f.Column("col.documentDate", 1.9), f.Column("col.dueDate", 1.9), f.Column("col.amount", 2.2, true),
                f.Column("col.paid", 2.1, true), f.Column("col.open", 2.2, true), f.Column("col.level", 1.1, true), f.Column("col.interest", 1.8, true),
            ],
            Rows = [.. lines.Select(line => new RowView([
                f.Document(line.DocumentNumber, line.InstallmentKind, line.Installment.Number, line.Installment.Number > 1),
                l.Date(line.DocumentDate), l.Date(line.DueDate), l.Money(line.Amount), l.Money(line.SettledAmount), l.Money(line.OpenAmount),
                LevelText(f, line), l.Money(line.Interest),
            ]))],
        };
    }

    private static string LevelText(LetterFrame f, DunningLine line) => line.Status switch
    {
        DunningLineStatus.Charge or DunningLineStatus.NotYetDue => f.L.T("status." + LetterFrame.Key(line.Status.ToString())),
        _ => line.Level > 0 ? f.L.Number(line.Level) : "–",
    };

    private static string FeeName(LetterFrame f, DunningFeeLine fee, DunningLetter letter)
    {
        var document = fee.Installment is { } target
            ? letter.Lines.FirstOrDefault(x => x.Installment == target)?.DocumentNumber ?? target.Item.Value
            : string.Empty;
        return f.L.T("fee." + LetterFrame.Key(fee.Kind.ToString()), ("level", f.L.Number(fee.Level)), ("document", document));
    }
}
