using System.CommandLine;
using Debitor.Cli.Output;

namespace Debitor.Cli.Commands;

/// <summary><c>debitor figures</c>: aging, receivables turnover and days sales outstanding of the whole company.</summary>
internal static class FiguresCommand
{
    public static void AddTo(RootCommand root, Binder bind)
    {
        var days = new Option<int>("--days") { Description = "The period for turnover and DSO: the last N days up to --as-of", DefaultValueFactory = _ => 365 };
        var figures = new Command("figures", "Aging of the receivables, turnover and DSO (days sales outstanding)") { days };
        bind.Action(figures, async context =>
        {
            await using var host = await context.OpenAsync();
            if (context.Value(days) < 1)
            {
                throw new UsageException("--days takes a number of days from 1.");
            }

            var aging = await host.Figures.GetPortfolioAgingAsync(host.Actor, host.Company, host.Today, context.CancellationToken);
            var period = new DateInterval(host.Today.PlusDays(1 - context.Value(days)), host.Today);
            var turnover = await host.Figures.GetPortfolioTurnoverAsync(host.Actor, host.Company, period, context.CancellationToken);
            await context.EmitAsync(
                new
                {
                    asOf = Format.Date(host.Today),
                    accounts = aging.Accounts,
                    aging = aging.Lines.Select(l => new { currency = l.Currency.Code, buckets = aging.Schedule.Buckets.Select((b, i) => new { bucket = b.Label, amount = Format.Amount(l.Buckets[i]) }), total = Format.Amount(l.Total), unappliedCredits = Format.Amount(l.UnappliedCredits), balance = Format.Amount(l.Balance) }),
                    turnover = turnover.Select(t => new { currency = t.Currency.Code, from = Format.Date(t.Period.Start), to = Format.Date(t.Period.End), revenue = Format.Amount(t.Revenue), averageReceivables = Format.Amount(t.AverageReceivables), turnover = t.Turnover, dso = t.DaysSalesOutstanding }),
                },
                o =>
                {
                    o.WriteLine(context.T($"ALTERSSTRUKTUR zum {Format.Date(host.Today)} ({aging.Accounts} Konten)", $"AGING as of {Format.Date(host.Today)} ({aging.Accounts} accounts)"));
                    var columns = new List<(string, bool)> { (context.T("Whg", "Cur"), false) };
                    columns.AddRange(aging.Schedule.Buckets.Select(b => (b.Label, true)));
                    columns.Add((context.T("Summe", "Total"), true));
                    columns.Add((context.T("Saldo", "Balance"), true));
                    var table = new TextTable([.. columns]);
                    foreach (var line in aging.Lines)
                    {
                        table.Add([line.Currency.Code, .. line.Buckets.Select(Format.Amount), Format.Amount(line.Total), Format.Amount(line.Balance)]);
                    }

                    table.WriteTo(o);
                    o.WriteLine();
                    o.WriteLine(context.T($"UMSCHLAG UND DEBITORENLAUFZEIT {Format.Date(period.Start)} bis {Format.Date(period.End)}", $"TURNOVER AND DSO {Format.Date(period.Start)} to {Format.Date(period.End)}"));
                    foreach (var t in turnover)
                    {
                        o.WriteLine($"  {t.Currency.Code}: {context.T("Umsatz", "revenue")} {Format.Money(t.Revenue)}, {context.T("Ø Forderungen", "average receivables")} {Format.Money(t.AverageReceivables)}, {context.T("Umschlag", "turnover")} {t.Turnover?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, DSO {t.DaysSalesOutstanding?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {context.T("Tage", "days")}");
                    }
                });
            return ExitCode.Done;
        });
        root.Subcommands.Add(figures);
    }
}
