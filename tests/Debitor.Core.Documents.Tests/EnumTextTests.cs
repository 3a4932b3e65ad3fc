using Debitor.Core.Collections;
using Debitor.Core.Customers;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Rendering.Views;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Statements;

namespace Debitor.Core.Documents.Tests;

/// <summary>Every member of every enum a document can show has its text in German and English.</summary>
public sealed class EnumTextTests
{
    public static TheoryData<string, Type> Families => new()
    {
        { "item.", typeof(ItemKind) },
        { "installment.", typeof(InstallmentKind) },
        { "movement.", typeof(MovementKind) },
        { "component.", typeof(ClaimComponent) },
        { "dunning.status.", typeof(DunningLineStatus) },
        { "dunning.fee.", typeof(DunningFeeKind) },
        { "handOver.title.", typeof(HandOverKind) },
        { "mandate.title.", typeof(SepaScheme) },
        { "mandate.text.", typeof(SepaScheme) },
        { "mandate.note.", typeof(SepaScheme) },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void DefaultTexts_EveryEnumMember_HasAGermanAndAnEnglishText(string prefix, Type type)
    {
        foreach (var name in Enum.GetNames(type))
        {
            foreach (var language in new[] { "de", "en" })
            {
                Assert.True(DocumentTexts.Default.TryGet(language, prefix + LetterFrame.Key(name), out var text) && text.Length > 0, $"{language}: {prefix}{LetterFrame.Key(name)}");
            }
        }
    }

    [Fact]
    public void DefaultTexts_TheDefaultSchemesLevels_HaveHeaderIntroAndFooterInBothLanguages()
    {
        foreach (var level in DunningScheme.Default.Levels)
        {
            foreach (var key in new[] { level.HeaderTextKey, level.HeaderTextKey + ".intro", level.FooterTextKey })
            {
                Assert.True(DocumentTexts.Default.TryGet("de", key, out _), "de: " + key);
                Assert.True(DocumentTexts.Default.TryGet("en", key, out _), "en: " + key);
            }
        }
    }
}
