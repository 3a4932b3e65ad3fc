using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;
using Debitor.Core.Documents;
using Debitor.Core.Dunning;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using Debitor.Core.Ports;

namespace Debitor.Core.Serialization;

/// <summary>
/// The stored format of the documents of the outbox (<see cref="IDocumentOutbox"/>): payment advices, difference and
/// write-off notifications, interest invoices and dunning letters. Built on the journal format's JSON infrastructure
/// (source generation, an explicit kind per document type, money as decimal string plus currency, strict reading, a
/// format version with an upgrade path); see <c>docs/outbox.md</c>.
/// </summary>
/// <remarks>
/// <para>A document is <c>{"format":2,"kind":"PaymentAdvice","document":{…}}</c>. Every document type except the
/// dunning letter is plain data and stored member by member. A dunning letter is a view computed from account views, so
/// it is stored as what it is computed from besides the journals (the run's source — run request, settings and interest
/// schemes as the run read them, our contact —, the allowed notices, the letter's parameters and totals, the version each
/// account stood at) and derived again from those journal prefixes, which never change, when it is read (D13.50). A hash
/// of what the letter states is stored with it: a letter derived again that would state anything else is refused with
/// <see cref="JournalFormatException"/>, never delivered.</para>
/// <para>The run's source is the same for every letter of a run. <see cref="Serialize"/> writes it inside the letter
/// (<c>"run":{…}</c>); the database outboxes store it once per run, apart, and the letter refers to it by its SHA-256
/// (<c>"run":"…"</c>, D16.200). A letter so written is read through the outbox that stored it.</para>
/// <para>Reading is strict: a missing or unknown member, an unknown format version or kind, or a value the domain refuses
/// throws <see cref="JournalFormatException"/>.</para>
/// </remarks>
public static partial class DocumentJson
{
    /// <summary>The document format version this library writes.</summary>
    public const int FormatVersion = 2;

    /// <summary>The oldest format version this library reads (older documents are upgraded step by step when read).</summary>
    public const int OldestReadableFormatVersion = 0;

    private const string PaymentAdviceKind = "PaymentAdvice";
    private const string DifferenceNotificationKind = "DifferenceNotification";
    private const string WriteOffNotificationKind = "WriteOffNotification";
    private const string InterestInvoiceKind = "InterestInvoice";
    internal const string DunningLetterKind = "DunningLetter";

    /// <summary>Every document kind of the format, in a fixed order.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [PaymentAdviceKind, DifferenceNotificationKind, WriteOffNotificationKind, InterestInvoiceKind, DunningLetterKind];

    /// <summary>The kind a document is stored under.</summary>
    /// <param name="document">The document.</param>
    /// <returns>One of <see cref="Kinds"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The document is of a type the format does not know.</exception>
    public static string KindOf(ReceivablesDocument document) => Guard.Against.Null(document) switch
    {
        PaymentAdvice => PaymentAdviceKind,
        DifferenceNotification => DifferenceNotificationKind,
        WriteOffNotification => WriteOffNotificationKind,
        InterestInvoice => InterestInvoiceKind,
        DunningLetterDocument => DunningLetterKind,
        _ => throw new ArgumentException($"Documents of type {document.GetType().Name} have no stored format.", nameof(document)),
    };

    /// <summary>Writes a document as a JSON document of the current format version.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The document is of a type the format does not know.</exception>
    public static string Serialize(ReceivablesDocument document) => Write(document, apart: false, out _);

    /// <summary>
    /// Writes a document as a database outbox stores it (D16.200): as <see cref="Serialize"/>, except that a dunning letter
    /// refers to its run's source by the source's SHA-256 instead of holding it; <paramref name="source"/> is that source,
    /// to be stored once (the same instance for every letter of a run), or <see langword="null"/> for other documents.
    /// </summary>
    internal static string SerializeForOutbox(ReceivablesDocument document, out StoredRunSource? source) => Write(document, apart: true, out source);

