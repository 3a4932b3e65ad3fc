using System.Globalization;
using System.Text;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// Everything a letter is computed from besides the accounts' journals (D13.50): the run's request, settings, interest
/// schemes and contact, the notices the processed proposal allowed on the letter's accounts, the letter's own parameters
/// and totals, and the version (journal length) each account stood at when the letter was computed.
/// </summary>
internal sealed record LetterSource(
    RunContext Context,
    IReadOnlyList<NoticeKey>? Notices,
    (CustomerId Customer, long Version) Recipient,
    IReadOnlyList<(CustomerId Customer, long Version)>? Group,
    Currency Currency,
    int Level,
    SchemeId Scheme,
    LocalDate PaymentDeadline,
    LetterNumber? Number,
    bool Main,
    int OnlyLevel,
    LetterTotals Totals);

/// <summary>A notice a processed proposal allowed: the key <see cref="NoticeFilter"/> matches.</summary>
internal readonly record struct NoticeKey(CustomerId Customer, InstallmentRef Installment, int Level, int PreviousNotices, decimal Open);

/// <summary>The stored form of a letter: what it is derived from, and deriving it again (D13.50).</summary>
public sealed partial class DunningLetter
{
    /// <summary>What the letter was computed from besides the journals.</summary>
    internal LetterSource Source()
    {
        if (_source is { } kept)
        {
            return kept with { Number = Number };
        }

        var customers = Accounts.Select(a => a.Id).ToHashSet();
        return new LetterSource(
            new RunContext(_scope.Request, _scope.Settings, _scope.InterestSchemes, _scope.Contact),
            _scope.Filter?.NoticesOf(customers),
            (RecipientId, _recipientVersion),
            _group is null ? null : [.. _group.Select(a => (a.Id, a.Version))],
            Currency,
            Level,
            Scheme,
            PaymentDeadline,
            Number,
            _main,
            _onlyLevel,
            _totals);
    }

    /// <summary>
    /// Builds the letter again from its source and the accounts as they stood at the stored versions: the same inputs of
    /// the same constructor, so every member reads as on the letter first computed.
    /// </summary>
    /// <param name="source">What the letter was computed from.</param>
    /// <param name="recipient">The recipient's account at its stored version.</param>
    /// <param name="group">For a payer's letter, the accounts routed to it at their stored versions, in stored order.</param>
    /// <exception cref="ArgumentException">The settings have no scheme of the letter's id, or its level is beyond the scheme's levels.</exception>
    internal static DunningLetter Derive(LetterSource source, CustomerAccount recipient, IReadOnlyList<CustomerAccount>? group)
    {
        if (!source.Context.Settings.Schemes.TryGetValue(source.Scheme, out var scheme))
        {
            throw new ArgumentException($"The stored dunning settings have no scheme '{source.Scheme}'.", nameof(source));
        }

        if (source.Level < 1 || source.Level > scheme.Levels.Count)
        {
            throw new ArgumentException($"Scheme '{source.Scheme}' has no level {source.Level}.", nameof(source));
        }

        IReadOnlyList<CustomerAccount> accounts = group is null ? [recipient] : [.. group, recipient];
        var filter = source.Notices is null ? null : NoticeFilter.Of(source.Notices);
        var scope = new RunScope(source.Context, accounts, filter);
        return new DunningLetter(
            scope,
            recipient,
            source.Currency,
            source.Level,
            scheme,
            source.PaymentDeadline,
            group is null ? recipient : null,
            group is null ? null : [.. group],
            source.Totals,
            source.OnlyLevel,
            source.Main)
        {
            Number = source.Number,
        };
    }

