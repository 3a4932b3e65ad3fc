using Debitor.Core.Dunning;

namespace Debitor.Cli.Output;

/// <summary>Renders a letter as plain text, the way a host's document output would (the library hands over data, not layout).</summary>
internal static class LetterRenderer
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["dunning.level1.header"] = "PAYMENT REMINDER\nPerhaps our invoice has escaped your attention. According to our records the following items are still open.",
        ["dunning.level1.footer"] = "If you have paid in the meantime, please disregard this reminder.",
        ["dunning.level2.header"] = "SECOND REMINDER\nWe have not yet received payment for the following items despite our reminder.",
        ["dunning.level2.footer"] = "Please pay the total by the date given to avoid further costs.",
        ["dunning.level3.header"] = "FINAL REMINDER\nDespite our reminders the following items remain unpaid. Default interest is charged by law (§ 288 BGB).",
        ["dunning.level3.footer"] = "If we do not receive payment by the date given, we will hand the matter over to a collection agency without further notice.",
    };

    public static void Render(DunningLetter letter, string sender, TextWriter writer)
    {
        var rule = new string('=', 100);
        writer.WriteLine(rule);
        writer.WriteLine($"{sender}  ·  Accounts receivable{new string(' ', Math.Max(1, 60 - sender.Length))}Letter {letter.Id}");
        writer.WriteLine($"To: {letter.Recipient.Name} (customer {letter.Recipient.Number})");
        writer.WriteLine($"Date: {Format.Date(letter.LetterDate)}   Level: {letter.Level}   Sent by: {letter.Channel.ToString().ToLowerInvariant()}   Attachments: {letter.Attachments}");
        writer.WriteLine();
        writer.WriteLine(Text(letter.HeaderTextKey));
        writer.WriteLine();
        var lines = new TextTable(("Customer", false), ("Document", false), ("Inst", true), ("Kind", false), ("Due", false), ("Days", true), ("Amount", true), ("Paid", true), ("Open", true), ("Level", true), ("Fee", true), ("Interest", true));
        foreach (var line in letter.Lines)
        {
            lines.Add(
                line.Customer.Value,
                line.DocumentNumber,
                Format.Number(line.Installment.Number),
                Format.Kind(line),
                Format.Date(line.DueDate),
                Format.Number(line.DaysOverdue),
                Format.Amount(line.Amount),
                Format.Amount(line.SettledAmount),
                Format.Amount(line.OpenAmount),
                line.IssuesNotice ? $"{line.Level} new" : Format.Level(line),
                line.Fee.IsZero ? string.Empty : Format.Amount(line.Fee),
                line.Interest.IsZero ? string.Empty : Format.Amount(line.Interest));
        }

        lines.WriteTo(writer);
        if (letter.Credits.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("  Credits netted:");
            foreach (var credit in letter.Credits)
            {
                writer.WriteLine($"    {credit.Kind,-10} {credit.DocumentNumber,-30} {Format.Date(credit.Date)}  -{Format.Amount(credit.OpenAmount)}");
            }
        }

        if (letter.ItemsNotYetDue.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"  Not yet due (for your information): {letter.ItemsNotYetDue.Count} items, {Format.Money(letter.NotYetDueTotal)}");
        }

        writer.WriteLine();
        Total("Overdue", Format.Money(letter.OverdueTotal));
        Total("Credits", (letter.CreditTotal.IsZero ? string.Empty : "-") + Format.Money(letter.CreditTotal));
        Total("Net overdue", Format.Money(letter.NetOverdue));
        foreach (var fee in letter.Fees.Where(f => f.Kind != DunningFeeKind.PerItem))
        {
            Total($"Dunning fee ({fee.Kind}, level {fee.Level})", Format.Money(fee.Amount));
        }

        if (letter.Fees.Any(f => f.Kind == DunningFeeKind.PerItem))
        {
            Total("Dunning fees per item", Format.Money(letter.Fees.Where(f => f.Kind == DunningFeeKind.PerItem).Select(f => f.Amount).Aggregate((a, b) => a + b)));
        }

        if (!letter.InterestTotal.IsZero)
        {
            Total($"Default interest to {Format.Date(letter.LetterDate)}", Format.Money(letter.InterestTotal));
        }

        Total("TOTAL DUE", Format.Money(letter.TotalDue));
        writer.WriteLine();
        writer.WriteLine($"Please pay {Format.Money(letter.TotalDue)} by {Format.Date(letter.PaymentDeadline)}.");
        writer.WriteLine(Text(letter.FooterTextKey));
        writer.WriteLine();

        void Total(string label, string value) => writer.WriteLine($"  {label,-40}{value,20}");
    }

    private static string Text(string key) => Texts.GetValueOrDefault(key) ?? $"[{key}]";
}
