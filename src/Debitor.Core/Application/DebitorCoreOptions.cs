using Ardalis.GuardClauses;
using Debitor.Core.Documents;

namespace Debitor.Core.Application;

/// <summary>Settings of the application layer.</summary>
/// <remarks>
/// Set once at start-up (in <c>AddDebitorCore</c>, in code or from configuration); read-only afterwards by convention.
/// A host built with <c>AddDebitorCore</c> must set <see cref="TimeZone"/> and <see cref="ReceivablesContact"/>: the
/// defaults below serve code that creates the options itself (tests, samples), never a host by accident (D14.21).
/// </remarks>
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
        set
        {
            _timeZone = Guard.Against.Null(value, nameof(TimeZone));
            TimeZoneSet = true;
        }
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
        set
        {
            _receivablesContact = Guard.Against.Null(value, nameof(ReceivablesContact));
            ReceivablesContactSet = true;
        }
    }

    /// <summary>The settings of the payment use cases.</summary>
    public PaymentOptions Payments { get; } = new();

    /// <summary>Whether the host set <see cref="TimeZone"/>; a host built with <c>AddDebitorCore</c> must (D14.21).</summary>
    internal bool TimeZoneSet { get; private set; }

    /// <summary>Whether the host set <see cref="ReceivablesContact"/>; a host built with <c>AddDebitorCore</c> must (D14.21).</summary>
    internal bool ReceivablesContactSet { get; private set; }

    /// <summary>What configuration binding could not read; reported by the start-up validation.</summary>
    internal List<string> ConfigurationErrors { get; } = [];
}
