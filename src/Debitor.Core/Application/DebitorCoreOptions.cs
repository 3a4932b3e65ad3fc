using Ardalis.GuardClauses;
using Debitor.Core.Documents;

namespace Debitor.Core.Application;

/// <summary>Settings of the application layer.</summary>
/// <remarks>Set once at start-up (e.g. in <c>AddDebitorCore</c>); read-only afterwards by convention.</remarks>
public sealed class DebitorCoreOptions
{
    private DateTimeZone _timeZone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private int _maxConcurrencyRetries = 3;
    private ReceivablesContact _receivablesContact = ReceivablesContact.Default;

    /// <summary>The company's time zone: "today" is the current date there. Default Europe/Berlin.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public DateTimeZone TimeZone
    {
        get => _timeZone;
        set => _timeZone = Guard.Against.Null(value, nameof(TimeZone));
    }

    /// <summary>How often a use case reloads and retries when another writer changed the account in between (default 3, 0 = never, at most 1,000).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number or more than 1,000.</exception>
    public int MaxConcurrencyRetries
    {
        get => _maxConcurrencyRetries;
        set => _maxConcurrencyRetries = Guard.Against.OutOfRange(value, nameof(MaxConcurrencyRetries), 0, 1_000);
    }

    /// <summary>Our receivables contact, printed on every receivables document (R3.5). Default <see cref="ReceivablesContact.Default"/>.</summary>
    /// <exception cref="ArgumentNullException">Set to <see langword="null"/>.</exception>
    public ReceivablesContact ReceivablesContact
    {
        get => _receivablesContact;
        set => _receivablesContact = Guard.Against.Null(value, nameof(ReceivablesContact));
    }

    /// <summary>The settings of the payment use cases.</summary>
    public PaymentOptions Payments { get; } = new();
}
