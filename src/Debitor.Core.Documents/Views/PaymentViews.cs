namespace Debitor.Core.Documents.Rendering.Views;

/// <summary>The payment advice and the difference and write-off notifications.</summary>
internal static class PaymentViews
{
    public static DocumentView Advice(LetterFrame f, PaymentAdvice advice)
    {
        var l = f.L;
        var view = f.Build("payment-advice", l.T("advice.title"), advice.Payment.Value, advice.Date, advice.Contact, [new InfoLine(l.T("info.reference"), advice.Payment.Value)]);
        var table = new TableView
        {
            Caption = l.T("advice.table"),
            Columns =
            [
                f.Column("col.document", 3.6), f.Column("col.component", 2), f.Column("col.paid", 2.1, true), f.Column("col.cashDiscount", 1.9, true),
                f.Column("col.writtenOff", 2, true), f.Column("col.remaining", 2.2, true),
            ],
            Rows = [.. advice.Lines.Select(line => new RowView([
                line.Target.Number > 1 ? $"{line.DocumentNumber} · {f.Installment(Ledger.InstallmentKind.Regular, line.Target.Number)}" : line.DocumentNumber,
                l.T("component." + LetterFrame.Key(line.Component.ToString())), l.Money(line.Paid), l.Money(line.CashDiscount), l.Money(line.WrittenOff), l.Money(line.RemainingOpen),
            ]))],
        };
        var totals = new List<InfoLine> { new(l.T("advice.total.amount"), l.Money(advice.Amount), true) };
        if (advice.UnappliedCredit.IsPositive)
        {
            totals.Add(new InfoLine(l.T("advice.total.credit"), l.Money(advice.UnappliedCredit)));
        }

        return view with
        {
            Intro = [l.T("advice.intro", ("amount", l.Money(advice.Amount)), ("valueDate", l.Date(advice.ValueDate)))],
            Tables = [table],
            Totals = totals,
            Closing = [l.T("advice.closing")],
        };
    }

    public static DocumentView Difference(LetterFrame f, DifferenceNotification notice)
    {
        var l = f.L;
        var view = f.Build("difference-notification", l.T("difference.title"), notice.DocumentNumber, notice.Date, notice.Contact, [new InfoLine(l.T("info.documentNumber"), notice.DocumentNumber)]);
        var reference = l.T("payment.referenceText", ("customer", f.CustomerNumber(notice.Customer)), ("document", notice.DocumentNumber));
        return view with
        {
            Intro = [l.T("difference.intro", ("document", notice.DocumentNumber))],
            Totals =
            [
                new InfoLine(l.T("difference.owed"), l.Money(notice.Owed)),
                new InfoLine(l.T("difference.paid"), l.Money(notice.Paid)),
                new InfoLine(l.T("difference.open"), l.Money(notice.RemainingOpen), true),
            ],
            Closing = [l.T("difference.closing", ("open", l.Money(notice.RemainingOpen))), l.T("payment.instruction", ("reference", reference))],
            PaymentReference = reference,
        };
    }

    public static DocumentView WriteOff(LetterFrame f, WriteOffNotification notice)
    {
        var l = f.L;
        var view = f.Build("write-off-notification", l.T("writeOff.title"), notice.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), notice.Date, notice.Contact, []);
        var currency = notice.Lines.Count > 0 ? notice.Lines[0].Amount.Currency : Currency.EUR;
        var total = notice.Lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);
        var table = new TableView
        {
            Caption = l.T("writeOff.table"),
            Columns = [f.Column("col.document", 3.6), f.Column("col.amount", 2.2, true), f.Column("col.reason", 6)],
            Rows = [.. notice.Lines.Select(line => new RowView([
                line.Target.Number > 1 ? $"{line.DocumentNumber} · {f.Installment(Ledger.InstallmentKind.Regular, line.Target.Number)}" : line.DocumentNumber,
                l.Money(line.Amount), line.Reason,
            ]))],
        };
        return view with
        {
            Intro = [l.T("writeOff.intro")],
            Tables = [table],
            Totals = [new InfoLine(l.T("writeOff.total"), l.Money(total), true)],
            Closing = [l.T("writeOff.closing")],
        };
    }
}
