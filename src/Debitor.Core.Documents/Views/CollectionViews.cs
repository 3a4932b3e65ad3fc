using Debitor.Core.Agreements;
using Debitor.Core.Collections;
using Debitor.Core.Customers;

namespace Debitor.Core.Documents.Rendering.Views;

/// <summary>The payment agreement, the hand-over summary and the SEPA mandate form.</summary>
internal static class CollectionViews
{
    public static DocumentView Agreement(LetterFrame f, PaymentAgreementDocument agreement, LocalDate date, ReceivablesContact contact)
    {
        var l = f.L;
        var view = f.Build("payment-agreement", l.T("agreement.title"), agreement.Agreement.Value, date, contact, [new InfoLine(l.T("info.reference"), agreement.Agreement.Value)]);
        var items = new TableView
        {
            Caption = l.T("agreement.items"),
            Columns = [f.Column("col.document", 5), f.Column("col.dueDate", 2.5), f.Column("col.open", 2.5, true)],
            Rows = [.. agreement.Items.Select(i => new RowView([i.DocumentNumber, i.DueDate is { } due ? l.Date(due) : "–", l.Money(i.OpenAmount)]))],
        };
        var schedule = new TableView
        {
            Caption = l.T("agreement.schedule"),
            Columns = [f.Column("col.installment", 5), f.Column("col.dueDate", 2.5), f.Column("col.amount", 2.5, true)],
            Rows = [.. agreement.Schedule.Select(i => new RowView([l.T("agreement.installment", ("number", l.Number(i.Number))), l.Date(i.Date), l.Money(i.Amount)]))],
        };
        var reference = l.T("payment.referenceText", ("customer", agreement.Customer.Number), ("document", agreement.Agreement.Value));
        return view with
        {
            Intro = [l.T("agreement.intro", ("count", l.Number(agreement.Schedule.Count)))],
            Tables = [items, schedule],
            Totals = [new InfoLine(l.T("agreement.total"), l.Money(agreement.Total), true)],
            Closing = [l.T("agreement.terms"), l.T("payment.instruction", ("reference", reference)), l.T("agreement.confirm")],
            Fields = [new InfoLine(l.T("form.placeDate"), string.Empty), new InfoLine(l.T("form.signatureDebtor"), string.Empty)],
            PaymentReference = reference,
        };
    }

    public static DocumentView HandOver(LetterFrame f, HandOverDocument handOver, ReceivablesContact contact)
    {
        var l = f.L;
        var to = LetterFrame.Key(handOver.To.ToString());
        var view = f.Build("hand-over", l.T("handOver.title." + to), handOver.Case.Value, handOver.Date, contact, [
            new InfoLine(l.T("info.reference"), handOver.Case.Value),
        ]);
        var table = new TableView
        {
            Caption = l.T("handOver.table"),
            Columns =
            [
                f.Column("col.document", 3.6), f.Column("col.dueDate", 2), f.Column("col.principal", 2.4, true), f.Column("col.interest", 2.2, true),
                f.Column("col.costs", 2.2, true), f.Column("col.total", 2.4, true),
            ],
            Rows = [.. handOver.Claims.Select(c => new RowView([
                c.DocumentNumber, c.DueDate is { } due ? l.Date(due) : "–", l.Money(c.Principal), l.Money(c.Interest), l.Money(c.Costs), l.Money(c.Total),
            ]))],
        };
        return view with
        {
            Intro =
            [
                l.T("handOver.intro", ("debtor", handOver.Customer.Name), ("number", handOver.Customer.Number)),
                l.T(handOver.Customer.IsConsumer ? "handOver.debtor.consumer" : "handOver.debtor.business"),
            ],
            Tables = [table],
            Totals = [new InfoLine(l.T("handOver.total"), l.Money(handOver.Total), true)],
            Closing = [l.T("handOver.documents", ("documents", string.Join(", ", handOver.Documents))), l.T("handOver.closing")],
        };
    }

    public static DocumentView Mandate(LetterFrame f, SepaMandateForm form, LocalDate date, ReceivablesContact contact)
    {
        var l = f.L;
        var scheme = LetterFrame.Key(form.Scheme.ToString());
        var view = f.Build("sepa-mandate", l.T("mandate.title." + scheme), form.MandateReference, date, contact, [
            new InfoLine(l.T("mandate.reference"), form.MandateReference),
        ]);
        var address = form.DebtorAddress is { } a ? $"{a.Street}, {a.PostalCode} {a.City}" : string.Empty;
        return view with
        {
            Intro = [l.T("mandate.intro")],
            Fields =
            [
                new InfoLine(l.T("mandate.creditor"), form.CreditorName),
                new InfoLine(l.T("mandate.creditorId"), form.CreditorId.ToString()),
                new InfoLine(l.T("mandate.reference"), form.MandateReference),
                new InfoLine(l.T("mandate.debtor"), form.DebtorName),
                new InfoLine(l.T("mandate.address"), address),
                new InfoLine("IBAN", form.Iban?.ToPrintString() ?? string.Empty),
                new InfoLine("BIC", form.Bic?.ToString() ?? string.Empty),
                new InfoLine(l.T("mandate.payment"), l.T("mandate.recurring")),
                new InfoLine(l.T("form.placeDate"), string.Empty),
                new InfoLine(l.T("form.signatureAccountHolder"), string.Empty),
            ],
            Closing = [l.T("mandate.text." + scheme, ("creditor", form.CreditorName)), l.T("mandate.note." + scheme)],
        };
    }
}
