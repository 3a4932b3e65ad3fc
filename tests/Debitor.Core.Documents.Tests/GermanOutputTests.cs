using System.Text.RegularExpressions;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Tests.Support;
using static Debitor.Core.Documents.Tests.Support.Rendered;

namespace Debitor.Core.Documents.Tests;

/// <summary>No German document shows an enum name, a text key or an English word.</summary>
public sealed partial class GermanOutputTests
{
    // English words a German letter must not contain (German homographs such as "Rate", "Art", "Saldo" are left out).
    private static readonly string[] EnglishWords =
    [
        "the", "and", "of", "to", "your", "our", "please", "dear", "invoice", "payment", "amount", "due", "date", "total", "level",
        "interest", "balance", "credit", "debit", "page", "reminder", "fee", "fees", "open", "paid", "document", "customer", "statement",
        "advice", "difference", "write-off", "agreement", "instalment", "installment", "lawyer", "agency", "mandate", "notice", "reason",
        "principal", "costs", "days", "period", "reference", "contact", "phone", "yours", "faithfully", "section", "account",
    ];

    private static readonly Type[] Enums = [.. EnumTextTests.Families.Select(row => (Type)row[1]).Distinct(), typeof(DocumentFormat)];

    [Fact]
    public async Task Render_EveryKindInGerman_ContainsNoEnumNameTextKeyOrEnglishWord()
    {
        var sample = await SampleDocuments.GetAsync();
        var keys = DocumentTexts.Default.KeysOf("de");
        var texts = All(sample, "de-DE", DocumentFormat.Pdf).Select(d => (d.Kind + " (PDF)", PdfText(d.Document)))
            .Concat(All(sample, "de-DE", DocumentFormat.Html).Select(d => (d.Kind + " (HTML)", HtmlText(d.Document))));

        foreach (var (kind, text) in texts)
        {
            var words = Word().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var name in Enums.SelectMany(Enum.GetNames).Where(n => n != "Partner"))
            {
                Assert.False(Regex.IsMatch(text, $@"\b{name}\b"), $"{kind} shows the enum name {name}: {text}");
            }

            Assert.DoesNotContain(keys, key => text.Contains(key, StringComparison.Ordinal));
            Assert.Empty(EnglishWords.Where(words.Contains).Select(w => $"{kind}: {w}"));
        }
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\-]*")]
    private static partial Regex Word();
}
