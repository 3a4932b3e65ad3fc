using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Debitor.Core.Documents.Tests.Support.Rendered;

namespace Debitor.Core.Documents.Tests;

public sealed class TextAndTemplateTests
{
    [Fact]
    public void DefaultTexts_GermanAndEnglish_HaveTheSameKeys()
    {
        Assert.Equal(DocumentTexts.Default.KeysOf("de").Order(StringComparer.Ordinal), DocumentTexts.Default.KeysOf("en").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("DE", "de-DE")]
    [InlineData("AT", "de-AT")]
    [InlineData("CH", "de-CH")]
    [InlineData("NL", "en-GB")]
    public void EffectiveCulture_ByCountry_IsGermanForGermanyAustriaAndSwitzerland(string country, string culture)
    {
        var profile = SampleDocuments.Profile with { Address = SampleDocuments.Profile.Address with { Country = country } };

        Assert.Equal(culture, profile.EffectiveCulture);
    }

    [Fact]
    public async Task Render_TextMissingInTheRecipientsLanguage_FallsBackToTheCompanysLanguageAndLogs()
    {
        var sample = await SampleDocuments.GetAsync();
        var logger = new ListLogger<DocumentRenderer>();
        var renderer = Renderer(logger, o => o.Texts = DocumentTexts.Default.With("fr", new Dictionary<string, string> { ["letter.salutation"] = "Madame, Monsieur," }));
        var recipient = sample.Recipients[SampleDocuments.Anna] with { Culture = "fr-FR" };

        var html = HtmlText(renderer.Render(sample.Reminder, recipient, SampleDocuments.Contact, DocumentFormat.Html));

        Assert.Contains("Madame, Monsieur,", html, StringComparison.Ordinal);
        Assert.Contains("Zahlungserinnerung", html, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("'dunning.level1.header'", StringComparison.Ordinal) && e.Message.Contains("'fr-FR'", StringComparison.Ordinal) && e.Message.Contains("'de-DE'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_HostTextDirectory_ReplacesTheShippedTextWithoutRecompiling()
    {
        var sample = await SampleDocuments.GetAsync();
        var directory = Directory.CreateTempSubdirectory("debitor-texts-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "de.json"), """{ "dunning.level1.header": "Freundliche Erinnerung", "dunning.level.1": "Freundliche Erinnerung" }""");
            var renderer = Renderer(configure: o => o.TextDirectory = directory.FullName);

            var text = PdfText(renderer.Render(sample.Reminder, sample.Recipients[SampleDocuments.Anna], SampleDocuments.Contact, DocumentFormat.Pdf));

            Assert.Contains("Freundliche Erinnerung", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Zahlungserinnerung", text, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(true);
        }
    }

    [Fact]
    public async Task Render_HostTemplateForOneKind_IsUsedForThatKindOnly()
    {
        var sample = await SampleDocuments.GetAsync();
        var renderer = Renderer(configure: o => o.Templates["dunning-letter"] = "<h1>{{ title }}</h1>{% for line in totals %}<p>{{ line.label }}: {{ line.value }}</p>{% endfor %}");

        var letter = HtmlText(renderer.Render(sample.Reminder, sample.Recipients[SampleDocuments.Anna], SampleDocuments.Contact, DocumentFormat.Html));
        var advice = HtmlText(renderer.Render(sample.Advice, sample.Recipients[SampleDocuments.Hanse], DocumentFormat.Html));

        Assert.StartsWith("Zahlungserinnerung Summe überfällig: 2.486,40 €", letter, StringComparison.Ordinal);
        Assert.Contains("Zahlungsavis", advice, StringComparison.Ordinal);
        Assert.Contains("Sehr geehrte Damen und Herren,", advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>{{ recipient_zip }}</p>", "recipient_zip")]
    [InlineData("{% for t in tables %}{{ t.captoin }}{% endfor %}", "t.captoin")]
    [InlineData("{% for t in tables %}{% for r in t.rows %}{{ r.cells.size }}{{ r.colour }}{% endfor %}{% endfor %}", "r.colour")]
    [InlineData("{{ company.name | upcase }}{{ company.iban }}", "company.iban")]
    public void Constructor_TemplateReadingAnUnknownField_FailsAtLoadNamingTemplateAndField(string template, string field)
    {
        var e = Assert.Throws<DocumentTemplateException>(() => Renderer(configure: o => o.Templates["dunning-letter"] = template));

        Assert.Equal(("dunning-letter", field), (e.Template, e.Field));
        Assert.Contains("'dunning-letter'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TemplateThatDoesNotParse_FailsAtLoadNamingTheTemplate()
    {
        var e = Assert.Throws<DocumentTemplateException>(() => Renderer(configure: o => o.Templates["payment-advice"] = "{% for x in %}"));

        Assert.Equal("payment-advice", e.Template);
        Assert.Null(e.Field);
    }

    [Fact]
    public void Constructor_WithoutCompany_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new DocumentRenderer(new DocumentRendererOptions()));
    }

    [Fact]
    public void LetterRecipient_MoreThanSixLines_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new LetterRecipient("A", ["1", "2", "3", "4", "5", "6"]));
    }

    [Fact]
    public async Task AddDebitorCoreDocuments_ResolvesOneSharedRenderer()
    {
        var sample = await SampleDocuments.GetAsync();
        using var provider = new ServiceCollection()
            .AddDebitorCoreDocuments(o => o.Company = SampleDocuments.Profile)
            .BuildServiceProvider();

        var renderer = provider.GetRequiredService<DocumentRenderer>();

        Assert.Same(renderer, provider.GetRequiredService<DocumentRenderer>());
        Assert.Equal("Zahlungserinnerung-10002-2026-11-23.pdf", renderer.Render(sample.Reminder, sample.Recipients[SampleDocuments.Anna], SampleDocuments.Contact, DocumentFormat.Pdf).FileName);
    }
}