    private static string Write(ReceivablesDocument document, bool apart, out StoredRunSource? source)
    {
        // Written straight into one buffer (D16.66): the envelope, then the body with its source-generated type info.
        var kind = KindOf(document);
        source = null;
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", FormatVersion);
            writer.WriteString("kind", kind);
            writer.WritePropertyName("document");
            switch (document)
            {
                case PaymentAdvice advice:
                    Write(writer, ToData(advice));
                    break;
                case DifferenceNotification difference:
                    Write(writer, ToData(difference));
                    break;
                case WriteOffNotification writeOff:
                    Write(writer, ToData(writeOff));
                    break;
                case InterestInvoice invoice:
                    Write(writer, ToData(invoice));
                    break;
                default:
                    var letter = ((DunningLetterDocument)document).Letter;
                    var letterSource = letter.Source();
                    source = StoredRunSource.Of(letterSource.Context);
                    Write(writer, ToData(letter, letterSource, apart ? source.Reference : source.Inline));
                    break;
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads a document written by <see cref="Serialize"/> (of this or an older format version). A dunning letter is
    /// derived again from the journals of <paramref name="journals"/> as they stood when it was computed.
    /// </summary>
    /// <param name="json">The JSON document.</param>
    /// <param name="journals">The store holding the journals of the letter's accounts (not read for other documents).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="journals"/> is <see langword="null"/>.</exception>
    /// <exception cref="JournalFormatException">The document is malformed, of an unknown version or kind, holds a value the
    /// domain refuses, or is a letter that can no longer be derived exactly as it was queued.</exception>
    public static ValueTask<ReceivablesDocument> DeserializeAsync(string json, ICustomerAccountStore journals, CancellationToken cancellationToken) =>
        DeserializeAsync(json, journals, null, cancellationToken);

    /// <summary>
    /// Reads a document as <see cref="DeserializeAsync(string, ICustomerAccountStore, CancellationToken)"/> does; a dunning
    /// letter that refers to its run's source by SHA-256 (D16.200) gets it from <paramref name="sourceApart"/>.
    /// </summary>
    internal static async ValueTask<ReceivablesDocument> DeserializeAsync(string json, ICustomerAccountStore journals, Func<string, CancellationToken, ValueTask<RunContext>>? sourceApart, CancellationToken cancellationToken)
    {
        Guard.Against.Null(json);
        Guard.Against.Null(journals);
        var (kind, body) = Open(json);
        return kind switch
        {
            PaymentAdviceKind => Build<PaymentAdviceData, ReceivablesDocument>(kind, Read<PaymentAdviceData>(kind, body), FromData),
            DifferenceNotificationKind => Build<DifferenceNotificationData, ReceivablesDocument>(kind, Read<DifferenceNotificationData>(kind, body), FromData),
            WriteOffNotificationKind => Build<WriteOffNotificationData, ReceivablesDocument>(kind, Read<WriteOffNotificationData>(kind, body), FromData),
            InterestInvoiceKind => Build<InterestInvoiceData, ReceivablesDocument>(kind, Read<InterestInvoiceData>(kind, body), FromData),
            DunningLetterKind => await DeriveAsync(Read<DunningLetterData>(kind, body), journals, sourceApart, cancellationToken).ConfigureAwait(false),
            _ => throw new JournalFormatException($"unknown document kind '{kind}' (known: {string.Join(", ", Kinds)}).", kind),
        };
    }

    /// <summary>Opens the envelope: checks the format version, upgrades an older document, returns kind and body.</summary>
    private static (string Kind, JsonObject Body) Open(string json)
    {
        JsonObject document;
        try
        {
            document = JsonNode.Parse(json) as JsonObject ?? throw new JournalFormatException("the document is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new JournalFormatException(ex.Message, innerException: ex);
        }

        if (!document.TryGetPropertyValue("format", out var formatNode) || formatNode is not JsonValue formatValue || !formatValue.TryGetValue<int>(out var format))
        {
            throw new JournalFormatException("the document has no format version.");
        }

        if (format < OldestReadableFormatVersion || format > FormatVersion)
        {
            throw new JournalFormatException($"format version {format} is not readable (this library reads {OldestReadableFormatVersion} to {FormatVersion}).");
        }

        for (var version = format; version < FormatVersion; version++)
        {
            document = Upgrade(version, document);
        }

        if (document.Count != 3 || document["kind"] is not JsonValue kindValue || !kindValue.TryGetValue<string>(out var kind))
        {
            throw new JournalFormatException("the document needs exactly 'format', 'kind' (a string) and 'document'.");
        }

        if (document["document"] is not JsonObject body)
        {
            throw new JournalFormatException("'document' must be a JSON object.", kind);
        }

        return (kind, body);
    }

    /// <summary>
    /// The upgrade path: one step per format version. Version 0 (the draft layout) kept the document's members beside
    /// <c>format</c> and named the kind <c>"type"</c>: <c>{"format":0,"type":"PaymentAdvice","id":"…",…}</c>; version 1 nests
    /// them under <c>"document"</c> and names the kind <c>"kind"</c>. Version 2 (D16.200) gathers a dunning letter's run
    /// request (<c>"run"</c>), <c>"dunningSettings"</c>, <c>"interestSchemes"</c> and <c>"contact"</c> into one member
    /// <c>"run":{"request":…,"dunningSettings":…,"interestSchemes":…,"contact":…}</c>; other kinds are unchanged.
    /// </summary>
    private static JsonObject Upgrade(int from, JsonObject document) => from switch
    {
        0 => UpgradeFromDraft(document),
        1 => UpgradeFromVersion1(document),
        _ => throw new JournalFormatException($"no upgrade from document format version {from} exists."),
    };

    private static JsonObject UpgradeFromVersion1(JsonObject document)
    {
        var upgraded = new JsonObject();
        foreach (var (name, value) in document)
        {
            upgraded[name] = name switch
            {
                "format" => 2,
                "document" when document["kind"] is JsonValue kind && kind.TryGetValue<string>(out var text) && text == DunningLetterKind && value is JsonObject body => UpgradeLetterFromVersion1(body),
                _ => value?.DeepClone(),
            };
        }

        return upgraded;
    }

    private static JsonObject UpgradeLetterFromVersion1(JsonObject body)
    {
        string[] shared = ["run", "dunningSettings", "interestSchemes", "contact"];
        if (shared.Any(name => !body.ContainsKey(name)))
        {
            throw new JournalFormatException("a format 1 dunning letter needs 'run', 'dunningSettings', 'interestSchemes' and 'contact'.", DunningLetterKind);
        }

        var letter = new JsonObject();
        foreach (var (name, value) in body)
        {
            if (name == "run")
            {
                letter["run"] = new JsonObject
                {
                    ["request"] = value?.DeepClone(),
                    ["dunningSettings"] = body["dunningSettings"]?.DeepClone(),
                    ["interestSchemes"] = body["interestSchemes"]?.DeepClone(),
                    ["contact"] = body["contact"]?.DeepClone(),
                };
            }
            else if (Array.IndexOf(shared, name) < 0)
            {
                letter[name] = value?.DeepClone();
            }
        }

        return letter;
    }

    private static JsonObject UpgradeFromDraft(JsonObject document)
    {
        if (!document.TryGetPropertyValue("type", out var type))
        {
            throw new JournalFormatException("a format 0 document needs 'type' (the document kind).");
        }

        var body = new JsonObject();
        foreach (var (name, value) in document)
        {
            if (name is not ("format" or "type"))
            {
                body[name] = value?.DeepClone();
            }
        }

        return new JsonObject { ["format"] = 1, ["kind"] = type?.DeepClone(), ["document"] = body };
    }

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)DocumentJsonContext.Strict.GetTypeInfo(typeof(T));

    private static void Write<T>(Utf8JsonWriter writer, T data) => JsonSerializer.Serialize(writer, data, TypeInfo<T>());

    private static T Read<T>(string kind, JsonObject body)
        where T : class => Read(kind, () => body.Deserialize(TypeInfo<T>()));

    private static T Read<T>(string kind, JsonElement element)
        where T : class => Read(kind, () => element.Deserialize(TypeInfo<T>()));

    private static T Read<T>(string kind, Func<T?> read)
        where T : class
    {
        try
        {
            return read() ?? throw new JournalFormatException("the document is null.", kind);
        }
        catch (JsonException ex)
        {
            throw new JournalFormatException(ex.Message, kind, innerException: ex);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new JournalFormatException(ex.Message, kind, innerException: ex);
        }
    }

    private static TResult Build<T, TResult>(string kind, T data, Func<T, TResult> build)
    {
        try
        {
            return build(data);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new JournalFormatException(ex.Message, kind, innerException: ex);
        }
    }

    private static ContactData ToData(ReceivablesContact contact) => new(contact.Name, contact.Phone, contact.Email);

    private static ReceivablesContact FromData(ContactData contact) => new(contact.Name, contact.Phone, contact.Email);

    private static InstallmentData ToData(InstallmentRef installment) => new(installment.Item, installment.Number);

    private static InstallmentRef FromData(InstallmentData installment) => new(installment.Item, installment.Number);

    private static PaymentAdviceData ToData(PaymentAdvice advice) => new(
        advice.DocumentId,
        advice.Date,
        advice.Customer,
        advice.Recipient,
        ToData(advice.Contact),
        advice.Payment,
        advice.Amount,
        advice.ValueDate,
        [.. advice.Lines.Select(l => new PaymentAdviceLineData(l.Customer, l.DocumentNumber, ToData(l.Target), l.Component, l.Paid, l.CashDiscount, l.WrittenOff, l.RemainingOpen))],
        advice.UnappliedCredit);

    private static PaymentAdvice FromData(PaymentAdviceData data) => new(
        data.Id,
        data.Date,
        data.Customer,
        data.Recipient,
        FromData(data.Contact),
        data.Payment,
        data.Amount,
        data.ValueDate,
        data.Lines.Select(l => new PaymentAdviceLine(l.Customer, l.DocumentNumber, FromData(l.Target), l.Component, l.Paid, l.CashDiscount, l.WrittenOff, l.RemainingOpen)),
        data.UnappliedCredit);

    private static DifferenceNotificationData ToData(DifferenceNotification difference) => new(
        difference.DocumentId,
        difference.Date,
        difference.Customer,
        difference.Recipient,
        ToData(difference.Contact),
        difference.Payment,
        difference.Item,
        difference.DocumentNumber,
        difference.Owed,
        difference.Paid,
        difference.RemainingOpen);

    private static DifferenceNotification FromData(DifferenceNotificationData data) => new(
        data.Id,
        data.Date,
        data.Customer,
        data.Recipient,
        FromData(data.Contact),
        data.Payment,
        new PaymentDifference(data.Customer, data.Item, data.DocumentNumber, data.Owed, data.Paid, data.RemainingOpen));

    private static WriteOffNotificationData ToData(WriteOffNotification writeOff) => new(
        writeOff.DocumentId,
        writeOff.Date,
        writeOff.Customer,
        writeOff.Recipient,
        ToData(writeOff.Contact),
        [.. writeOff.Lines.Select(l => new WriteOffLineData(l.DocumentNumber, ToData(l.Target), l.Amount, l.Reason))]);

    private static WriteOffNotification FromData(WriteOffNotificationData data) => new(
        data.Id,
        data.Date,
        data.Customer,
        data.Recipient,
        FromData(data.Contact),
        data.Lines.Select(l => new WriteOffLine(l.DocumentNumber, FromData(l.Target), l.Amount, l.Reason)));

    private static InterestInvoiceData ToData(InterestInvoice invoice) => new(
        invoice.Number,
        invoice.Date,
        invoice.Customer,
        invoice.Recipient,
        ToData(invoice.Contact),
        invoice.Currency,
        invoice.PaymentDueDate,
        [.. invoice.Lines.Select(l => new InterestInvoiceLineData(l.Item, l.DocumentNumber, ToData(l.Period)))],
        [.. invoice.Items.Select(i => new InterestInvoiceItemData(i.Item, i.DocumentNumber, i.Interest, i.RecoveryCompensation, [.. i.Installments.Select(x => new InstallmentInterestData(ToData(x.Installment), x.Total))]))],
        invoice.InterestTotal,
        invoice.RecoveryCompensationTotal);

    private static InterestInvoice FromData(InterestInvoiceData data) => new(
        data.Number,
        data.Date,
        data.Customer,
        data.Recipient,
        data.Currency,
        data.PaymentDueDate,
        [.. data.Lines.Select(l => new InterestInvoiceLine(l.Item, l.DocumentNumber, FromData(l.Period)))],
        [.. data.Items.Select(i => new InterestInvoiceItem(i.Item, i.DocumentNumber, i.Interest, i.RecoveryCompensation) { Installments = [.. i.Installments.Select(x => new InstallmentInterest(FromData(x.Installment), x.Total))] })],
        data.InterestTotal,
        data.RecoveryCompensationTotal,
        FromData(data.Contact));

    private static InterestPeriodData ToData(ItemInterestPeriod period) =>
        new(ToData(period.Installment), period.FirstDay, period.LastDay, period.Days, period.AnnualRatePercent, period.Principal, period.Amount);

    private static ItemInterestPeriod FromData(InterestPeriodData period) =>
        new(FromData(period.Installment), period.FirstDay, period.LastDay, period.Days, period.AnnualRatePercent, period.Principal, period.Amount);

    private static DunningLetterData ToData(DunningLetter letter, LetterSource source, JsonElement run)
    {
        var totals = source.Totals;
        return new DunningLetterData(
            letter.Id,
            run,
            source.Notices?.Select(n => new NoticeData(n.Customer, ToData(n.Installment), n.Level, n.PreviousNotices, n.Open)).ToList(),
            new AccountVersionData(source.Recipient.Customer, source.Recipient.Version),
            source.Group?.Select(a => new AccountVersionData(a.Customer, a.Version)).ToList(),
            source.Currency,
            source.Level,
            source.Scheme,
            source.PaymentDeadline,
            source.Number is { } number ? new LetterNumberData(number.Year, number.Sequence) : null,
            source.Main,
            source.OnlyLevel,
            new LetterTotalsData(totals.Overdue, totals.Credit, totals.PerLetterFee, totals.TieredFee, totals.ItemFees, totals.Interest, totals.NotYetDue, totals.Notices),
            letter.ContentHash());
    }

    /// <summary>The stored shape of what every letter of a run shares (D16.200).</summary>
    private static RunSourceData ToData(RunContext context)
    {
        var request = context.Request;
        return new RunSourceData(
            new DunningRunData(
                request.RunId.Value,
                request.Company,
                request.AsOf,
                request.Branch,
                request.Customer,
                request.Level,
                request.Mode,
                request.OnlyWhenCreditLimitExceeded,
                request.PostFees,
                request.RunDateOverride,
                request.LimitationWarningHorizon,
                request.IssueNoticesNow),
            SettingsElements.Of(context.Settings),
            SettingsElements.Of(context.InterestSchemes),
            ToData(context.Contact));
    }

    /// <summary>Derives a stored letter again from the journals as they stood at the stored versions, and checks it.</summary>
    private static async ValueTask<ReceivablesDocument> DeriveAsync(DunningLetterData data, ICustomerAccountStore journals, Func<string, CancellationToken, ValueTask<RunContext>>? sourceApart, CancellationToken cancellationToken)
    {
        var context = await RunContextOfAsync(data, sourceApart, cancellationToken).ConfigureAwait(false);
        var source = Build(DunningLetterKind, data, d => ToSource(d, context));
        var recipient = await AccountAtAsync(data.Id, data.Recipient, journals, cancellationToken).ConfigureAwait(false);
        List<CustomerAccount>? group = null;
        if (data.Group is { } members)
        {
            group = new List<CustomerAccount>(members.Count);
            foreach (var member in members)
            {
                group.Add(await AccountAtAsync(data.Id, member, journals, cancellationToken).ConfigureAwait(false));
            }
        }

        var derived = Build(DunningLetterKind, source, s => DunningLetter.Derive(s, recipient, group));
        if (!string.Equals(derived.Id, data.Id, StringComparison.Ordinal))
        {
            throw new JournalFormatException($"the letter derived again has the id '{derived.Id}', not '{data.Id}'.", DunningLetterKind);
        }

        if (!string.Equals(derived.ContentHash(), data.ContentHash, StringComparison.Ordinal))
        {
            throw new JournalFormatException(
                $"letter '{data.Id}' derived again from the journals does not state what the queued letter stated (content hash differs): the journals or the dunning rules changed since it was queued; it is not delivered.",
                DunningLetterKind);
        }

        return new DunningLetterDocument(derived);
    }

    /// <summary>The run's source of a stored letter: written inside it, or stored apart under its SHA-256 (D16.200).</summary>
    private static async ValueTask<RunContext> RunContextOfAsync(DunningLetterData data, Func<string, CancellationToken, ValueTask<RunContext>>? sourceApart, CancellationToken cancellationToken)
    {
        switch (data.Run.ValueKind)
        {
            case JsonValueKind.Object:
                return Build(DunningLetterKind, Read<RunSourceData>(DunningLetterKind, data.Run), ToContext);
            case JsonValueKind.String:
                var sha256 = data.Run.GetString()!;
                if (sourceApart is null)
                {
                    throw new JournalFormatException(
                        $"letter '{data.Id}' refers to its run's source stored apart ({sha256}); read it through the outbox that stored it.",
                        DunningLetterKind);
                }

                return await sourceApart(sha256, cancellationToken).ConfigureAwait(false);
            default:
                throw new JournalFormatException($"'run' of letter '{data.Id}' must be the run's source (an object) or its SHA-256 (a string).", DunningLetterKind);
        }
    }

    private static RunContext ToContext(RunSourceData data)
    {
        var run = data.Request;
        var request = new DunningRunRequest(new DunningRunId(run.RunId), run.Company, run.AsOf)
        {
            Branch = run.Branch,
            Customer = run.Customer,
            Level = run.Level,
            Mode = run.Mode,
            OnlyWhenCreditLimitExceeded = run.OnlyWhenCreditLimitExceeded,
            PostFees = run.PostFees,
            RunDateOverride = run.RunDateOverride,
            LimitationWarningHorizon = run.LimitationWarningHorizon,
            IssueNoticesNow = run.IssueNoticesNow,
        };
        return new RunContext(
            request,
            SettingsJson.DeserializeDunningSettings(data.DunningSettings.GetRawText()),
            SettingsJson.DeserializeInterestSchemes(data.InterestSchemes.GetRawText()),
            FromData(data.Contact));
    }

    private static LetterSource ToSource(DunningLetterData data, RunContext context)
    {
        var totals = data.Totals;
        return new LetterSource(
            context,
            data.Notices?.Select(n => new NoticeKey(n.Customer, FromData(n.Installment), n.Level, n.PreviousNotices, n.Open)).ToList(),
            (data.Recipient.Customer, data.Recipient.Version),
            data.Group?.Select(a => (a.Customer, a.Version)).ToList(),
            data.Currency,
            data.Level,
            data.Scheme,
            data.PaymentDeadline,
            data.Number is { } number ? new LetterNumber(number.Year, number.Sequence) : null,
            data.Main,
            data.OnlyLevel,
            new LetterTotals(totals.Overdue, totals.Credit, totals.PerLetterFee, totals.TieredFee, totals.ItemFees, totals.Interest, totals.NotYetDue, totals.Notices));
    }

    /// <summary>An account as it stood at a version: its journal's first records, which never change (append-only).</summary>
    private static async ValueTask<CustomerAccount> AccountAtAsync(string letter, AccountVersionData account, ICustomerAccountStore journals, CancellationToken cancellationToken)
    {
        var journal = await journals.LoadAsync(account.Customer, cancellationToken).ConfigureAwait(false);
        if (account.Version < 1 || journal.Count < account.Version)
        {
            throw new JournalFormatException(
                $"letter '{letter}' was computed from account '{account.Customer}' at version {account.Version}, but its journal has {journal.Count} records.",
                DunningLetterKind);
        }

        return CustomerAccount.FromJournal(journal.Count == account.Version ? journal : [.. journal.Take((int)account.Version)]);
    }
}
