using Debitor.Cli.Datev;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Cli;

/// <summary>
/// A line's digest hashed field by field (D16.173) against the digest of the joined line it replaces: the entry ids of
/// payment lines and master-data lines derive from it, so importing a file again must find the same ids.
/// </summary>
public sealed class DatevDigestProperties
{
    /// <summary>Fields of ASCII, umlauts, a character beyond the basic plane, lone surrogates and semicolons, some longer than 1 KB of UTF-8.</summary>
    private static Arbitrary<string[]> Lines() =>
        Gen.OneOf(
                Gen.Elements("a", "1", ",", ";", "\"", " ", "ß", "Ä", "€", "\U0001F600", "\uD800", "\uDC00").ArrayOf().Select(parts => string.Concat(parts)),
                Gen.Choose(300, 900).Select(n => new string('€', n)))
            .ArrayOf()
            .ToArbitrary();

    [Property(MaxTest = 1_000)]
    public Property Digest_OfFields_IsTheDigestOfTheJoinedLine() =>
        Prop.ForAll(Lines(), fields => DatevImporter.Digest(fields) == DatevImporter.Digest(string.Join(';', fields)));

    [Fact]
    public void Digest_OfFields_KeepsTheStoredIdsOfAKnownLine()
    {
        // The digest of a joined line is what earlier imports stored (D16.33); the field-wise digest must give it too.
        string[] fields = ["100,00", "H", "EUR", "", "", "", "100000", "1200", "", "0201", "R100000-0", "", "", "Zahlung"];
        var joined = DatevImporter.Digest(string.Join(';', fields));

        Assert.Equal(joined, DatevImporter.Digest(fields));
        Assert.Equal(20, joined.Length);
        Assert.Matches("^[0-9a-f]{20}$", joined);
    }
}
