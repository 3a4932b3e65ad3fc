using Debitor.Core.Documents.Rendering;
using Debitor.Core.Dunning;

namespace Debitor.Cli.Output;

/// <summary>
/// Prints a proposal as tables in German or English: the letters, every line with its level and status, and the excluded
/// items with why. Level and status words are the documents package's texts, so the table says what the letter says.
/// </summary>
internal static class ProposalPrinter
{
    public static void Print(DunningProposal proposal, TextWriter writer, string culture)
    {
        var en = culture.StartsWith("en", StringComparison.Ordinal);
        string L(string de, string english) => en ? english : de;
        writer.WriteLine(L(
            $"VORSCHLAG: {proposal.Letters.Count} Schreiben, {proposal.NoticeCount} Mahnungen, {proposal.Excluded.Count} ausgeschlossene Posten",
            $"PROPOSAL: {proposal.Letters.Count} letters, {proposal.NoticeCount} notices, {proposal.Excluded.Count} excluded items"));
        writer.WriteLine();
        var letters = new TextTable((L("Schreiben", "Letter"), false), (L("Empfänger", "Recipient"), false), (L("Stufe", "Lvl"), true), (L("Posten", "Items"), true), (L("Mahnungen", "Notices"), true), (L("Überfällig", "Overdue"), true), (L("Gutschr.", "Credits"), true), (L("Gebühren", "Fees"), true), (L("Zinsen", "Interest"), true), (L("Zu zahlen", "Total due"), true), (L("Whg", "Cur"), false), (L("Weg", "Channel"), false));
        foreach (var letter in proposal.Letters)
        {
            letters.Add(
                letter.Id,
                Format.Truncate($"{letter.RecipientId} {letter.Recipient.Name}", 40),
                Format.Number(letter.Level),
                Format.Number(letter.Lines.Count),
                Format.Number(letter.Lines.Count(l => l.IssuesNotice)),
                Format.Amount(letter.OverdueTotal),
                Format.Amount(letter.CreditTotal),
                Format.Amount(letter.FeeTotal),
                Format.Amount(letter.InterestTotal),
                Format.Amount(letter.TotalDue),
                letter.Currency.Code,
                letter.Channel.ToString().ToLowerInvariant());
        }

        letters.WriteTo(writer);
        writer.WriteLine();
        writer.WriteLine(L("POSTEN (jeder überfällige Posten eines Schreibens: seine Stufe nach dem Lauf, sein Stand, wann er die nächste Stufe erreicht)", "LINES (every overdue item on a letter: its level after the run, its status, and when it reaches the next level)"));
        writer.WriteLine();
        var lines = new TextTable((L("Empfänger", "Recipient"), false), (L("Kunde", "Customer"), false), (L("Beleg", "Document"), false), (L("Rate", "Inst"), true), (L("Fällig", "Due"), false), (L("Tage", "Days"), true), (L("Offen", "Open"), true), (L("Stufe", "Level"), false), (L("Stand", "Status"), false), (L("Nächste", "Next"), false));
        foreach (var letter in proposal.Letters)
        {
            foreach (var line in letter.Lines)
            {
                lines.Add(
                    letter.RecipientId.Value,
                    line.Customer.Value,
                    line.DocumentNumber,
                    Format.Number(line.Installment.Number),
                    Format.Date(line.DueDate) + (line.DueDateChanged ? "*" : string.Empty),
                    Format.Number(line.DaysOverdue),
                    Format.Amount(line.OpenAmount),
                    line.Status == DunningLineStatus.Charge ? "-" : Text(culture, line.LevelTextKey),
                    Text(culture, line.StatusTextKey),
                    line.NextLevel is { } next ? $"{L("Stufe", "level")} {next} {Format.Date(line.NextLevelDate)}" : "-");
            }
        }

        lines.WriteTo(writer);
        writer.WriteLine(L("  (* Fälligkeit geändert; Nächste: die nächste Stufe und der erste Lauftag, an dem sie fällig ist)", "  (* due date changed; Next: the next level and the first run date it is due)"));
        writer.WriteLine();
        writer.WriteLine(L("AUSGESCHLOSSEN (überfällige Posten, die kein Schreiben erhalten, und warum)", "EXCLUDED (overdue items kept off every letter, and why)"));
        writer.WriteLine();
        var excluded = new TextTable((L("Kunde", "Customer"), false), (L("Beleg", "Document"), false), (L("Rate", "Inst"), true), (L("Fällig", "Due"), false), (L("Offen", "Open"), true), (L("Stufe", "Lvl"), true), (L("Grund", "Reason"), false));
        foreach (var line in proposal.Excluded)
        {
            excluded.Add(line.Customer.Value, line.DocumentNumber, Format.Number(line.Installment.Number), Format.Date(line.DueDate), Format.Money(line.OpenAmount), Format.Number(line.Level), line.Explanation);
        }

        if (excluded.Count == 0)
        {
            writer.WriteLine(L("  (keine)", "  (none)"));
        }
        else
        {
            excluded.WriteTo(writer);
        }
    }

    /// <summary>A text of the documents package in the culture; the key itself when the package has none.</summary>
    public static string Text(string culture, string key) => DocumentTexts.Default.TryGet(culture, key, out var text) ? text : key;
}
