using System.Globalization;
using Debitor.Core.Dunning;

namespace Debitor.Cli.Output;

/// <summary>
/// Renders a letter as plain German text, the way a host's document output would: the library hands over data and text
/// keys, the host maps keys to words (the library hands over no layout and no enum names).
/// </summary>
internal static class LetterRenderer
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["dunning.level1.header"] = "ZAHLUNGSERINNERUNG\nSicher ist Ihnen unsere Rechnung entgangen. Nach unseren Unterlagen sind die folgenden Posten noch offen.",
        ["dunning.level1.footer"] = "Sollten Sie inzwischen gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos.",
        ["dunning.level2.header"] = "2. MAHNUNG\nTrotz unserer Zahlungserinnerung ist für die als „2. Mahnung“ gekennzeichneten Posten noch keine Zahlung eingegangen.",
        ["dunning.level2.footer"] = "Bitte zahlen Sie den Gesamtbetrag bis zum genannten Datum, um weitere Kosten zu vermeiden.",
        ["dunning.level3.header"] = "LETZTE MAHNUNG\nTrotz unserer Mahnungen sind die als „3. Mahnung“ gekennzeichneten Posten weiterhin unbezahlt. Für Posten ab der 3. Mahnung berechnen wir die gesetzlichen Verzugszinsen (§ 288 BGB).",
        ["dunning.level3.footer"] = "Geht die Zahlung für die als „3. Mahnung“ gekennzeichneten Posten nicht bis zum genannten Datum ein, übergeben wir diese Posten ohne weitere Ankündigung einem Inkassounternehmen. Jeder Posten nennt seine eigene Mahnstufe.",
        ["dunning.level.none"] = "noch nicht gemahnt",
        ["dunning.level.1"] = "Zahlungserinnerung",
        ["dunning.level.2"] = "2. Mahnung",
        ["dunning.level.3"] = "3. Mahnung",
        ["dunning.status.raised"] = "neu",
        ["dunning.status.repeated"] = "wiederholt",
        ["dunning.status.waitingForNextLevel"] = "offen",
        ["dunning.status.levelNotSelected"] = "offen",
        ["dunning.status.notInProposal"] = "offen",
        ["dunning.status.maximumReached"] = "offen",
        ["dunning.status.charge"] = "offen",
        ["dunning.fee.perLetter"] = "Mahngebühr",
        ["dunning.fee.tiered"] = "Mahngebühr (gestaffelt)",
        ["dunning.fee.perItem"] = "Mahngebühren je Posten",
    };

    public static void Render(DunningLetter letter, string sender, TextWriter writer)
    {
        var rule = new string('=', 100);
        writer.WriteLine(rule);
        var contact = letter.Contact;
        writer.WriteLine($"{sender}  ·  {contact.Name}{(contact.Phone is { } phone ? "  ·  Tel. " + phone : string.Empty)}{(contact.Email is { } mail ? "  ·  " + mail : string.Empty)}");
        writer.WriteLine($"Schreiben {letter.Id}");
        writer.WriteLine($"An: {letter.Recipient.Name} (Kundennr. {letter.Recipient.Number})");
        if (letter.RecipientAddress is { } address)
        {
            writer.WriteLine($"    {address.Street}, {address.PostalCode} {address.City}, {address.Country}");
        }

        var medium = letter.Medium switch
        {
            Core.Customers.OutputMedium.Email => "E-Mail" + (letter.RecipientEmail is { } email ? " an " + email.Address : string.Empty),
            Core.Customers.OutputMedium.Post => "Post",
            _ => "E-Mail und Post",
        };
        writer.WriteLine($"Datum: {Format.Date(letter.LetterDate)}   Versand: {medium}   Anlagen: {Attachments(letter.Attachments)}");
        if (letter.Debtors.Count > 1 || letter.Debtors.Any(d => d.Id != letter.RecipientId))
        {
            writer.WriteLine("Für: " + string.Join("; ", letter.Debtors.Select(d => $"{d.Name} (Kundennr. {d.Number})")));
        }

        writer.WriteLine();
        writer.WriteLine(Text(letter.HeaderTextKey));
        writer.WriteLine();
        var lines = new TextTable(("Kunde", false), ("Beleg", false), ("Rate", true), ("Art", false), ("Fällig", false), ("Tage", true), ("Betrag", true), ("Bezahlt", true), ("Offen", true), ("Mahnstufe", false), ("Gebühr", true), ("Zinsen", true));
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
                line.Status == DunningLineStatus.Charge ? "-" : $"{Text(line.LevelTextKey)} ({Text(line.StatusTextKey)})",
                line.Fee.IsZero ? string.Empty : Format.Amount(line.Fee),
                line.Interest.IsZero ? string.Empty : Format.Amount(line.Interest));
        }

        lines.WriteTo(writer);
        var periods = letter.Lines.Where(l => l.InterestPeriods.Count > 0).ToList();
        if (periods.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("  Verzugszinsen (§ 288 BGB):");
            foreach (var line in periods)
            {
                foreach (var p in line.InterestPeriods)
                {
                    writer.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"    {line.DocumentNumber}/{line.Installment.Number}: {Format.Amount(p.Principal)} vom {Format.Date(p.FirstDay)} bis {Format.Date(p.LastDay)}, {p.Days} Tage zu {p.AnnualRatePercent:0.00} % p. a. = {Format.Amount(p.Amount)}"));
                }
            }
        }

        if (letter.Credits.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("  Verrechnete Gutschriften und Zahlungen:");
            foreach (var credit in letter.Credits)
            {
                var kind = credit.Kind == Core.Ledger.ItemKind.CreditNote ? "Gutschrift" : "Zahlung";
                writer.WriteLine($"    {kind,-10} {credit.DocumentNumber,-30} {Format.Date(credit.Date)}  -{Format.Amount(credit.OpenAmount)}");
            }
        }

        if (letter.ItemsNotYetDue.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"  Noch nicht fällig (zur Information): {letter.ItemsNotYetDue.Count} Posten, {Format.Money(letter.NotYetDueTotal)}");
        }

        writer.WriteLine();
        Total("Überfällig", Format.Money(letter.OverdueTotal));
        Total("Gutschriften", (letter.CreditTotal.IsZero ? string.Empty : "-") + Format.Money(letter.CreditTotal));
        Total("Überfällig netto", Format.Money(letter.NetOverdue));
        foreach (var fee in letter.Fees.Where(f => f.Kind != DunningFeeKind.PerItem))
        {
            Total(Text(fee.TextKey), Format.Money(fee.Amount));
        }

        if (letter.Fees.Any(f => f.Kind == DunningFeeKind.PerItem))
        {
            Total(Text("dunning.fee.perItem"), Format.Money(letter.Fees.Where(f => f.Kind == DunningFeeKind.PerItem).Select(f => f.Amount).Aggregate((a, b) => a + b)));
        }

        if (!letter.InterestTotal.IsZero)
        {
            Total($"Verzugszinsen bis {Format.Date(letter.LetterDate)}", Format.Money(letter.InterestTotal));
        }

        Total("ZU ZAHLEN", Format.Money(letter.TotalDue));
        writer.WriteLine();
        writer.WriteLine($"Bitte zahlen Sie {Format.Money(letter.TotalDue)} bis zum {Format.Date(letter.PaymentDeadline)}.");
        writer.WriteLine(Text(letter.FooterTextKey));
        writer.WriteLine();

        void Total(string label, string value) => writer.WriteLine($"  {label,-40}{value,20}");
    }

    private static string Attachments(LetterAttachments attachments)
    {
        var names = new List<string>();
        if (attachments.HasFlag(LetterAttachments.DunningLetter))
        {
            names.Add("Mahnschreiben");
        }

        if (attachments.HasFlag(LetterAttachments.OpenItemsStatement))
        {
            names.Add("Offene-Posten-Liste");
        }

        if (attachments.HasFlag(LetterAttachments.FullStatement))
        {
            names.Add("Kontoauszug");
        }

        return names.Count == 0 ? "keine" : string.Join(", ", names);
    }

    private static string Text(string key) => Texts.GetValueOrDefault(key) ?? $"[{key}]";
}
