using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Serialization;

/// <summary>
/// Hand-written readers and writers of the entry kinds that fill real journals (D13.60): invoices, charges, credit notes,
/// payments, applications, write-offs, returns, reversals, pauses, due-date changes, dunning notices and letters,
/// history entries and registrations. A reader takes an entry's members exactly in the order this library writes them
/// and gives <see langword="null"/> for anything else; a writer writes exactly the bytes the source-generated metadata
/// writes and gives <see langword="false"/> for a value it does not cover. Either way the caller goes to the general
/// path, which reads or writes the document or throws the exact error, so the fast path never decides that a document
/// is wrong. Nested values of rare shape (the customer's settings in a registration, cash-discount stages) go
/// through the source-generated metadata from inside the hand-written reader. The kinds that fill a journal also have a
/// reader for the order PostgreSQL's <c>jsonb</c> gives members back in (by length, then bytes; D13.61). <c>JournalEntryCodecsTests</c> proves
/// both directions equal to the general path for every kind here.
/// </summary>
internal static class JournalEntryCodecs
{
    private static readonly Dictionary<Type, EntryCodec> ByType = new()
    {
        [typeof(InvoicePosted)] = Of<InvoicePosted>(ReadInvoice, WriteInvoice, ReadInvoiceJsonb),
        [typeof(ChargePosted)] = Of<ChargePosted>(ReadCharge, WriteCharge),
        [typeof(CreditNotePosted)] = Of<CreditNotePosted>(ReadCreditNote, WriteCreditNote),
        [typeof(PaymentReceived)] = Of<PaymentReceived>(ReadPayment, WritePayment, ReadPaymentJsonb),
        [typeof(PaymentApplied)] = Of<PaymentApplied>(ReadApplication, WriteApplication, ReadApplicationJsonb),
        [typeof(RefundPosted)] = Of<RefundPosted>(ReadRefund, WriteRefund),
        [typeof(WriteOffPosted)] = Of<WriteOffPosted>(ReadWriteOff, WriteWriteOff),
        [typeof(PaymentReturned)] = Of<PaymentReturned>(ReadReturn, WriteReturn),
        [typeof(EntryReversed)] = Of<EntryReversed>(ReadReversal, WriteReversal),
        [typeof(ItemPaused)] = Of<ItemPaused>(ReadPause, WritePause, ReadPauseJsonb),
        [typeof(ItemResumed)] = Of<ItemResumed>(ReadResume, WriteResume),
        [typeof(DueDateChanged)] = Of<DueDateChanged>(ReadDueDateChange, WriteDueDateChange),
        [typeof(DunningNoticeIssued)] = Of<DunningNoticeIssued>(ReadNotices, WriteNotices, ReadNoticesJsonb),
        [typeof(DunningLetterCancelled)] = Of<DunningLetterCancelled>(ReadCancellation, WriteCancellation),
        [typeof(DunningLetterNumbered)] = Of<DunningLetterNumbered>(ReadNumbering, WriteNumbering),
        [typeof(CommunicationRecorded)] = Of<CommunicationRecorded>(ReadCommunication, WriteCommunication, ReadCommunicationJsonb),
        [typeof(CustomerRegistered)] = Of<CustomerRegistered>(ReadRegistration, WriteRegistration, ReadRegistrationJsonb),
        [typeof(MasterDataChanged)] = MasterDataReader.Codec,
    };

    /// <summary>Reads an entry's members (the reader stands on its <c>{</c>) up to its <c>}</c>; <see langword="null"/> when the shape is not the written one.</summary>
    internal delegate T? Reader<T>(ref Utf8JsonReader reader)
        where T : JournalEntry;

    /// <summary>The entry types with a hand-written codec.</summary>
    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    /// <summary>The codec of an entry type, if it has one.</summary>
    public static EntryCodec? For(Type type) => ByType.GetValueOrDefault(type);

    private static EntryCodec<T> Of<T>(Reader<T> read, Func<Utf8JsonWriter, T, bool> write, Reader<T>? readJsonb = null)
        where T : JournalEntry => new(read, write, readJsonb);

