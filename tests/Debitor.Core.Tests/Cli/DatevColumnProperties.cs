using Debitor.Cli.Datev;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Cli;

/// <summary>
/// A booking line's fields read by a column index looked up once per file (D16.183) against the reading by name on every
/// line it replaces: for any column names (in any case, repeated, missing) and lines of any length (an empty field anywhere but first), the same text.
/// </summary>
public sealed class DatevColumnProperties
{
    private static readonly string[] Names = ["Umsatz (ohne Soll/Haben-Kz)", "Soll/Haben-Kennzeichen", "WKZ Umsatz", "Konto", "Gegenkonto (ohne BU-Schlüssel)", "Belegdatum", "Belegfeld 1", "Fälligkeit"];

    [Property(MaxTest = 100)]
    public Property Get_ByTheColumnIndex_IsTheReadingByName(int seed)
    {
        var r = new Random(seed);
        var columns = Enumerable.Range(0, r.Next(2, 7)).Select(_ => Names[r.Next(Names.Length)] is var n && r.Next(4) == 0 ? n.ToUpperInvariant() : Names[r.Next(Names.Length)]).ToList();
        var lines = Enumerable.Range(0, r.Next(1, 5)).Select(i => string.Join(';', Enumerable.Range(0, r.Next(1, columns.Count + 2)).Select(f => f > 0 && r.Next(3) == 0 ? "" : $" w{i}{f} "))).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"datev-columns-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, [$"\"EXTF\";700;21;\"Buchungsstapel\";13", string.Join(';', columns), .. lines]);
        try
        {
            var file = DatevFile.Open(path);
            var records = file.Records([]).Select(record => Names.Select(name => (ByName: record.Get(name), ByIndex: record.Get(file.ColumnIndex(name)))).ToList()).ToList();

            return (records.Count == lines.Count && records.All(fields => fields.All(f => f.ByName == f.ByIndex)))
                .Label(string.Join("\n", [string.Join(';', columns), .. lines]));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
