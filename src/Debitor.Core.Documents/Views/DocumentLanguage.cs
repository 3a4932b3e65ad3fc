using System.Text;
using Microsoft.Extensions.Logging;

namespace Debitor.Core.Documents.Rendering.Views;

/// <summary>
/// The words and formats of one document: texts in its culture, falling back to the company's culture (logged) when
/// a text is missing; amounts, dates and rates in its culture.
/// </summary>
internal sealed partial class DocumentLanguage
{
    private readonly DocumentTexts _texts;
    private readonly string _fallback;
    private readonly ILogger _logger;

    public DocumentLanguage(DocumentTexts texts, string culture, string fallback, ILogger logger)
    {
        _texts = texts;
        _fallback = fallback;
        _logger = logger;
        Culture = CultureInfo.GetCultureInfo(culture);
        Name = culture;
    }

    public CultureInfo Culture { get; }

    public string Name { get; }

    /// <summary>Whether the document's culture or the company's has a text for <paramref name="key"/>.</summary>
    public bool Has(string key) => _texts.TryGet(Name, key, out _) || _texts.TryGet(_fallback, key, out _);

    /// <summary>The text of <paramref name="key"/> in the document's culture, else in the company's (logged).</summary>
    /// <exception cref="KeyNotFoundException">Neither culture has the text.</exception>
    public string T(string key)
    {
        if (_texts.TryGet(Name, key, out var text))
        {
            return text;
        }

        if (_texts.TryGet(_fallback, key, out text))
        {
            LogFallback(_logger, key, Name, _fallback);
            return text;
        }

        throw new KeyNotFoundException($"The document text '{key}' exists neither in '{Name}' nor in the company's language '{_fallback}'.");
    }

    /// <summary>
    /// The text with its <c>{name}</c> placeholders filled, in one pass over the text: a value is never searched for
    /// placeholders itself (a customer named "{amount}" stays so), and a placeholder without a value stays as written.
    /// </summary>
    public string T(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var text = T(key);
        var open = text.IndexOf('{', StringComparison.Ordinal);
        if (values.IsEmpty || open < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 32);
        var rest = text.AsSpan();
        while (open >= 0)
        {
            builder.Append(rest[..open]);
            rest = rest[open..];
            var close = rest.IndexOf('}');
            if (close < 0)
            {
                break;
            }

            if (ValueOf(rest[1..close], values) is { } value)
            {
                builder.Append(value);
            }
            else
            {
                builder.Append(rest[..(close + 1)]);
            }

            rest = rest[(close + 1)..];
            open = rest.IndexOf('{');
        }

        return builder.Append(rest).ToString();
    }

    private static string? ValueOf(ReadOnlySpan<char> name, ReadOnlySpan<(string Name, string Value)> values)
    {
        foreach (var (candidate, value) in values)
        {
            if (name.SequenceEqual(candidate))
            {
                return value;
            }
        }

        return null;
    }

    public string Money(Money amount) => amount.ToString(Culture);

    public string Date(LocalDate date) => date.ToString("d", Culture);

    public string Period(LocalDate first, LocalDate last) => T("common.period", ("from", Date(first)), ("to", Date(last)));

    public string Rate(decimal percent) => T("common.percent", ("value", percent.ToString("0.00##", Culture)));

    public string Number(int value) => value.ToString(Culture);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Document text '{Key}' is missing in '{Culture}'; the company's language '{Fallback}' is used.")]
    private static partial void LogFallback(ILogger logger, string key, string culture, string fallback);
}
