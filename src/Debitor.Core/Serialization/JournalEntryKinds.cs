using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Debitor.Core.Ledger;

namespace Debitor.Core.Serialization;

/// <summary>
/// The journal format's entry kinds: one line per kind, with its discriminator written into every document.
/// A discriminator is part of the stored format and never changes once released, even when the C# type is renamed.
/// </summary>
/// <remarks>
/// To add an entry kind: add a <see cref="JsonSerializableAttribute"/> line to <see cref="JournalJsonContext"/>, add a line
/// here, and regenerate the golden files (<c>docs/storage.md</c>). A test fails while a kind misses either.
/// </remarks>
internal static class JournalEntryKinds
{
    private static readonly Kind[] All =
    [
        Of<CustomerRegistered>("CustomerRegistered"),
        Of<CustomerSettingsChanged>("CustomerSettingsChanged"),
        Of<CustomerArchived>("CustomerArchived"),
        Of<InvoicePosted>("InvoicePosted"),
        Of<ChargePosted>("ChargePosted"),
        Of<CreditNotePosted>("CreditNotePosted"),
        Of<PaymentReceived>("PaymentReceived"),
        Of<RefundPosted>("RefundPosted"),
        Of<WriteOffPosted>("WriteOffPosted"),
        Of<PaymentApplied>("PaymentApplied"),
        Of<PaymentReturned>("PaymentReturned"),
        Of<EntryReversed>("EntryReversed"),
        Of<ItemPaused>("ItemPaused"),
        Of<ItemResumed>("ItemResumed"),
        Of<DueDateChanged>("DueDateChanged"),
        Of<CommunicationRecorded>("CommunicationRecorded"),
        Of<DunningNoticeIssued>("DunningNoticeIssued"),
        Of<DunningLetterCancelled>("DunningLetterCancelled"),
        Of<PaymentAgreementMade>("PaymentAgreementMade"),
        Of<PaymentAgreementBroken>("PaymentAgreementBroken"),
        Of<PaymentAgreementDeleted>("PaymentAgreementDeleted"),
        Of<ItemsHandedOver>("ItemsHandedOver"),
        Of<HandOverClosed>("HandOverClosed"),
        Of<EmailStatusChanged>("EmailStatusChanged"),
        Of<CommentPinned>("CommentPinned"),
        Of<FollowUpCreated>("FollowUpCreated"),
        Of<FollowUpDone>("FollowUpDone"),
        Of<FileAttached>("FileAttached"),
        Of<MasterDataChanged>("MasterDataChanged"),
        Of<CreditBlockSet>("CreditBlockSet"),
        Of<CreditBlockLifted>("CreditBlockLifted"),
        Of<CreditControlOverridden>("CreditControlOverridden"),
        Of<CreditWrittenOff>("CreditWrittenOff"),
        Of<ClaimDelegated>("ClaimDelegated"),
        Of<PaymentAgreementAmended>("PaymentAgreementAmended"),
        Of<DunningLetterNumbered>("DunningLetterNumbered"),
        Of<InsolvencyOpened>("InsolvencyOpened"),
    ];

    private static readonly Dictionary<string, Kind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);
    private static readonly Dictionary<Type, Kind> ByType = All.ToDictionary(k => k.Type);
    private static readonly Dictionary<string, Kind>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every discriminator, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    /// <summary>Every entry type with a discriminator.</summary>
    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Kind? kind) =>
        ByName.TryGetValue(name, out kind);

    /// <summary>Looks up the kind a reader stands on (a JSON string) without allocating its name.</summary>
    public static bool TryGet(ref System.Text.Json.Utf8JsonReader reader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Kind? kind)
    {
        kind = null;
        Span<char> name = stackalloc char[64];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length <= name.Length && ByNameSpan.TryGetValue(name[..reader.CopyString(name)], out kind);
    }

    public static Kind For(JournalEntry entry) =>
        ByType.TryGetValue(entry.GetType(), out var kind)
            ? kind
            : throw new ArgumentException($"Entry kind {entry.GetType().Name} has no discriminator in the journal format.", nameof(entry));

    private static Kind Of<T>(string name)
        where T : JournalEntry => new(name, typeof(T));

    internal sealed class Kind(string name, Type type)
    {
        private readonly Lazy<JsonTypeInfo> _typeInfo = new(() => JournalJsonContext.Strict.GetTypeInfo(type));

        public string Name { get; } = name;

        public Type Type { get; } = type;

        /// <summary>The discriminator, encoded once for writing.</summary>
        public System.Text.Json.JsonEncodedText Utf8Name { get; } = System.Text.Json.JsonEncodedText.Encode(name);

        public JsonTypeInfo TypeInfo => _typeInfo.Value;

        /// <summary>The hand-written reader and writer of the kind, if it has one (D13.60).</summary>
        public EntryCodec? Codec { get; } = JournalEntryCodecs.For(type);
    }
}