    private static InvoicePosted? ReadInvoice(ref Utf8JsonReader r) =>
        JsonFields.String(ref r, "documentNumber"u8, out var number)
        && JsonFields.Date(ref r, "documentDate"u8, out var documentDate)
        && JsonFields.Date(ref r, "dueDate"u8, out var dueDate)
        && JsonFields.Money(ref r, "amount"u8, out var amount)
        && ReadInstallments(ref r, out var installments)
        && JsonFields.Value(ref r, "cashDiscounts"u8, NestedInfo.CashDiscounts, nullable: true, out var cashDiscounts)
        && ReadDelegated(ref r, out var delegatedFrom)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new InvoicePosted(id, number, documentDate, dueDate, amount, installments) { CashDiscounts = cashDiscounts, DelegatedFrom = delegatedFrom }
            : null;

    private static bool WriteInvoice(Utf8JsonWriter w, InvoicePosted e) =>
        JsonFields.String(w, "documentNumber"u8, e.DocumentNumber, nullable: false)
            && JsonFields.Date(w, "documentDate"u8, e.DocumentDate)
            && JsonFields.Date(w, "dueDate"u8, e.DueDate)
            && JsonFields.Money(w, "amount"u8, e.Amount)
            && WriteObjects(w, "installments"u8, e.Installments, static (w, installment) =>
                JsonFields.Money(w, "amount"u8, installment.Amount)
                && JsonFields.Date(w, "dueDate"u8, installment.DueDate)
                && JsonFields.Enum(w, "kind"u8, installment.Kind))
            && JsonFields.Value(w, "cashDiscounts"u8, e.CashDiscounts, NestedInfo.CashDiscounts, nullable: true)
            && WriteDelegated(w, e.DelegatedFrom)
            && JsonFields.Id(w, "id"u8, e.Id);

    private static ChargePosted? ReadCharge(ref Utf8JsonReader r) =>
        JsonFields.Enum(ref r, "kind"u8, out ChargeKind kind)
        && JsonFields.String(ref r, "documentNumber"u8, out var number)
        && JsonFields.Date(ref r, "date"u8, out var date)
        && JsonFields.Date(ref r, "dueDate"u8, out var dueDate)
        && JsonFields.Money(ref r, "amount"u8, out var amount)
        && JsonFields.NullableId(ref r, "relatedItem"u8, out var related)
        && JsonFields.NullableDate(ref r, "interestThrough"u8, out var interestThrough)
        && ReadDelegated(ref r, out var delegatedFrom)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new ChargePosted(id, kind, number, date, dueDate, amount, related) { InterestThrough = interestThrough, DelegatedFrom = delegatedFrom }
            : null;

    private static bool WriteCharge(Utf8JsonWriter w, ChargePosted e) =>
        JsonFields.Enum(w, "kind"u8, e.Kind)
        && JsonFields.String(w, "documentNumber"u8, e.DocumentNumber, nullable: false)
        && JsonFields.Date(w, "date"u8, e.Date)
        && JsonFields.Date(w, "dueDate"u8, e.DueDate)
        && JsonFields.Money(w, "amount"u8, e.Amount)
        && JsonFields.Id(w, "relatedItem"u8, e.RelatedItem)
        && JsonFields.Date(w, "interestThrough"u8, e.InterestThrough)
        && WriteDelegated(w, e.DelegatedFrom)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static CreditNotePosted? ReadCreditNote(ref Utf8JsonReader r) =>
        JsonFields.String(ref r, "documentNumber"u8, out var number)
        && JsonFields.Date(ref r, "documentDate"u8, out var date)
        && JsonFields.Money(ref r, "amount"u8, out var amount)
        && JsonFields.NullableId(ref r, "relatedItem"u8, out var related)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new CreditNotePosted(id, number, date, amount, related)
            : null;

    private static bool WriteCreditNote(Utf8JsonWriter w, CreditNotePosted e) =>
        JsonFields.String(w, "documentNumber"u8, e.DocumentNumber, nullable: false)
        && JsonFields.Date(w, "documentDate"u8, e.DocumentDate)
        && JsonFields.Money(w, "amount"u8, e.Amount)
        && JsonFields.Id(w, "relatedItem"u8, e.RelatedItem)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static PaymentReceived? ReadPayment(ref Utf8JsonReader r) =>
        JsonFields.Money(ref r, "amount"u8, out var amount)
        && JsonFields.Date(ref r, "valueDate"u8, out var valueDate)
        && JsonFields.Enum(ref r, "method"u8, out PaymentMethod method)
        && JsonFields.NullableCustomer(ref r, "payer"u8, out var payer)
        && JsonFields.NullableString(ref r, "reference"u8, out var reference)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new PaymentReceived(id, amount, valueDate, method, payer, reference)
            : null;

