using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;
using NodaTime.Text;

namespace Debitor.Core.Communication;

/// <summary>
/// The texts of the entries the library writes into the communication history (dunning letters, due-date changes,
/// pauses, agreements, hand-overs, credit control), in German and English, and their rendering in a reader's language.
/// A host replaces a text or adds a language with <see cref="With"/>.
/// </summary>
/// <remarks>
/// <para>A culture (<c>de-AT</c>) is looked up first, then its language (<c>de</c>), then German, the library's first
/// language. Dates, numbers and amounts follow the reader's culture. A text whose key is known in no language (written by
/// a newer library, say) is not rendered: <see cref="TryRender"/> returns <see langword="false"/> and the entry keeps its
/// stored literal text.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class JournalTexts
{
    /// <summary>The language whose texts fill gaps in every other: German.</summary>
    public const string FallbackLanguage = "de";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;

    private JournalTexts(FrozenDictionary<string, FrozenDictionary<string, string>> texts) => _texts = texts;

    /// <summary>The shipped German and English texts.</summary>
    public static JournalTexts Default { get; } = new(new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = German().ToFrozenDictionary(StringComparer.Ordinal),
        ["en"] = English().ToFrozenDictionary(StringComparer.Ordinal),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));

    /// <summary>The keys of the shipped texts.</summary>
    public static IReadOnlyCollection<string> Keys => Default._texts[FallbackLanguage].Keys;

    /// <summary>These texts with some replaced or added for one language or culture.</summary>
    /// <param name="culture">A language (<c>fr</c>) or culture (<c>de-AT</c>) name.</param>
    /// <param name="texts">Texts by key, with <c>{name}</c> placeholders.</param>
    /// <returns>The new set; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="culture"/> is empty, or a text is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public JournalTexts With(string culture, IReadOnlyDictionary<string, string> texts)
    {
        Guard.Against.NullOrWhiteSpace(culture);
        Guard.Against.Null(texts);
        var merged = new Dictionary<string, string>(_texts.TryGetValue(culture, out var existing) ? existing : FrozenDictionary<string, string>.Empty, StringComparer.Ordinal);
        foreach (var (key, text) in texts)
        {
            merged[Guard.Against.NullOrWhiteSpace(key, nameof(texts))] = Guard.Against.NullOrWhiteSpace(text, nameof(texts));
        }

        var all = new Dictionary<string, FrozenDictionary<string, string>>(_texts, StringComparer.OrdinalIgnoreCase) { [culture] = merged.ToFrozenDictionary(StringComparer.Ordinal) };
        return new JournalTexts(all.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Renders a text in a culture.</summary>
    /// <param name="text">The text.</param>
    /// <param name="culture">The reader's culture, e.g. de-DE or en-GB.</param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The text's key, or a key among its arguments, is known in no language.</exception>
    /// <exception cref="FormatException">An argument's stored value does not fit its kind.</exception>
    public string Render(JournalText text, CultureInfo culture) =>
        TryRender(text, culture, out var rendered) ? rendered : throw new KeyNotFoundException($"No journal text '{Missing(text, culture)}' in '{culture.Name}', its language or German.");

    /// <summary>Renders a text in a culture, unless a key is known in no language.</summary>
    /// <param name="text">The text.</param>
    /// <param name="culture">The reader's culture.</param>
    /// <param name="rendered">The rendered text, or empty.</param>
    /// <returns>Whether every key was found.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">An argument's stored value does not fit its kind.</exception>
    public bool TryRender(JournalText text, CultureInfo culture, out string rendered)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        rendered = string.Empty;
        if (!TryTemplate(text.Key, culture, out var template))
        {
            return false;
        }

        var result = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            result.Append(template, i, open - i);
            var name = template.Substring(open + 1, close - open - 1);
            var argument = text.Arguments.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
            if (argument is null)
            {
                result.Append(template, open, close - open + 1);
            }
            else if (!TryValue(argument, culture, out var value))
            {
                return false;
            }
            else
            {
                result.Append(value);
            }

            i = close + 1;
        }

        rendered = result.ToString();
        return true;
    }

    private bool TryValue(JournalTextArgument argument, CultureInfo culture, out string value)
    {
        switch (argument.Kind)
        {
            case JournalTextArgumentKind.Number:
                value = long.Parse(argument.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString("N0", culture);
                return true;
            case JournalTextArgumentKind.Date:
                value = LocalDatePattern.Iso.Parse(argument.Value).GetValueOrThrow().ToString(culture.DateTimeFormat.ShortDatePattern, culture);
                return true;
            case JournalTextArgumentKind.Money:
                value = ParseMoney(argument.Value).ToString(culture);
                return true;
            case JournalTextArgumentKind.Key:
                return TryTemplate(argument.Value, culture, out value);
            case JournalTextArgumentKind.List:
                var parts = new List<string>(argument.Items.Count);
                foreach (var item in argument.Items)
                {
                    if (!TryRender(item, culture, out var part))
                    {
                        value = string.Empty;
                        return false;
                    }

                    parts.Add(part);
                }

                value = string.Join("; ", parts);
                return true;
            default:
                value = argument.Value;
                return true;
        }
    }

    private static Money ParseMoney(string value)
    {
        var space = value.LastIndexOf(' ');
        return space > 0
            && decimal.TryParse(value.AsSpan(0, space), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            && Currency.TryFromCode(value[(space + 1)..], out var currency)
            ? new Money(amount, currency)
            : throw new FormatException($"'{value}' is not an amount with its currency (\"1234.50 EUR\").");
    }

    private bool TryTemplate(string key, CultureInfo culture, out string template)
    {
        foreach (var name in new[] { culture.Name, culture.TwoLetterISOLanguageName, FallbackLanguage })
        {
            if (name.Length > 0 && _texts.TryGetValue(name, out var texts) && texts.TryGetValue(key, out template!))
            {
                return true;
            }
        }

        template = string.Empty;
        return false;
    }

    private string Missing(JournalText text, CultureInfo culture) =>
        TryTemplate(text.Key, culture, out _)
            ? text.Arguments.FirstOrDefault(a => a.Kind == JournalTextArgumentKind.Key && !TryTemplate(a.Value, culture, out _))?.Value ?? text.Key
            : text.Key;

    private static Dictionary<string, string> German() => new()
    {
        ["history.dunning.subject"] = "Mahnschreiben Stufe {level} ({letter})",
        ["history.dunning.text"] = "An {recipient} per {channel}: {notices} Mahnung(en) auf diesem Konto, {lines} überfällige(r) Posten aufgeführt, insgesamt fällig {total}, zu zahlen bis {deadline}.",
        ["history.dunning.cancelled"] = "Mahnschreiben storniert ({letter})",
        ["history.dunning.runDateOverride"] = "Mahnlauf mit abweichendem Datum: Schreiben {letter} vom {date}, verarbeitet am {processedOn}",
        ["history.insolvency.subject"] = "Insolvenzverfahren eröffnet am {date}",
        ["history.insolvency.text"] = "{court}, Az. {fileNumber}, Insolvenzverwalter: {administrator}",
        ["history.courtesy.subject"] = "Zahlungserinnerung vor Fälligkeit ({document}/{installment}, fällig am {due})",
        ["history.courtesy.text"] = "{open} offen, fällig am {due}; erinnert am {on}.",
        ["history.channel.email"] = "E-Mail",
        ["history.channel.post"] = "Post",
        ["history.pause"] = "Posten zurückgestellt",
        ["history.pause.until"] = "Posten zurückgestellt bis {until}",
        ["history.pause.ended"] = "Zurückstellung beendet",
        ["history.dueDate.changedTo"] = "Fälligkeit geändert auf {to}",
        ["history.dueDate.changed"] = "Fälligkeit geändert vom {from} auf den {to}",
        ["history.dueDate.installments"] = "Fälligkeit von {document} geändert: {changes}",
        ["history.dueDate.installment"] = "{installment} vom {from} auf den {to}",
        ["history.installment.regular"] = "Rate {number}",
        ["history.installment.prepayment"] = "Rate {number} (Anzahlung)",
        ["history.installment.remainder"] = "Rate {number} (Restzahlung)",
        ["history.agreement.made"] = "Ratenzahlungsvereinbarung: {count} Raten",
        ["history.agreement.changed"] = "Ratenzahlungsvereinbarung geändert: {count} Raten",
        ["history.agreement.deleted"] = "Ratenzahlungsvereinbarung gelöscht",
        ["history.agreement.broken"] = "Ratenzahlungsvereinbarung nicht eingehalten",
        ["history.agreement.brokenText"] = "Rate {installment} unbezahlt; die Posten gehen zurück ins Mahnwesen.",
        ["history.handOver.lawyer"] = "An Rechtsanwalt {recipient} übergeben",
        ["history.handOver.collectionAgency"] = "An Inkassobüro {recipient} übergeben",
        ["history.handOver.courtDunning"] = "Ins gerichtliche Mahnverfahren übergeben ({recipient})",
        ["history.followUp.due"] = "Fällig am {date}",
        ["history.credit.overridden"] = "Kreditprüfung übersteuert für {document}: {reasons}",
        ["history.credit.blockSet"] = "Sperre gesetzt: {level}",
        ["history.credit.blockLifted"] = "Sperre aufgehoben",
        ["history.salesDocument.quote"] = "ein Angebot",
        ["history.salesDocument.order"] = "einen Auftrag",
        ["history.salesDocument.delivery"] = "eine Lieferung",
        ["history.creditReason.manualBlock"] = "manuelle Sperre",
        ["history.creditReason.creditLimitExceeded"] = "Kreditlimit überschritten",
        ["history.creditReason.internalCreditLimitExceeded"] = "internes Kreditlimit überschritten",
        ["history.creditReason.overdue"] = "überfällige Posten",
        ["history.creditReason.internallyOverdue"] = "intern überfällige Posten",
        ["history.creditReason.deliveryStop"] = "Liefersperre",
        ["history.blockLevel.none"] = "keine",
        ["history.blockLevel.delivery"] = "Lieferungen",
        ["history.blockLevel.deliveryAndOrders"] = "Lieferungen und Aufträge",
        ["history.blockLevel.deliveryOrdersAndQuotes"] = "Lieferungen, Aufträge und Angebote",
        ["history.writeOff.discount"] = "Skonto gewährt mit Zahlung {payment}",
        ["history.writeOff.lateDiscount"] = "Verspätetes Skonto akzeptiert mit Zahlung {payment}",
        ["history.writeOff.tolerance"] = "Zahlungstoleranz: Differenz ausgebucht mit Zahlung {payment}",
        ["history.writeOff.surplus"] = "Zahlungstoleranz: Überzahlung ausgebucht mit Zahlung {payment}",
        ["history.writeOff.creditNoteTolerance"] = "Zahlungstoleranz: Differenz ausgebucht mit Gutschrift {creditNote}",
        ["history.writeOff.creditNoteSurplus"] = "Zahlungstoleranz: Überhang der Gutschrift {creditNote} ausgebucht",
    };

    private static Dictionary<string, string> English() => new()
    {
        ["history.dunning.subject"] = "Dunning letter level {level} ({letter})",
        ["history.dunning.runDateOverride"] = "Dunning run date override: letter {letter} dated {date}, processed on {processedOn}",
        ["history.insolvency.subject"] = "Insolvency proceedings opened on {date}",
        ["history.insolvency.text"] = "{court}, file no. {fileNumber}, insolvency administrator: {administrator}",
        ["history.courtesy.subject"] = "Courtesy reminder before the due date ({document}/{installment}, due {due})",
        ["history.courtesy.text"] = "{open} open, due {due}; reminded on {on}.",
        ["history.dunning.text"] = "To {recipient} by {channel}: {notices} notice(s) on this account, {lines} overdue item(s) listed, total due {total}, to be paid by {deadline}.",
        ["history.dunning.cancelled"] = "Dunning letter cancelled ({letter})",
        ["history.channel.email"] = "e-mail",
        ["history.channel.post"] = "post",
        ["history.pause"] = "Item paused",
        ["history.pause.until"] = "Item paused until {until}",
        ["history.pause.ended"] = "Pause ended",
        ["history.dueDate.changedTo"] = "Due date changed to {to}",
        ["history.dueDate.changed"] = "Due date changed from {from} to {to}",
        ["history.dueDate.installments"] = "Due date of {document} changed: {changes}",
        ["history.dueDate.installment"] = "{installment} from {from} to {to}",
        ["history.installment.regular"] = "installment {number}",
        ["history.installment.prepayment"] = "installment {number} (prepayment)",
        ["history.installment.remainder"] = "installment {number} (remainder)",
        ["history.agreement.made"] = "Payment agreement: {count} installments",
        ["history.agreement.changed"] = "Payment agreement changed: {count} installments",
        ["history.agreement.deleted"] = "Payment agreement deleted",
        ["history.agreement.broken"] = "Payment agreement broken",
        ["history.agreement.brokenText"] = "Installment {installment} unpaid; the items return to dunning.",
        ["history.handOver.lawyer"] = "Handed over to lawyer {recipient}",
        ["history.handOver.collectionAgency"] = "Handed over to collection agency {recipient}",
        ["history.handOver.courtDunning"] = "Handed over to the court dunning procedure ({recipient})",
        ["history.followUp.due"] = "Due {date}",
        ["history.credit.overridden"] = "Credit control overridden for {document}: {reasons}",
        ["history.credit.blockSet"] = "Block set: {level}",
        ["history.credit.blockLifted"] = "Block lifted",
        ["history.salesDocument.quote"] = "a quote",
        ["history.salesDocument.order"] = "an order",
        ["history.salesDocument.delivery"] = "a delivery",
        ["history.creditReason.manualBlock"] = "manual block",
        ["history.creditReason.creditLimitExceeded"] = "credit limit exceeded",
        ["history.creditReason.internalCreditLimitExceeded"] = "internal credit limit exceeded",
        ["history.creditReason.overdue"] = "overdue items",
        ["history.creditReason.internallyOverdue"] = "internally overdue items",
        ["history.creditReason.deliveryStop"] = "delivery stop",
        ["history.blockLevel.none"] = "none",
        ["history.blockLevel.delivery"] = "deliveries",
        ["history.blockLevel.deliveryAndOrders"] = "deliveries and orders",
        ["history.blockLevel.deliveryOrdersAndQuotes"] = "deliveries, orders and quotes",
        ["history.writeOff.discount"] = "Cash discount granted with payment {payment}",
        ["history.writeOff.lateDiscount"] = "Late cash discount accepted with payment {payment}",
        ["history.writeOff.tolerance"] = "Payment tolerance: difference written off with payment {payment}",
        ["history.writeOff.surplus"] = "Payment tolerance: overpayment written off with payment {payment}",
        ["history.writeOff.creditNoteTolerance"] = "Payment tolerance: difference written off with credit note {creditNote}",
        ["history.writeOff.creditNoteSurplus"] = "Payment tolerance: surplus of credit note {creditNote} written off",
    };
}