    /// <summary>
    /// A hash of what the letter states (header, recipient, every line, credit, fee and debtor, totals): a letter derived
    /// again must state exactly what the first one stated, or it is refused rather than delivered.
    /// </summary>
    /// <returns>Lower-case hexadecimal SHA-256.</returns>
    internal string ContentHash()
    {
        // One builder per thread, cleared (D16.203); amounts formatted into it without a string each.
        var text = t_contentText ??= new StringBuilder(4096);
        text.Clear();
        var invariant = CultureInfo.InvariantCulture;
        static MoneyText M(Money money) => new(money);
        static IsoDay D(LocalDate date) => new(date);
        text.Append(invariant, $"{Id}|{Number}|{RecipientId}|{Recipient.Number}|{Recipient.Name}|{Level}|{Scheme}|{HeaderTextKey}|{FooterTextKey}|{D(LetterDate)}|{D(PaymentDeadline)}").Append('\n');
        text.Append(invariant, $"{RecipientAddress}|{RecipientEmail}|{Medium}|{Attachments}|{Contact.Name}|{Contact.Phone}|{Contact.Email}").Append('\n');
        foreach (var line in Lines.Concat(ItemsNotYetDue))
        {
            text.Append(invariant, $"L|{line.Customer}|{line.CustomerName}|{line.Installment.Item}|{line.Installment.Number}|{line.DocumentNumber}|{D(line.DocumentDate)}|{D(line.DueDate)}|{line.Status}|{line.Level}|{M(line.Amount)}|{M(line.OpenAmount)}|{M(line.Fee)}|{M(line.Interest)}|{line.InterestPeriods.Count}").Append('\n');
            foreach (var period in line.InterestPeriods)
            {
                text.Append(invariant, $"P|{D(period.FirstDay)}|{D(period.LastDay)}|{period.Days}|{period.AnnualRatePercent}|{M(period.Principal)}|{M(period.Amount)}").Append('\n');
            }
        }

        foreach (var credit in Credits)
        {
            text.Append(invariant, $"C|{credit.Customer}|{credit.Item}|{credit.DocumentNumber}|{M(credit.OpenAmount)}").Append('\n');
        }

        foreach (var fee in Fees)
        {
            text.Append(invariant, $"F|{fee.Kind}|{M(fee.Amount)}|{fee.Level}|{fee.Customer}|{fee.Installment?.Item}|{fee.Installment?.Number}").Append('\n');
        }

        foreach (var debtor in Debtors)
        {
            text.Append(invariant, $"D|{debtor.Id}|{debtor.Number}|{debtor.Name}|{debtor.IsConsumer}").Append('\n');
        }

        text.Append(invariant, $"T|{M(OverdueTotal)}|{M(CreditTotal)}|{M(FeeTotal)}|{M(InterestTotal)}|{M(TotalDue)}|{M(NotYetDueTotal)}|{NoticeCount}").Append('\n');
        var hash = Serialization.Utf8Sha256.Of(text);
        if (text.Capacity > 1 << 16)
        {
            t_contentText = null;
        }

        return hash;
    }

    [ThreadStatic]
    private static StringBuilder? t_contentText;

    /// <summary>
    /// A date as the content hash states it, <c>yyyy-MM-dd</c> as NodaTime's invariant pattern writes it, written in place
    /// without the pattern for the years 1 to 9999 (D16.282); any other year goes through the pattern.
    /// </summary>
    internal readonly struct IsoDay(LocalDate date) : ISpanFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            var year = date.Year;
            if (year is < 1 or > 9999)
            {
                var text = ToString(null, null);
                var copied = text.TryCopyTo(destination);
                charsWritten = copied ? text.Length : 0;
                return copied;
            }

            charsWritten = 10;
            if (destination.Length < 10)
            {
                charsWritten = 0;
                return false;
            }

            Digits(destination, year, 4);
            destination[4] = '-';
            Digits(destination[5..], date.Month, 2);
            destination[7] = '-';
            Digits(destination[8..], date.Day, 2);
            return true;
        }

        private static void Digits(Span<char> destination, int value, int count)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                destination[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        }
    }

    /// <summary>An amount as the content hash states it: <c>{amount} {currency code}</c>, invariant, written in place.</summary>
    private readonly struct MoneyText(Money money) : ISpanFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            string.Create(CultureInfo.InvariantCulture, $"{money.Amount} {money.Currency.Code}");

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            destination.TryWrite(CultureInfo.InvariantCulture, $"{money.Amount} {money.Currency.Code}", out charsWritten);
    }
}

/// <summary>The notices of a filter, for storing a letter's source (D13.50).</summary>
internal sealed partial class NoticeFilter
{
    /// <summary>A filter of exactly these notices.</summary>
    internal static NoticeFilter Of(IEnumerable<NoticeKey> notices)
    {
        var filter = new NoticeFilter();
        foreach (var notice in notices)
        {
            filter._notices.Add((notice.Customer, notice.Installment, notice.Level, notice.PreviousNotices, notice.Open));
        }

        return filter;
    }
}
