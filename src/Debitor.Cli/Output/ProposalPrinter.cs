using Debitor.Core.Dunning;

namespace Debitor.Cli.Output;

/// <summary>Prints a proposal as tables: the letters, every line with its level and why, and the excluded items.</summary>
internal static class ProposalPrinter
{
    public static void Print(DunningProposal proposal, TextWriter writer)
    {
        var notices = proposal.NoticeCount;
        writer.WriteLine($"PROPOSAL: {proposal.Letters.Count} letters, {notices} notices, {proposal.Excluded.Count} excluded items");
        writer.WriteLine();
        var letters = new TextTable(("Letter", false), ("Recipient", false), ("Lvl", true), ("Items", true), ("Notices", true), ("Overdue", true), ("Credits", true), ("Fees", true), ("Interest", true), ("Total due", true), ("Cur", false), ("Channel", false));
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
        writer.WriteLine("LINES (every overdue item on a letter: its level after the run, why, and when it reaches the next level)");
        writer.WriteLine();
        var lines = new TextTable(("Recipient", false), ("Customer", false), ("Document", false), ("Inst", true), ("Kind", false), ("Due", false), ("Days", true), ("Open", true), ("Lvl", true), ("Status", false), ("Next", false));
        foreach (var letter in proposal.Letters)
        {
            foreach (var line in letter.Lines)
            {
                lines.Add(
                    letter.RecipientId.Value,
                    line.Customer.Value,
                    line.DocumentNumber,
                    Format.Number(line.Installment.Number),
                    Format.Kind(line),
                    Format.Date(line.DueDate) + (line.DueDateChanged ? "*" : string.Empty),
                    Format.Number(line.DaysOverdue),
                    Format.Amount(line.OpenAmount),
                    Format.Level(line),
                    Format.Status(line),
                    line.NextLevel is { } next ? $"L{next} {Format.Date(line.NextLevelDate)}" : "-");
            }
        }

        lines.WriteTo(writer);
        writer.WriteLine("  (* due date changed; Next: the next level and the first run date it is due)");
        writer.WriteLine();
        writer.WriteLine("EXCLUDED (overdue items kept off every letter, and why)");
        writer.WriteLine();
        var excluded = new TextTable(("Customer", false), ("Document", false), ("Inst", true), ("Due", false), ("Open", true), ("Lvl", true), ("Reason", false));
        foreach (var line in proposal.Excluded)
        {
            excluded.Add(line.Customer.Value, line.DocumentNumber, Format.Number(line.Installment.Number), Format.Date(line.DueDate), Format.Money(line.OpenAmount), Format.Number(line.Level), line.Explanation);
        }

        if (excluded.Count == 0)
        {
            writer.WriteLine("  (none)");
        }
        else
        {
            excluded.WriteTo(writer);
        }
    }
}