    private static bool WritePayment(Utf8JsonWriter w, PaymentReceived e) =>
        JsonFields.Money(w, "amount"u8, e.Amount)
        && JsonFields.Date(w, "valueDate"u8, e.ValueDate)
        && JsonFields.Enum(w, "method"u8, e.Method)
        && JsonFields.Customer(w, "payer"u8, e.Payer)
        && JsonFields.String(w, "reference"u8, e.Reference, nullable: true)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static PaymentApplied? ReadApplication(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "source"u8, out var source)
        && JsonFields.Ref(ref r, "target"u8, out var target)
        && JsonFields.Money(ref r, "amount"u8, out var amount)
        && JsonFields.Date(ref r, "date"u8, out var date)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new PaymentApplied(id, source, target, amount, date)
            : null;

    private static bool WriteApplication(Utf8JsonWriter w, PaymentApplied e) =>
        JsonFields.Id(w, "source"u8, e.Source)
        && JsonFields.Ref(w, "target"u8, e.Target)
        && JsonFields.Money(w, "amount"u8, e.Amount)
        && JsonFields.Date(w, "date"u8, e.Date)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static RefundPosted? ReadRefund(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "source"u8, out var source)
        && JsonFields.Money(ref r, "amount"u8, out var amount)
        && JsonFields.Date(ref r, "date"u8, out var date)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new RefundPosted(id, source, amount, date)
            : null;

    private static bool WriteRefund(Utf8JsonWriter w, RefundPosted e) =>
        JsonFields.Id(w, "source"u8, e.Source)
        && JsonFields.Money(w, "amount"u8, e.Amount)
        && JsonFields.Date(w, "date"u8, e.Date)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static WriteOffPosted? ReadWriteOff(ref Utf8JsonReader r) =>
        JsonFields.Ref(ref r, "target"u8, out var target)
        && JsonFields.Money(ref r, "amount"u8, out var amount)
        && JsonFields.Date(ref r, "date"u8, out var date)
        && JsonFields.String(ref r, "reason"u8, out var reason)
        && ReadText(ref r, "reasonData"u8, out var reasonData)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new WriteOffPosted(id, target, amount, date, reason) { ReasonData = reasonData }
            : null;

    private static bool WriteWriteOff(Utf8JsonWriter w, WriteOffPosted e) =>
        JsonFields.Ref(w, "target"u8, e.Target)
        && JsonFields.Money(w, "amount"u8, e.Amount)
        && JsonFields.Date(w, "date"u8, e.Date)
        && JsonFields.String(w, "reason"u8, e.Reason, nullable: false)
        && WriteText(w, "reasonData"u8, e.ReasonData)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static PaymentReturned? ReadReturn(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "payment"u8, out var payment)
        && JsonFields.Date(ref r, "returnDate"u8, out var date)
        && JsonFields.Enum(ref r, "kind"u8, out ReturnKind kind)
        && JsonFields.NullableString(ref r, "reason"u8, out var reason)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new PaymentReturned(id, payment, date, kind, reason)
            : null;

    private static bool WriteReturn(Utf8JsonWriter w, PaymentReturned e) =>
        JsonFields.Id(w, "payment"u8, e.Payment)
        && JsonFields.Date(w, "returnDate"u8, e.ReturnDate)
        && JsonFields.Enum(w, "kind"u8, e.Kind)
        && JsonFields.String(w, "reason"u8, e.Reason, nullable: true)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static EntryReversed? ReadReversal(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "target"u8, out var target)
        && JsonFields.Date(ref r, "date"u8, out var date)
        && JsonFields.String(ref r, "reason"u8, out var reason)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new EntryReversed(id, target, date, reason)
            : null;

    private static bool WriteReversal(Utf8JsonWriter w, EntryReversed e) =>
        JsonFields.Id(w, "target"u8, e.Target)
        && JsonFields.Date(w, "date"u8, e.Date)
        && JsonFields.String(w, "reason"u8, e.Reason, nullable: false)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static ItemPaused? ReadPause(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "item"u8, out var item)
        && JsonFields.String(ref r, "reason"u8, out var reason)
        && JsonFields.NullableDate(ref r, "until"u8, out var until)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new ItemPaused(id, item, reason, until)
            : null;

