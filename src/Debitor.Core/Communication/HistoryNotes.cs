using System.Globalization;
using Debitor.Core.Ledger;

namespace Debitor.Core.Communication;

/// <summary>
/// Writes the history entries the library itself composes: subject (and, where the library words it, the text) stored
/// as data (<see cref="JournalText"/>) beside a literal rendered in German, the library's first language, for readers
/// that do not render (D15.12).
/// </summary>
internal static class HistoryNotes
{
    private static readonly CultureInfo LiteralCulture = German();

    /// <summary>A note whose subject the library words and whose text a user wrote (or is empty).</summary>
    internal static CommunicationRecorded Note(EntryId id, CommunicationKind kind, JournalText subject, string? text, EntryId? item = null) =>
        new(id, kind, Literal(subject), text ?? string.Empty, item) { SubjectData = subject };

    /// <summary>A note whose subject and text the library words.</summary>
    internal static CommunicationRecorded Note(EntryId id, CommunicationKind kind, JournalText subject, JournalText text, EntryId? item = null) =>
        new(id, kind, Literal(subject), Literal(text), item) { SubjectData = subject, TextData = text };

    /// <summary>A write-off whose reason the library words (tolerance, cash discount).</summary>
    internal static WriteOffPosted WriteOff(EntryId id, InstallmentRef target, Money amount, LocalDate date, JournalText reason) =>
        new(id, target, amount, date, Literal(reason)) { ReasonData = reason };

    /// <summary>A surplus write-off whose reason the library words.</summary>
    internal static CreditWrittenOff CreditWriteOff(EntryId id, EntryId source, Money amount, LocalDate date, JournalText reason) =>
        new(id, source, amount, date, Literal(reason)) { ReasonData = reason };

    /// <summary>The German rendering stored as the literal text.</summary>
    internal static string Literal(JournalText text) => JournalTexts.Default.Render(text, LiteralCulture);

    /// <summary>de-DE; where the host runs without culture data (invariant globalization), its German formats by hand, so writing never fails.</summary>
    private static CultureInfo German()
    {
        try
        {
            return CultureInfo.GetCultureInfo("de-DE");
        }
        catch (CultureNotFoundException)
        {
            var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = ".";
            german.NumberFormat.CurrencyDecimalSeparator = ",";
            german.NumberFormat.CurrencyGroupSeparator = ".";
            german.NumberFormat.CurrencyPositivePattern = 3;
            german.NumberFormat.CurrencyNegativePattern = 8;
            german.DateTimeFormat.DateSeparator = ".";
            german.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
            return CultureInfo.ReadOnly(german);
        }
    }
}
