namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// The two embedded faces a document is drawn with (DejaVu Sans regular and bold): their metrics, and the font objects
/// that give each document a program of the glyphs it draws (D16.210), each built once per process on first use from
/// the face without hinting (D16.190).
/// </summary>
internal static class LetterFaces
{
    private static readonly FaceMetrics[] Metrics = [new(EmbeddedFonts.FaceName(false), EmbeddedFonts.Face(false)), new(EmbeddedFonts.FaceName(true), EmbeddedFonts.Face(true))];

    private static readonly Lazy<EmbeddedFontProgram>[] Programs =
    [
        new(() => new EmbeddedFontProgram(Metrics[0], false, new TrueTypeSubsetter(TrueTypeHints.Strip(EmbeddedFonts.Face(false))))),
        new(() => new EmbeddedFontProgram(Metrics[1], true, new TrueTypeSubsetter(TrueTypeHints.Strip(EmbeddedFonts.Face(true))))),
    ];

    public static FaceMetrics Face(bool bold) => Metrics[bold ? 1 : 0];

    /// <summary>The font objects of the face, for a document's own subset.</summary>
    public static EmbeddedFontProgram Program(bool bold) => Programs[bold ? 1 : 0].Value;
}
