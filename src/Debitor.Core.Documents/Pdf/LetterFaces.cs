namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// The two embedded faces a document is drawn with (DejaVu Sans regular and bold): their metrics, and their font
/// programs for the fixed repertoire every document shares (D16.150), each built once per process on first use.
/// </summary>
internal static class LetterFaces
{
    /// <summary>
    /// The characters of the smaller shared programs, enough for German, English and the other Western European
    /// languages: Basic Latin, Latin-1, the euro sign, typographic quotes, dashes, spaces, ellipsis, bullet and per mille.
    /// </summary>
    public static readonly string Western = new([
        .. Range('\u0020', '\u007E'), .. Range('\u00A0', '\u00FF'),
        '\u20AC', '\u2018', '\u2019', '\u201A', '\u201C', '\u201D', '\u201E', '\u2039', '\u203A', '\u2013', '\u2014',
        '\u2009', '\u202F', '\u2011', '\u2026', '\u2022', '\u2030',
    ]);

    /// <summary>
    /// The repertoire every document's embedded fonts cover (D16.150): <see cref="Western"/> and Latin Extended-A (the
    /// Latin names of the EU's other languages but Romanian's comma letters). A document within <see cref="Western"/>
    /// carries the smaller program; a text that needs another glyph of the face gets a program with that glyph too
    /// (<see cref="EmbeddedFontProgram.ForExtra"/>).
    /// </summary>
    public static readonly string Repertoire = Western + new string([.. Range('\u0100', '\u017F')]);

    private static readonly FaceMetrics[] Metrics = [new(EmbeddedFonts.FaceName(false), EmbeddedFonts.Face(false)), new(EmbeddedFonts.FaceName(true), EmbeddedFonts.Face(true))];

    private static readonly Lazy<EmbeddedFontProgram>[] Programs =
    [
        new(() => EmbeddedFontProgram.ForRepertoire(Metrics[0], false, Western)),
        new(() => EmbeddedFontProgram.ForRepertoire(Metrics[1], true, Western)),
        new(() => EmbeddedFontProgram.ForRepertoire(Metrics[0], false, Repertoire)),
        new(() => EmbeddedFontProgram.ForRepertoire(Metrics[1], true, Repertoire)),
    ];

    private static readonly ulong[] WesternSet = Set(Western);
    private static readonly ulong[] RepertoireSet = Set(Repertoire);

    public static FaceMetrics Face(bool bold) => Metrics[bold ? 1 : 0];

    public static bool IsWestern(char c) => (WesternSet[c >> 6] & (1UL << (c & 63))) != 0;

    public static bool InRepertoire(char c) => (RepertoireSet[c >> 6] & (1UL << (c & 63))) != 0;

    /// <summary>The shared program of the face for <see cref="Western"/> or for the whole <see cref="Repertoire"/>.</summary>
    public static EmbeddedFontProgram Program(bool bold, bool wide = false) => Programs[(bold ? 1 : 0) + (wide ? 2 : 0)].Value;

    private static ulong[] Set(string characters)
    {
        var set = new ulong[(char.MaxValue + 1) / 64];
        foreach (var c in characters)
        {
            set[c >> 6] |= 1UL << (c & 63);
        }

        return set;
    }

    private static IEnumerable<char> Range(char first, char last) => Enumerable.Range(first, last - first + 1).Select(c => (char)c);
}
