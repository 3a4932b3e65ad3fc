using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Debitor.Core.Documents.Rendering.Views;

namespace Debitor.Core.Documents.Rendering.Html;

/// <summary>
/// Renders document views to HTML with Liquid templates (Fluid). Templates are parsed and checked once, when the
/// renderer is built: a host's template that does not parse or reads an unknown field fails then, not on a letter.
/// </summary>
internal sealed class HtmlDocumentRenderer
{
    /// <summary>The template every kind falls back to.</summary>
    public const string DefaultTemplate = "document";

    private static readonly FluidParser Parser = new();
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly TemplateOptions _options;
    private readonly Dictionary<string, IFluidTemplate> _templates;

    public HtmlDocumentRenderer(IReadOnlyDictionary<string, string> hostTemplates)
    {
        _options = new TemplateOptions();
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in new[] { typeof(DocumentView), typeof(CompanyView), typeof(InfoLine), typeof(TableView), typeof(ColumnView), typeof(RowView), typeof(FooterColumn) })
        {
            _options.MemberAccessStrategy.Register(type);
        }

        _templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var (name, source) in ShippedTemplates())
        {
            _templates[name] = Load(name, source);
        }

        foreach (var (name, source) in hostTemplates)
        {
            _templates[name] = Load(name, source);
        }
    }

    public byte[] Render(DocumentView view)
    {
        var template = _templates.TryGetValue(view.Kind, out var own) ? own : _templates[DefaultTemplate];
        var context = new TemplateContext(view, _options, true) { CultureInfo = CultureInfo.InvariantCulture };
        var html = template.Render(context, Encoder);
        return Encoding.UTF8.GetBytes(html);
    }

    /// <summary>Parses and checks a template.</summary>
    /// <exception cref="DocumentTemplateException">It does not parse, or reads a field documents do not have.</exception>
    public static IFluidTemplate Load(string name, string source)
    {
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new DocumentTemplateException(name, null, $"Template '{name}' does not parse: {error}");
        }

        TemplateFieldCheck.Check(name, template);
        return template;
    }

    /// <summary>The templates of a host directory: every <c>*.liquid</c> file, named after the document kind it renders.</summary>
    public static Dictionary<string, string> FromDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "*.liquid").ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, File.ReadAllText, StringComparer.Ordinal);

    private static IEnumerable<(string Name, string Source)> ShippedTemplates()
    {
        var assembly = typeof(HtmlDocumentRenderer).Assembly;
        const string prefix = "Debitor.Core.Documents.Templates.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, Encoding.UTF8);
            yield return (resource[prefix.Length..^".liquid".Length], reader.ReadToEnd());
        }
    }
}
