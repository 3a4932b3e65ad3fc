using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Debitor.Core.Collections;
using Debitor.Core.Communication;
using Debitor.Core.Credit;
using Debitor.Core.Customers;
using Debitor.Core.FollowUps;
using Debitor.Core.Ledger;

namespace Debitor.Core.Serialization;

/// <summary>
/// Source-generated metadata for every entry kind (no reflection at run time) and the strict options the journal
/// format is read with: every member must be present, no unknown member is accepted, enums are names, and a
/// <see langword="null"/> is accepted only where the type allows one.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CustomerRegistered))]
[JsonSerializable(typeof(CustomerSettingsChanged))]
[JsonSerializable(typeof(CustomerArchived))]
[JsonSerializable(typeof(InvoicePosted))]
[JsonSerializable(typeof(ChargePosted))]
[JsonSerializable(typeof(CreditNotePosted))]
[JsonSerializable(typeof(PaymentReceived))]
[JsonSerializable(typeof(RefundPosted))]
[JsonSerializable(typeof(WriteOffPosted))]
[JsonSerializable(typeof(PaymentApplied))]
[JsonSerializable(typeof(PaymentReturned))]
[JsonSerializable(typeof(EntryReversed))]
[JsonSerializable(typeof(ItemPaused))]
[JsonSerializable(typeof(ItemResumed))]
[JsonSerializable(typeof(DueDateChanged))]
[JsonSerializable(typeof(CommunicationRecorded))]
[JsonSerializable(typeof(DunningNoticeIssued))]
[JsonSerializable(typeof(DunningLetterCancelled))]
[JsonSerializable(typeof(PaymentAgreementMade))]
[JsonSerializable(typeof(PaymentAgreementBroken))]
[JsonSerializable(typeof(PaymentAgreementDeleted))]
[JsonSerializable(typeof(ItemsHandedOver))]
[JsonSerializable(typeof(HandOverClosed))]
[JsonSerializable(typeof(EmailStatusChanged))]
[JsonSerializable(typeof(CommentPinned))]
[JsonSerializable(typeof(FollowUpCreated))]
[JsonSerializable(typeof(FollowUpDone))]
[JsonSerializable(typeof(FileAttached))]
[JsonSerializable(typeof(MasterDataChanged))]
[JsonSerializable(typeof(CreditBlockSet))]
[JsonSerializable(typeof(CreditBlockLifted))]
[JsonSerializable(typeof(CreditControlOverridden))]
[JsonSerializable(typeof(CreditWrittenOff))]
[JsonSerializable(typeof(ClaimDelegated))]
[JsonSerializable(typeof(PaymentAgreementAmended))]
[JsonSerializable(typeof(Instant))]
[JsonSerializable(typeof(UserId))]
internal sealed partial class JournalJsonContext : JsonSerializerContext
{
    private static readonly Lazy<JsonSerializerOptions> StrictOptions = new(CreateOptions);

    /// <summary>The options every journal document is written and read with.</summary>
    public static JsonSerializerOptions Strict => StrictOptions.Value;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new JournalJsonContext().WithAddedModifier(MakeStrict),
        };
        foreach (var converter in JournalJsonConverters.All())
        {
            options.Converters.Add(converter);
        }

        options.Converters.Add(new StrictEnumConverter<ContactChannel>());
        options.Converters.Add(new StrictEnumConverter<DocumentRecipient>());
        options.Converters.Add(new StrictEnumConverter<CreditInsuranceStatus>());
        options.Converters.Add(new StrictEnumConverter<ChargeKind>());
        options.Converters.Add(new StrictEnumConverter<PaymentMethod>());
        options.Converters.Add(new StrictEnumConverter<ReturnKind>());
        options.Converters.Add(new StrictEnumConverter<CommunicationKind>());
        options.Converters.Add(new StrictEnumConverter<HandOverKind>());
        options.Converters.Add(new StrictEnumConverter<HandOverOutcome>());
        options.Converters.Add(new StrictEnumConverter<EmailStatus>());
        options.Converters.Add(new StrictEnumConverter<FollowUpKind>());
        options.Converters.Add(new StrictEnumConverter<CreditBlockLevel>());
        options.Converters.Add(new StrictEnumConverter<SalesDocumentKind>());
        options.Converters.Add(new StrictEnumConverter<CreditRefusalReason>());
        options.Converters.Add(new StrictEnumConverter<AddressKind>());
        options.Converters.Add(new StrictEnumConverter<DocumentKind>());
        options.Converters.Add(new StrictEnumConverter<OutputMedium>());
        options.Converters.Add(new StrictEnumConverter<PaymentMethodKind>());
        options.Converters.Add(new StrictEnumConverter<SepaScheme>());
        options.Converters.Add(new StrictEnumConverter<InstallmentKind>());
        options.Converters.Add(new StrictEnumConverter<Communication.JournalTextArgumentKind>());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Keeps only members that carry state (a setter or a constructor parameter): computed members are not stored.
    /// Every kept member is required, so a missing member is an error instead of a default value.
    /// </summary>
    private static void MakeStrict(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type.IsEnum && !typeInfo.Options.Converters.OfType<IStrictEnumConverter>().Any(c => c.EnumType == typeInfo.Type))
        {
            throw new InvalidOperationException($"Enum {typeInfo.Type.Name} is reachable from a journal entry but has no strict converter in {nameof(JournalJsonContext)}.");
        }

        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                typeInfo.Properties.RemoveAt(i);
                continue;
            }

            if (property.Set is null)
            {
                // Bound to a constructor parameter: the value goes through the constructor; the no-op setter only lets
                // the member be required, so an optional parameter left out of a document is an error, not its default.
                property.Set = static (_, _) => { };
            }

            property.IsRequired = true;
        }
    }
}
