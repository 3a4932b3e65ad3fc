using PdfSharp.Fonts;

namespace Debitor.Core.Documents.Rendering.Pdf;

/// <summary>
/// Serves the DejaVu Sans faces shipped in this assembly (Bitstream Vera licence, see LICENSE-DejaVu.txt), so a PDF
/// looks the same on every machine whatever fonts it has. Other families go to the resolver the host had set, if any.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private static readonly Lock Gate = new();
    private static bool _installed;
    private readonly IFontResolver? _next;
    private readonly Dictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private EmbeddedFonts(IFontResolver? next)
    {
        _next = next;
        foreach (var face in new[] { Regular, Bold })
        {
            _faces[face] = Face(face == Bold);
        }
    }

    /// <summary>The bytes of the regular or bold face as shipped in this assembly.</summary>
    public static byte[] Face(bool bold)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Debitor.Core.Documents.Fonts.{FaceName(bold)}.ttf")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The face name the resolver serves for the regular or bold face.</summary>
    public static string FaceName(bool bold) => bold ? Bold : Regular;

    /// <summary>Installs the resolver once per process, in front of any resolver the host installed before.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is not EmbeddedFonts)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFonts(current);
            }

            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(FaceName(bold))
            : _next?.ResolveTypeface(familyName, bold, italic);

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var face) ? face : _next?.GetFont(faceName);
}
