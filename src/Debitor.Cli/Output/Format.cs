using System.Globalization;
using Debitor.Core;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;

namespace Debitor.Cli.Output;

/// <summary>Invariant formatting of the values the CLI prints.</summary>
internal static class Format
{
    public static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(LocalDate? date) => date is { } d ? Date(d) : "-";

    public static string Amount(Money money) => money.Amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Money(Money money) => $"{Amount(money)} {money.Currency.Code}";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Level(DunningLine line) => line.Status == DunningLineStatus.Charge ? "-" : Number(line.Level);

    public static string Kind(DunningLine line) => line.ItemKind switch
    {
        ItemKind.Invoice => line.InstallmentKind switch
        {
            InstallmentKind.Prepayment => "Anzahlung",
            InstallmentKind.Remainder => "Restzahlung",
            _ => "Rechnung",
        },
        ItemKind.DunningFee => "Mahngebühr",
        ItemKind.Interest => "Zinsen",
        _ => "Kosten",
    };

    public static string Status(DunningLine line) => line.Status switch
    {
        DunningLineStatus.Raised => $"raised {line.PreviousLevel}->{line.Level}",
        DunningLineStatus.Repeated => $"repeated {line.Level}",
        DunningLineStatus.WaitingForNextLevel => "waiting",
        DunningLineStatus.LevelNotSelected => "level not selected",
        DunningLineStatus.NotInProposal => "not previewed",
        DunningLineStatus.MaximumReached => "maximum reached",
        DunningLineStatus.Charge => "listed",
        DunningLineStatus.NotYetDue => "not due",
        _ => "excluded: " + line.Exclusion,
    };

    public static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
