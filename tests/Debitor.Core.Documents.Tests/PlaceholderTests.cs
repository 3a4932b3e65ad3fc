using System.Text;
using Debitor.Core.Documents.Rendering;
using Debitor.Core.Documents.Rendering.Views;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Debitor.Core.Documents.Tests;

/// <summary>A text's <c>{name}</c> placeholders are filled in one pass (D16.141).</summary>
public sealed class PlaceholderTests
{
    private static DocumentLanguage Language(string text) =>
        new(DocumentTexts.Default.With("de", new Dictionary<string, string> { ["test.text"] = text }), "de-DE", "de-DE", NullLogger.Instance);

    [Fact]
    public void T_ValueLooksLikeAPlaceholder_IsNotFilledAgain()
    {
        var language = Language("Sehr geehrte/r {name}, offen sind {amount}.");

        Assert.Equal("Sehr geehrte/r {amount} GmbH, offen sind 12,00 €.", language.T("test.text", ("name", "{amount} GmbH"), ("amount", "12,00 €")));
    }

    [Fact]
    public void T_PlaceholderWithoutValueOrUnclosed_StaysAsWritten()
    {
        var language = Language("{a} und {b} und {a} {c");

        Assert.Equal("1 und {b} und 1 {c", language.T("test.text", ("a", "1")));
    }

    /// <summary>Where no value holds a brace, one pass gives what replacing each placeholder in turn gave before.</summary>
    [Property]
    public bool T_ValuesWithoutBraces_EqualReplacingEachPlaceholderInTurn(NonEmptyString[] pieces, NonNegativeInt[] picks, NonEmptyString[] rawValues)
    {
        string[] names = ["a", "b", "date", "amount"];
        var text = new StringBuilder();
        for (var i = 0; i < pieces.Length; i++)
        {
            text.Append(pieces[i].Get.Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal));
            if (i < picks.Length)
            {
                text.Append('{').Append(names[picks[i].Get % names.Length]).Append('}');
            }
        }

        var values = rawValues.Take(3).Select((v, i) => (names[i], v.Get.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal))).ToArray();
        var expected = new StringBuilder(text.ToString());
        foreach (var (name, value) in values)
        {
            expected.Replace("{" + name + "}", value);
        }

        return Language(text.ToString()).T("test.text", values) == expected.ToString();
    }
}
