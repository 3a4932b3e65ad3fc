using System.Text.Json;
using System.Text.Json.Serialization;
using Debitor.Core.Dunning;
using Debitor.Core.Payments;

namespace Debitor.Core.Serialization;

/// <summary>Our receivables contact as stored on every document.</summary>
internal sealed record ContactData(string Name, string? Phone, string? Email);

/// <summary>An installment reference: the item and the installment's number.</summary>
internal sealed record InstallmentData(EntryId Item, int Number);

/// <summary>The stored shape of a <see cref="Documents.PaymentAdvice"/>.</summary>
internal sealed record PaymentAdviceData(
    string Id,
    LocalDate Date,
    CustomerId Customer,
    CustomerId Recipient,
    ContactData Contact,
    EntryId Payment,
    Money Amount,
    LocalDate ValueDate,
    IReadOnlyList<PaymentAdviceLineData> Lines,
    Money UnappliedCredit);

/// <summary>The stored shape of a <see cref="Documents.PaymentAdviceLine"/>.</summary>
internal sealed record PaymentAdviceLineData(
    CustomerId Customer,
    string DocumentNumber,
    InstallmentData Target,
    ClaimComponent Component,
    Money Paid,
    Money CashDiscount,
    Money WrittenOff,
    Money RemainingOpen);

/// <summary>The stored shape of a <see cref="Documents.DifferenceNotification"/>.</summary>
internal sealed record DifferenceNotificationData(
    string Id,
    LocalDate Date,
    CustomerId Customer,
    CustomerId Recipient,
    ContactData Contact,
    EntryId Payment,
    EntryId Item,
    string DocumentNumber,
    Money Owed,
    Money Paid,
    Money RemainingOpen);

/// <summary>The stored shape of a <see cref="Documents.WriteOffNotification"/>.</summary>
internal sealed record WriteOffNotificationData(
    string Id,
    LocalDate Date,
    CustomerId Customer,
    CustomerId Recipient,
    ContactData Contact,
    IReadOnlyList<WriteOffLineData> Lines);

/// <summary>The stored shape of a <see cref="Documents.WriteOffLine"/>.</summary>
internal sealed record WriteOffLineData(string DocumentNumber, InstallmentData Target, Money Amount, string Reason);

/// <summary>The stored shape of an <see cref="Interest.InterestInvoice"/> (its id is its number).</summary>
internal sealed record InterestInvoiceData(
    string Number,
    LocalDate Date,
    CustomerId Customer,
    CustomerId Recipient,
    ContactData Contact,
    Currency Currency,
    LocalDate PaymentDueDate,
    IReadOnlyList<InterestInvoiceLineData> Lines,
    IReadOnlyList<InterestInvoiceItemData> Items,
    Money InterestTotal,
    Money RecoveryCompensationTotal);

/// <summary>The stored shape of an <see cref="Interest.InterestInvoiceLine"/>.</summary>
internal sealed record InterestInvoiceLineData(EntryId Item, string DocumentNumber, InterestPeriodData Period);

/// <summary>The stored shape of an <see cref="Interest.ItemInterestPeriod"/>.</summary>
internal sealed record InterestPeriodData(InstallmentData Installment, LocalDate FirstDay, LocalDate LastDay, int Days, decimal AnnualRatePercent, Money Principal, Money Amount);

/// <summary>The stored shape of an <see cref="Interest.InterestInvoiceItem"/>.</summary>
internal sealed record InterestInvoiceItemData(EntryId Item, string DocumentNumber, Money Interest, Money RecoveryCompensation, IReadOnlyList<InstallmentInterestData> Installments);

/// <summary>The stored shape of an <see cref="Interest.InstallmentInterest"/>.</summary>
internal sealed record InstallmentInterestData(InstallmentData Installment, Money Total);

/// <summary>
/// The stored shape of a <see cref="Documents.DunningLetterDocument"/> (D13.50, format 2 since D16.200): not the letter's
/// lines, but everything the letter is computed from besides the journals — the run's source (<see cref="Run"/>), the
/// notices the processed proposal allowed, the letter's own parameters and totals, and the version each account stood at.
/// Reading derives the letter again from those journal prefixes (which never change) and checks it against
/// <see cref="ContentHash"/>. <see cref="Run"/> is the run's source: a <see cref="RunSourceData"/> object written inline,
/// or the lower-case hexadecimal SHA-256 (a JSON string) of the run source document a database outbox stores apart, once
/// per run (D16.200).
/// </summary>
internal sealed record DunningLetterData(
    string Id,
    JsonElement Run,
    IReadOnlyList<NoticeData>? Notices,
    AccountVersionData Recipient,
    IReadOnlyList<AccountVersionData>? Group,
    Currency Currency,
    int Level,
    SchemeId Scheme,
    LocalDate PaymentDeadline,
    LetterNumberData? Number,
    bool Main,
    int OnlyLevel,
    LetterTotalsData Totals,
    string ContentHash);

/// <summary>
/// What every letter of a run shares (D16.200): the run request, the company's dunning settings and interest schemes as
/// the run read them (<see cref="SettingsJson"/> documents) and our contact.
/// </summary>
internal sealed record RunSourceData(
    DunningRunData Request,
    JsonElement DunningSettings,
    JsonElement InterestSchemes,
    ContactData Contact);

/// <summary>The stored shape of a <see cref="DunningRunRequest"/>.</summary>
internal sealed record DunningRunData(
    string RunId,
    CompanyId Company,
    LocalDate AsOf,
    BranchId? Branch,
    CustomerId? Customer,
    int? Level,
    DunningRunMode Mode,
    bool OnlyWhenCreditLimitExceeded,
    bool PostFees,
    string? RunDateOverride,
    LocalDate? LimitationWarningHorizon,
    bool IssueNoticesNow);

/// <summary>An account and the version (journal length) the letter was computed from.</summary>
internal sealed record AccountVersionData(CustomerId Customer, long Version);

/// <summary>A notice the processed proposal allowed: customer, installment, level, notices before and open amount.</summary>
internal sealed record NoticeData(CustomerId Customer, InstallmentData Installment, int Level, int PreviousNotices, decimal Open);

/// <summary>The stored shape of a <see cref="Ledger.LetterNumber"/>.</summary>
internal sealed record LetterNumberData(int Year, int Sequence);

/// <summary>The letter's totals as tallied by the run, in the letter's currency.</summary>
internal sealed record LetterTotalsData(decimal Overdue, decimal Credit, decimal PerLetterFee, decimal TieredFee, decimal ItemFees, decimal Interest, decimal NotYetDue, int Notices);

/// <summary>Source-generated metadata of the document format (<see cref="DocumentJson"/>; no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PaymentAdviceData))]
[JsonSerializable(typeof(DifferenceNotificationData))]
[JsonSerializable(typeof(WriteOffNotificationData))]
[JsonSerializable(typeof(InterestInvoiceData))]
[JsonSerializable(typeof(DunningLetterData))]
[JsonSerializable(typeof(RunSourceData))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext
{
    private static readonly Lazy<JsonSerializerOptions> StrictOptions = new(CreateOptions);

    /// <summary>The options every document is written and read with (strict, as the journal format).</summary>
    public static JsonSerializerOptions Strict => StrictOptions.Value;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = JournalJsonConverters.StrictOptions(new DocumentJsonContext());
        options.Converters.Add(new StrictEnumConverter<ClaimComponent>());
        options.Converters.Add(new StrictEnumConverter<DunningRunMode>());
        options.MakeReadOnly();
        return options;
    }
}