    private static bool WritePause(Utf8JsonWriter w, ItemPaused e) =>
        JsonFields.Id(w, "item"u8, e.Item)
        && JsonFields.String(w, "reason"u8, e.Reason, nullable: false)
        && JsonFields.Date(w, "until"u8, e.Until)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static ItemResumed? ReadResume(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "item"u8, out var item)
        && JsonFields.NullableString(ref r, "note"u8, out var note)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new ItemResumed(id, item, note)
            : null;

    private static bool WriteResume(Utf8JsonWriter w, ItemResumed e) =>
        JsonFields.Id(w, "item"u8, e.Item)
        && JsonFields.String(w, "note"u8, e.Note, nullable: true)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static DueDateChanged? ReadDueDateChange(ref Utf8JsonReader r)
    {
        if (!JsonFields.Id(ref r, "item"u8, out var item)
            || !JsonFields.Date(ref r, "newDueDate"u8, out var newDueDate)
            || !JsonFields.String(ref r, "note"u8, out var note)
            || !JsonFields.Member(ref r, "installments"u8) || r.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        ArrayCollector<int>.Start();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out var number))
            {
                return null;
            }

            ArrayCollector<int>.Add(number);
        }

        var numbers = ArrayCollector<int>.ToList();
        return JsonFields.Id(ref r, "id"u8, out var id) && JsonFields.End(ref r)
            ? new DueDateChanged(id, item, newDueDate, note) { Installments = numbers }
            : null;
    }

    private static bool WriteDueDateChange(Utf8JsonWriter w, DueDateChanged e)
    {
        if (!JsonFields.Id(w, "item"u8, e.Item) || !JsonFields.Date(w, "newDueDate"u8, e.NewDueDate) || !JsonFields.String(w, "note"u8, e.Note, nullable: false))
        {
            return false;
        }

        w.WriteStartArray("installments"u8);
        foreach (var number in e.Installments)
        {
            w.WriteNumberValue(number);
        }

        w.WriteEndArray();
        return JsonFields.Id(w, "id"u8, e.Id);
    }

    private static DunningNoticeIssued? ReadNotices(ref Utf8JsonReader r) =>
        JsonFields.String(ref r, "letterId"u8, out var letterId)
        && JsonFields.Date(ref r, "letterDate"u8, out var letterDate)
        && ReadNoticeList(ref r, jsonb: false, out var notices)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new DunningNoticeIssued(id, letterId, letterDate, notices)
            : null;

    /// <summary>Reads <c>"notices"</c>: each <c>{"installment":…,"level":…}</c> (in <c>jsonb</c>'s order: level first).</summary>
    private static bool ReadNoticeList(ref Utf8JsonReader r, bool jsonb, [NotNullWhen(true)] out ValueList<DunningNotice>? notices)
    {
        notices = null;
        if (!JsonFields.Member(ref r, "notices"u8) || r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        ArrayCollector<DunningNotice>.Start();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            InstallmentRef installment = default;
            var level = 0;
            if (r.TokenType != JsonTokenType.StartObject
                || !(jsonb
                    ? JsonFields.Int(ref r, "level"u8, out level) && JsonFields.Ref(ref r, "installment"u8, out installment)
                    : JsonFields.Ref(ref r, "installment"u8, out installment) && JsonFields.Int(ref r, "level"u8, out level))
                || !JsonFields.End(ref r))
            {
                return false;
            }

            ArrayCollector<DunningNotice>.Add(new DunningNotice(installment, level));
        }

        notices = ArrayCollector<DunningNotice>.ToList();
        return true;
    }

    private static bool WriteNotices(Utf8JsonWriter w, DunningNoticeIssued e)
    {
        if (!JsonFields.String(w, "letterId"u8, e.LetterId, nullable: false) || !JsonFields.Date(w, "letterDate"u8, e.LetterDate))
        {
            return false;
        }

        w.WriteStartArray("notices"u8);
        foreach (var notice in e.Notices)
        {
            w.WriteStartObject();
            if (!JsonFields.Ref(w, "installment"u8, notice.Installment))
            {
                return false;
            }

            w.WriteNumber("level"u8, notice.Level);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        return JsonFields.Id(w, "id"u8, e.Id);
    }

    private static DunningLetterCancelled? ReadCancellation(ref Utf8JsonReader r) =>
        JsonFields.String(ref r, "letterId"u8, out var letterId)
        && JsonFields.Date(ref r, "date"u8, out var date)
        && JsonFields.String(ref r, "reason"u8, out var reason)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new DunningLetterCancelled(id, letterId, date, reason)
            : null;

    private static bool WriteCancellation(Utf8JsonWriter w, DunningLetterCancelled e) =>
        JsonFields.String(w, "letterId"u8, e.LetterId, nullable: false)
        && JsonFields.Date(w, "date"u8, e.Date)
        && JsonFields.String(w, "reason"u8, e.Reason, nullable: false)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static DunningLetterNumbered? ReadNumbering(ref Utf8JsonReader r) =>
        JsonFields.String(ref r, "letterId"u8, out var letterId)
        && JsonFields.Member(ref r, "number"u8) && r.TokenType == JsonTokenType.StartObject
        && JsonFields.Int(ref r, "year"u8, out var year)
        && JsonFields.Int(ref r, "sequence"u8, out var sequence)
        && JsonFields.End(ref r)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new DunningLetterNumbered(id, letterId, new LetterNumber(year, sequence))
            : null;

    private static bool WriteNumbering(Utf8JsonWriter w, DunningLetterNumbered e)
    {
        if (!JsonFields.String(w, "letterId"u8, e.LetterId, nullable: false))
        {
            return false;
        }

        w.WriteStartObject("number"u8);
        w.WriteNumber("year"u8, e.Number.Year);
        w.WriteNumber("sequence"u8, e.Number.Sequence);
        w.WriteEndObject();
        return JsonFields.Id(w, "id"u8, e.Id);
    }

    private static CommunicationRecorded? ReadCommunication(ref Utf8JsonReader r) =>
        JsonFields.Enum(ref r, "kind"u8, out CommunicationKind kind)
        && JsonFields.String(ref r, "subject"u8, out var subject)
        && JsonFields.String(ref r, "text"u8, out var text)
        && JsonFields.NullableId(ref r, "item"u8, out var item)
        && ReadText(ref r, "subjectData"u8, out var subjectData)
        && ReadText(ref r, "textData"u8, out var textData)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new CommunicationRecorded(id, kind, subject, text, item) { SubjectData = subjectData, TextData = textData }
            : null;

    private static bool WriteCommunication(Utf8JsonWriter w, CommunicationRecorded e) =>
        JsonFields.Enum(w, "kind"u8, e.Kind)
        && JsonFields.String(w, "subject"u8, e.Subject, nullable: false)
        && JsonFields.String(w, "text"u8, e.Text, nullable: false)
        && JsonFields.Id(w, "item"u8, e.Item)
        && WriteText(w, "subjectData"u8, e.SubjectData)
        && WriteText(w, "textData"u8, e.TextData)
        && JsonFields.Id(w, "id"u8, e.Id);

    private static CustomerRegistered? ReadRegistration(ref Utf8JsonReader r) =>
        ReadSettings(ref r, out var settings)
        && JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.End(ref r)
            ? new CustomerRegistered(id, settings!)
            : null;

    /// <summary>Reads <c>"settings"</c>: by hand where <see cref="CustomerReader"/> takes the value, else by the general path (D13.112).</summary>
    private static bool ReadSettings(ref Utf8JsonReader r, [NotNullWhen(true)] out Customer? settings)
    {
        settings = null;
        if (!JsonFields.Member(ref r, "settings"u8) || r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var start = r;
        if (!CustomerReader.TryRead(ref r, out settings))
        {
            r = start;
            settings = JsonSerializer.Deserialize(ref r, NestedInfo.Customer);
        }

        return settings is not null;
    }

    private static bool WriteRegistration(Utf8JsonWriter w, CustomerRegistered e) =>
        JsonFields.Value(w, "settings"u8, e.Settings, NestedInfo.Customer, nullable: false)
        && JsonFields.Id(w, "id"u8, e.Id);

    // The readers of the order PostgreSQL's jsonb returns (members sorted by length, then bytes), for the kinds that fill journals (D13.61).
    private static InvoicePosted? ReadInvoiceJsonb(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.Money(ref r, "amount"u8, out var amount)
        && JsonFields.Date(ref r, "dueDate"u8, out var dueDate)
        && JsonFields.Date(ref r, "documentDate"u8, out var documentDate)
        && ReadInstallments(ref r, out var installments, jsonb: true)
        && JsonFields.Value(ref r, "cashDiscounts"u8, NestedInfo.CashDiscounts, nullable: true, out var cashDiscounts)
        && ReadDelegated(ref r, out var delegatedFrom, jsonb: true)
        && JsonFields.String(ref r, "documentNumber"u8, out var number)
        && JsonFields.End(ref r)
            ? new InvoicePosted(id, number, documentDate, dueDate, amount, installments) { CashDiscounts = cashDiscounts, DelegatedFrom = delegatedFrom }
            : null;

    private static PaymentReceived? ReadPaymentJsonb(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.NullableCustomer(ref r, "payer"u8, out var payer)
        && JsonFields.Money(ref r, "amount"u8, out var amount)
        && JsonFields.Enum(ref r, "method"u8, out PaymentMethod method)
        && JsonFields.NullableString(ref r, "reference"u8, out var reference)
        && JsonFields.Date(ref r, "valueDate"u8, out var valueDate)
        && JsonFields.End(ref r)
            ? new PaymentReceived(id, amount, valueDate, method, payer, reference)
            : null;

    private static PaymentApplied? ReadApplicationJsonb(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.Date(ref r, "date"u8, out var date)
        && JsonFields.Money(ref r, "amount"u8, out var amount)
        && JsonFields.Id(ref r, "source"u8, out var source)
        && JsonFields.Ref(ref r, "target"u8, out var target)
        && JsonFields.End(ref r)
            ? new PaymentApplied(id, source, target, amount, date)
            : null;

    private static ItemPaused? ReadPauseJsonb(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.Id(ref r, "item"u8, out var item)
        && JsonFields.NullableDate(ref r, "until"u8, out var until)
        && JsonFields.String(ref r, "reason"u8, out var reason)
        && JsonFields.End(ref r)
            ? new ItemPaused(id, item, reason, until)
            : null;

    private static DunningNoticeIssued? ReadNoticesJsonb(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "id"u8, out var id)
        && ReadNoticeList(ref r, jsonb: true, out var notices)
        && JsonFields.String(ref r, "letterId"u8, out var letterId)
        && JsonFields.Date(ref r, "letterDate"u8, out var letterDate)
        && JsonFields.End(ref r)
            ? new DunningNoticeIssued(id, letterId, letterDate, notices)
            : null;

    private static CommunicationRecorded? ReadCommunicationJsonb(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "id"u8, out var id)
        && JsonFields.NullableId(ref r, "item"u8, out var item)
        && JsonFields.Enum(ref r, "kind"u8, out CommunicationKind kind)
        && JsonFields.String(ref r, "text"u8, out var text)
        && JsonFields.String(ref r, "subject"u8, out var subject)
        && ReadText(ref r, "textData"u8, out var textData, jsonb: true)
        && ReadText(ref r, "subjectData"u8, out var subjectData, jsonb: true)
        && JsonFields.End(ref r)
            ? new CommunicationRecorded(id, kind, subject, text, item) { SubjectData = subjectData, TextData = textData }
            : null;

    private static CustomerRegistered? ReadRegistrationJsonb(ref Utf8JsonReader r) =>
        JsonFields.Id(ref r, "id"u8, out var id)
        && ReadSettings(ref r, out var settings)
        && JsonFields.End(ref r)
            ? new CustomerRegistered(id, settings!)
            : null;

    /// <summary>Reads <c>"installments"</c>: each <c>{"amount":…,"dueDate":…,"kind":…}</c> (in <c>jsonb</c>'s order: kind, amount, due date).</summary>
    private static bool ReadInstallments(ref Utf8JsonReader r, [NotNullWhen(true)] out ValueList<Installment>? installments, bool jsonb = false)
    {
        installments = null;
        if (!JsonFields.Member(ref r, "installments"u8) || r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        ArrayCollector<Installment>.Start();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            InstallmentKind kind = default;
            if (r.TokenType != JsonTokenType.StartObject
                || (jsonb && !JsonFields.Enum(ref r, "kind"u8, out kind))
                || !JsonFields.Money(ref r, "amount"u8, out var amount)
                || !JsonFields.NullableDate(ref r, "dueDate"u8, out var dueDate)
                || (!jsonb && !JsonFields.Enum(ref r, "kind"u8, out kind))
                || !JsonFields.End(ref r))
            {
                return false;
            }

            ArrayCollector<Installment>.Add(new Installment(amount, dueDate, kind));
        }

        installments = ArrayCollector<Installment>.ToList();
        return true;
    }

    /// <summary>Reads a text stored as data (<see cref="JournalText"/>), or <see langword="null"/>.</summary>
    private static bool ReadText(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out JournalText? text, bool jsonb = false)
    {
        text = null;
        if (!JsonFields.Member(ref r, name))
        {
            return false;
        }

        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        text = ReadTextValue(ref r, jsonb);
        return text is not null;
    }

    /// <summary>
    /// Reads <c>{"key":…,"arguments":[{"name":…,"kind":…,"value":…,"items":[…]}]}</c> (in <c>jsonb</c>'s order an argument is
    /// kind, name, items, value); a list argument's items are texts again.
    /// </summary>
    private static JournalText? ReadTextValue(ref Utf8JsonReader r, bool jsonb)
    {
        if (r.TokenType != JsonTokenType.StartObject || !JsonFields.String(ref r, "key"u8, out var key)
            || !JsonFields.Member(ref r, "arguments"u8) || r.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        List<JournalTextArgument>? arguments = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            string? argumentName = null;
            JournalTextArgumentKind kind = default;
            string? value = null;
            if (r.TokenType != JsonTokenType.StartObject
                || !(jsonb
                    ? JsonFields.Enum(ref r, "kind"u8, out kind) && JsonFields.String(ref r, "name"u8, out argumentName)
                    : JsonFields.String(ref r, "name"u8, out argumentName) && JsonFields.Enum(ref r, "kind"u8, out kind) && JsonFields.String(ref r, "value"u8, out value))
                || !JsonFields.Member(ref r, "items"u8) || r.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            List<JournalText>? items = null;
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                var item = ReadTextValue(ref r, jsonb);
                if (item is null)
                {
                    return null;
                }

                (items ??= []).Add(item);
            }

            if ((jsonb && !JsonFields.String(ref r, "value"u8, out value)) || value is null || argumentName is null || !JsonFields.End(ref r))
            {
                return null;
            }

            (arguments ??= []).Add(new JournalTextArgument(argumentName, kind, value, items ?? (IReadOnlyList<JournalText>)ValueList<JournalText>.Empty));
        }

        return JsonFields.End(ref r) ? new JournalText(key, arguments ?? (IReadOnlyList<JournalTextArgument>)ValueList<JournalTextArgument>.Empty) : null;
    }

    private static bool WriteText(Utf8JsonWriter w, ReadOnlySpan<byte> name, JournalText? text)
    {
        if (text is null)
        {
            w.WriteNull(name);
            return true;
        }

        w.WritePropertyName(name);
        return WriteTextValue(w, text);
    }

    private static bool WriteTextValue(Utf8JsonWriter w, JournalText text)
    {
        w.WriteStartObject();
        if (!JsonFields.String(w, "key"u8, text.Key, nullable: false))
        {
            return false;
        }

        if (!WriteObjects(w, "arguments"u8, text.Arguments, static (w, argument) => WriteArgument(w, argument)))
        {
            return false;
        }

        w.WriteEndObject();
        return true;
    }

    private static bool WriteArgument(Utf8JsonWriter w, JournalTextArgument argument)
    {
        if (!JsonFields.String(w, "name"u8, argument.Name, nullable: false)
            || !JsonFields.Enum(w, "kind"u8, argument.Kind)
            || !JsonFields.String(w, "value"u8, argument.Value, nullable: false))
        {
            return false;
        }

        w.WriteStartArray("items"u8);
        foreach (var item in argument.Items)
        {
            if (item is null || !WriteTextValue(w, item))
            {
                return false;
            }
        }

        w.WriteEndArray();
        return true;
    }

    /// <summary>Writes an array of objects, each item's members through <paramref name="members"/>; <see langword="false"/> at a <see langword="null"/> item.</summary>
    private static bool WriteObjects<T>(Utf8JsonWriter w, ReadOnlySpan<byte> name, IReadOnlyList<T> items, Func<Utf8JsonWriter, T, bool> members)
        where T : class
    {
        w.WriteStartArray(name);

        // By index: a foreach over the interface boxes an enumerator per array written (D16.170).
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                return false;
            }

            w.WriteStartObject();
            if (!members(w, item))
            {
                return false;
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        return true;
    }

    /// <summary>Reads <c>"delegatedFrom"</c>: <see langword="null"/> or the claim's origin.</summary>
    private static bool ReadDelegated(ref Utf8JsonReader r, out DelegatedClaim? claim, bool jsonb = false)
    {
        claim = null;
        if (!JsonFields.Member(ref r, "delegatedFrom"u8))
        {
            return false;
        }

        if (r.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        CustomerId customer = default;
        InstallmentRef source = default;
        EntryId delegation = default;
        LocalDate? date = null;
        if (r.TokenType != JsonTokenType.StartObject
            || !(jsonb
                ? JsonFields.NullableDate(ref r, "date"u8, out date) && JsonFields.Ref(ref r, "source"u8, out source)
                    && JsonFields.Customer(ref r, "customer"u8, out customer) && JsonFields.Id(ref r, "delegation"u8, out delegation)
                : JsonFields.Customer(ref r, "customer"u8, out customer) && JsonFields.Ref(ref r, "source"u8, out source)
                    && JsonFields.Id(ref r, "delegation"u8, out delegation) && JsonFields.NullableDate(ref r, "date"u8, out date))
            || !JsonFields.End(ref r))
        {
            return false;
        }

        claim = new DelegatedClaim(customer, source, delegation) { Date = date };
        return true;
    }

    private static bool WriteDelegated(Utf8JsonWriter w, DelegatedClaim? claim)
    {
        if (claim is null)
        {
            w.WriteNull("delegatedFrom"u8);
            return true;
        }

        w.WriteStartObject("delegatedFrom"u8);
        if (!JsonFields.Customer(w, "customer"u8, claim.Customer)
            || !JsonFields.Ref(w, "source"u8, claim.Source)
            || !JsonFields.Id(w, "delegation"u8, claim.Delegation)
            || !JsonFields.Date(w, "date"u8, claim.Date))
        {
            return false;
        }

        w.WriteEndObject();
        return true;
    }

    /// <summary>The metadata of the nested values the codecs hand to the source-generated path.</summary>
    private static class NestedInfo
    {
        public static readonly JsonTypeInfo<IReadOnlyList<CashDiscountStage>> CashDiscounts = Info<IReadOnlyList<CashDiscountStage>>();
        public static readonly JsonTypeInfo<Customer> Customer = Info<Customer>();

        private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)JournalJsonContext.Strict.GetTypeInfo(typeof(T));
    }
}

/// <summary>The hand-written reader and writer of one entry kind (<see cref="JournalEntryCodecs"/>).</summary>
internal abstract class EntryCodec
{
    /// <summary>Reads the entry whose <c>{</c> the reader stands on; <see langword="null"/> for any shape but the written one.</summary>
    public abstract JournalEntry? Read(ref Utf8JsonReader reader);

    /// <summary>Writes the entry's object; <see langword="false"/> (with the writer to be discarded) for a value it does not cover.</summary>
    public abstract bool Write(Utf8JsonWriter writer, JournalEntry entry);
}

/// <inheritdoc />
internal sealed class EntryCodec<T>(JournalEntryCodecs.Reader<T> read, Func<Utf8JsonWriter, T, bool> write, JournalEntryCodecs.Reader<T>? readJsonb) : EntryCodec
    where T : JournalEntry
{
    /// <inheritdoc />
    public override JournalEntry? Read(ref Utf8JsonReader reader)
    {
        if (readJsonb is null)
        {
            return read(ref reader);
        }

        var start = reader;
        var entry = read(ref reader);
        if (entry is null)
        {
            reader = start;
            entry = readJsonb(ref reader);
        }

        return entry;
    }

    /// <inheritdoc />
    public override bool Write(Utf8JsonWriter writer, JournalEntry entry)
    {
        writer.WriteStartObject();
        if (!write(writer, (T)entry))
        {
            return false;
        }

        writer.WriteEndObject();
        return true;
    }
}
