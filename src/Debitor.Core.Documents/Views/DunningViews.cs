using Debitor.Core.Dunning;
using Debitor.Core.Interest;

namespace Debitor.Core.Documents.Rendering.Views;

/// <summary>The dunning letter and the interest invoice: what the customer owes, with the legal interest clause.</summary>
internal static class DunningViews
{
    /// <summary>
    /// The letter of the level's header and footer texts, all from the model (D15.9): every overdue item with its own
    /// level and status in words and its interest per period (rate, period, days), the debtors by name on a payer's
    /// letter, credits, fees by name, totals, the payment deadline as a date, the §288 clause per debtor, and our contact
    /// (<see cref="DunningLetter.Contact"/>) and the recipient's e-mail address. When items at an earlier notice share
    /// the letter with the highest one, intro and footer take their <c>.mixed</c> variant, which speaks only to the
    /// items marked with the letter's level (D11.6).
    /// </summary>
    public static DocumentView Letter(LetterFrame f, DunningLetter letter, ReceivablesContact? contact = null)
    {
        var l = f.L;
        var title = l.T(letter.HeaderTextKey);
        var reference = letter.Recipient.Number;
        var references = new List<InfoLine>
        {
            new(l.T("info.reference"), letter.RunId.ToString()),
            new(l.T("info.letterNumber"), letter.Number?.ToString() ?? letter.Id),   // the sequential number once issued (issue 17), else the letter id
        };
        if (letter.RecipientEmail is { } email)
        {
            references.Add(new InfoLine(l.T("info.recipientEmail"), email.Address));
        }

        var view = f.Build("dunning-letter", title, $"{reference}-{letter.LetterDate:yyyy-MM-dd}", letter.LetterDate, contact ?? letter.Contact, references);
        var levelName = LevelName(l, letter.Level, "dunning.level." + letter.Level.ToString(CultureInfo.InvariantCulture));
        var mixed = letter.Lines.Any(x => x.Level < letter.Level);
        var intro = new List<string> { Variant(l, letter.HeaderTextKey + ".intro", mixed, ("level", levelName)) };
        var debtors = letter.Debtors;
        if (debtors.Count > 1 || (debtors.Count == 1 && debtors[0].Id != letter.RecipientId))
        {
            intro.Add(l.T("dunning.customers", ("names", string.Join(", ", debtors.Select(d => $"{d.Name} ({d.Number})")))));
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
        var closing = InterestClauses(l, letter, debtors);
        closing.Add(Variant(l, letter.FooterTextKey, mixed, ("total", l.Money(letter.TotalDue)), ("deadline", l.Date(letter.PaymentDeadline)), ("level", levelName)));
        var paymentReference = l.T("payment.referenceText", ("customer", letter.Recipient.Number), ("document", letter.LetterDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
        closing.Add(l.T("payment.instruction", ("reference", paymentReference)));
        return view with { Intro = intro, Tables = tables, Totals = totals, Closing = closing, PaymentReference = paymentReference };
    }

    /// <summary>The §288 BGB clause of each debtor charged interest: Abs. 1 for consumers, Abs. 2 for businesses; named per debtor when they differ.</summary>
    private static List<string> InterestClauses(DocumentLanguage l, DunningLetter letter, IReadOnlyList<DunningDebtor> debtors)
    {
        var charged = debtors.Where(d => letter.Lines.Any(x => x.Customer == d.Id && x.Interest.IsPositive)).ToList();
        if (charged.Count == 0)
        {
            return [];
        }

        static string Clause(DocumentLanguage l, bool consumer) => l.T(consumer ? "interest.clause.consumer" : "interest.clause.business");
        if (charged.All(d => d.IsConsumer == charged[0].IsConsumer))
        {
            return [Clause(l, charged[0].IsConsumer)];
        }

        return [.. charged.Select(d => l.T("interest.clause.forDebtor", ("name", d.Name), ("number", d.Number), ("clause", Clause(l, d.IsConsumer))))];
    }

    /// <summary>The text of <paramref name="key"/>, or of its <c>.mixed</c> variant when <paramref name="mixed"/> and the texts have one.</summary>
    private static string Variant(DocumentLanguage l, string key, bool mixed, params ReadOnlySpan<(string Name, string Value)> values) =>
        l.T(mixed && l.Has(key + ".mixed") ? key + ".mixed" : key, values);

    /// <summary>The level in words (<see cref="DunningLine.LevelTextKey"/>); a level the texts do not name reads "Mahnstufe n".</summary>
    private static string LevelName(DocumentLanguage l, int level, string key) =>
        l.Has(key) ? l.T(key) : l.T("dunning.level.other", ("level", l.Number(level)));
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
        var rows = new List<RowView>(lines.Count);
        foreach (var line in lines)
        {
            rows.Add(new RowView([
                f.Document(line.DocumentNumber, line.InstallmentKind, line.Installment.Number, line.Installment.Number > 1),
                l.Date(line.DocumentDate), l.Date(line.DueDate), l.Money(line.Amount), l.Money(line.SettledAmount), l.Money(line.OpenAmount),
                line.Level > 0 ? l.Number(line.Level) : "–", l.Money(line.Interest),
            ]));
            rows.Add(SubRow(LevelText(l, line), string.Empty));
            foreach (var period in line.InterestPeriods)
            {
                rows.Add(SubRow(
                    l.T("dunning.interest.period", ("rate", l.Rate(period.AnnualRatePercent)), ("principal", l.Money(period.Principal)),
                        ("period", l.Period(period.FirstDay, period.LastDay)), ("days", l.Number(period.Days))),
                    l.Money(period.Amount)));
            }
        }

        return new TableView
        {
            Caption = caption,
            Columns =
            [
                f.Column("col.document", 4.9), f.Column("col.documentDate", 1.9), f.Column("col.dueDate", 1.9), f.Column("col.amount", 2.1, true),
                f.Column("col.paid", 2, true), f.Column("col.open", 2.1, true), f.Column("col.level", 1.1, true), f.Column("col.interest", 1.8, true),
            ],
            Rows = rows,
        };
    }

    /// <summary>A row under an item: a description in the document column, and an amount in the interest column.</summary>
    private static RowView SubRow(string description, string amount) =>
        new([description, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, amount]);

    /// <summary>The line's own level and its status in words (<see cref="DunningLine.LevelTextKey"/>, <see cref="DunningLine.StatusTextKey"/>).</summary>
    private static string LevelText(DocumentLanguage l, DunningLine line) => line.Status switch
    {
        DunningLineStatus.Charge or DunningLineStatus.NotYetDue => l.T(line.StatusTextKey),
        _ => l.T("dunning.levelWithStatus", ("level", LevelName(l, line.Level, line.LevelTextKey)), ("status", l.T(line.StatusTextKey))),
    };

    private static string FeeName(LetterFrame f, DunningFeeLine fee, DunningLetter letter)
    {
        var document = fee.Installment is { } target
            ? letter.Lines.FirstOrDefault(x => x.Installment == target)?.DocumentNumber ?? target.Item.Value
            : string.Empty;
        return f.L.T(fee.TextKey, ("level", f.L.Number(fee.Level)), ("document", document));
    }
}
