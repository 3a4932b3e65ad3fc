using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Debitor.Cli.Output;
using Debitor.Cli.Storage;
using Debitor.Core;
using Debitor.Core.Application;
using Debitor.Core.Banking;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Cli.Datev;

/// <summary>What a DATEV import did.</summary>
internal sealed record DatevImportResult(string File, string Format, string Encoding, long Lines, int Customers, int Entries, int Unchanged, IReadOnlyList<DatevRejection> Rejected);

/// <summary>
/// Imports a DATEV export into the database through the library's use cases (docs/cli.md, D16.4–D16.6). Master data
/// registers customers (or records changed master data) with every phone, e-mail and bank account of the line; a booking
/// batch posts invoices, credit notes and payments on debtor accounts. Every entry's id is derived from the line (the
/// document number, or a digest of a payment line), so importing the same file again finds every entry stored and
/// changes nothing. A line that cannot be read or that the library refuses is reported with its number, field and
/// reason; the other lines are imported.
/// </summary>
internal static class DatevImporter
{
    private const int MaxBanks = 10;

    /// <summary>Lines applied with one batch of the library (one load and one write of the accounts they touch).</summary>
    public const int ChunkLines = 5_000;

    /// <summary>
    /// Lines read and grouped by account at a time (D16.269): a booking batch of up to this many lines loads each account
    /// once, whatever its order; a window holds its raw lines (about the file's size).
    /// </summary>
    public const int WindowLines = 2_000_000;

    public static Task<DatevImportResult> ImportAsync(CliHost host, string path, Func<long, ProgressReporter> progress, CancellationToken cancellationToken) =>
        ImportAsync(host, path, progress, ChunkLines, WindowLines, cancellationToken);

    /// <summary>The import with chunks and windows of the given sizes (tests run the schedule of large files on small ones).</summary>
    internal static async Task<DatevImportResult> ImportAsync(CliHost host, string path, Func<long, ProgressReporter> progress, int chunkLines, int windowLines, CancellationToken cancellationToken)
    {
        var file = DatevFile.Open(path);
        var rejected = new List<DatevRejection>();
        var reporter = progress(file.CountDataLines());
        var result = file.Format == DatevFormat.MasterData
            ? await MasterDataAsync(host, file, rejected, reporter, (chunkLines, windowLines), cancellationToken)
            : await BookingsAsync(host, file, rejected, reporter, (chunkLines, windowLines), cancellationToken);
        return result with { Rejected = [.. result.Rejected.OrderBy(r => r.Line)] };
    }

    /// <summary>Reads the file and applies it chunk by chunk (<see cref="DatevPipeline"/>).</summary>
    private static Task<long> ChunksAsync<T>(CliHost host, DatevFile file, List<DatevRejection> rejected, ProgressReporter progress, DatevPipeline.Grouping<T> grouping, Func<DatevRecord, T> read, Func<List<(long Line, T Value)>, List<AccountChange>> changes, Action<List<(long Line, T Value)>, BatchResult> report, CancellationToken cancellationToken) =>
        DatevPipeline.RunAsync(file, rejected, progress, host.Accounts, host.Actor, grouping, read, changes, report, cancellationToken);

    // ---------------------------------------------------------------- master data (format category 16)
    private static async Task<DatevImportResult> MasterDataAsync(CliHost host, DatevFile file, List<DatevRejection> rejected, ProgressReporter progress, (int Chunk, int Window) size, CancellationToken cancellationToken)
    {
        int customers = 0, entries = 0, unchanged = 0;
        var grouping = new DatevPipeline.Grouping<((Customer Customer, CustomerMasterData Data) Read, string Digest)>(size.Chunk, size.Window, DatevKey.Account(file.ColumnIndex("Konto")), line => AccountNumber(line.Read.Customer.Id));
        var lines = await ChunksAsync(host, file, rejected, progress, grouping, record => (Read: ReadCustomer(record, file, host.Company), Digest: Digest(record.Fields)), chunk =>
        {
            // Each line registers its customer (a no-op when it is registered; an account registered with other
            // settings keeps them) and records the line's master data under an id derived from the line.
            var changes = new List<AccountChange>(2 * chunk.Count);
            foreach (var (_, ((customer, data), digest)) in chunk)
            {
                changes.Add(AccountChange.Register(customer));
                changes.Add(AccountChange.ChangeMasterData(customer.Id, new EntryId("datev-md:" + digest), data));
            }

            return changes;
        }, (chunk, result) =>
        {
            var refused = result.Refused.Where(r => !(r.Index % 2 == 0 && r.Reason is DuplicateEntryException)).ToLookup(r => r.Index / 2);
            for (var i = 0; i < chunk.Count; i++)
            {
                if (refused[i].FirstOrDefault() is { } refusal)
                {
                    rejected.Add(new DatevRejection(chunk[i].Line, "Konto", refusal.Reason.Message));
                    continue;
                }

                var (registered, changed) = (result.Appended[2 * i], result.Appended[(2 * i) + 1]);
                customers += registered;
                entries += registered + changed;
                unchanged += registered + changed == 0 ? 1 : 0;
            }
        }, cancellationToken);

        return new DatevImportResult(file.Path, "Debitoren/Kreditoren", file.Encoding.WebName, lines, customers, entries, unchanged, rejected);
    }

    private static (Customer, CustomerMasterData) ReadCustomer(DatevRecord r, DatevFile file, CompanyId company)
    {
        var account = r.Get("Konto");
        var length = file.LedgerAccountLength;
        if (!long.TryParse(account, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !IsDebtor(number, length))
        {
            throw new DatevFieldException("Konto", $"'{account}' is not a debtor account ({Pow10(length)}–{(7 * Pow10(length)) - 1} with ledger accounts of {length} digits).");
        }

        var firm = r.Get("Name (Adressatentyp Unternehmen)");
        var person = string.Join(' ', new[] { r.Get("Vorname (Adressatentyp natürl. Person)"), r.Get("Name (Adressatentyp natürl. Person)") }.Where(p => p.Length > 0));
        var name = firm.Length > 0 ? firm : person.Length > 0 ? person : r.Get("Name (Adressatentyp keine Angabe)") is { Length: > 0 } other ? other : r.Get("Kurzbezeichnung");
        if (name.Length == 0)
        {
            throw new DatevFieldException("Name (Adressatentyp Unternehmen)", $"account {account} has no name.");
        }

        var customer = new Customer(new CustomerId(account), r.Get("Kunden-/Lief.-Nr.") is { Length: > 0 } own ? own : account, name, company)
        {
            IsConsumer = r.Get("Adressatentyp") == "1" || (firm.Length == 0 && person.Length > 0),
        };
        var data = CustomerMasterData.Empty;
        if (r.Get("Straße").Length > 0 || r.Get("Ort").Length > 0)
        {
            data = data with { Addresses = [new PostalAddress(AddressKind.Main, name, r.Get("Straße"), r.Get("Postleitzahl"), r.Get("Ort"), r.Get("Land") is { Length: > 0 } country ? country : "DE")] };
        }

        var emails = file.Columns.Keys.Where(c => c.StartsWith("E-Mail", StringComparison.OrdinalIgnoreCase) && !c.Contains("Bemerkung", StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => file.Columns[c]).Select(r.Get).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var email in emails)
        {
            if (!email.Contains('@', StringComparison.Ordinal))
            {
                throw new DatevFieldException("E-Mail", $"'{email}' is not an e-mail address.");
            }
        }

        if (emails.Count > 0)
        {
            data = data with { Emails = [.. emails.Select((e, i) => new EmailAddress(e, UseForSending: i == 0))] };
        }

        var phones = file.Columns.Keys.Where(c => (c.StartsWith("Telefon", StringComparison.OrdinalIgnoreCase) || c.StartsWith("Mobil", StringComparison.OrdinalIgnoreCase)) && !c.Contains("Bemerkung", StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => file.Columns[c]).Select(r.Get).Where(p => p.Length > 0).Distinct().ToList();
        if (phones.Count > 0)
        {
            data = data with { Phones = [.. phones.Select((p, i) => new PhoneNumber(p, Preferred: i == 0))] };
        }

        if (r.Get("EU-UStID") is { Length: > 0 } vat)
        {
            var prefix = r.Get("EU-Land");
            data = data with { VatId = Parse("EU-UStID", () => VatId.Parse(vat.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? vat : prefix + vat, CultureInfo.InvariantCulture)) };
        }

        var banks = new List<(bool Main, BankAccount Account)>();
        for (var n = 1; n <= MaxBanks; n++)
        {
            var iban = r.Get($"IBAN-Nr. {n}") is { Length: > 0 } i ? i : r.Get($"IBAN {n}");
            var code = r.Get($"Bankleitzahl {n}");
            var accountNumber = r.Get($"Bank-Kontonummer {n}");
            if (iban.Length == 0 && (code.Length == 0 || accountNumber.Length == 0))
            {
                continue;
            }

            var holder = r.Get($"Abw. Kontoinhaber {n}") is { Length: > 0 } h ? h : name;
            var bankName = r.Get($"Bankbezeichnung {n}") is { Length: > 0 } b ? b : null;
            var bic = r.Get($"SWIFT-Code {n}") is { Length: > 0 } swift ? Parse($"SWIFT-Code {n}", () => Bic.Parse(swift, CultureInfo.InvariantCulture)) : (Bic?)null;
            var bank = iban.Length > 0
                ? new BankAccount(PaymentMethodKind.SepaDirectDebit, holder, Parse($"IBAN-Nr. {n}", () => Iban.Parse(iban, CultureInfo.InvariantCulture)), bic, bankName: bankName)
                : new BankAccount(PaymentMethodKind.Invoice, holder, accountNumber: accountNumber, bankCode: code, bankName: bankName);
            banks.Add((r.Get($"Kennz. Hauptbankverb. {n}") == "1", bank));
        }

        if (banks.Count > 0)
        {
            // The main bank account (DATEV's "Kennz. Hauptbankverb.") comes first; the others keep their order.
            data = data with { BankAccounts = [.. banks.OrderBy(b => b.Main ? 0 : 1).Select(b => b.Account)] };
        }

        return (customer, data);
    }

    // ---------------------------------------------------------------- booking batch (format category 21)
    private static async Task<DatevImportResult> BookingsAsync(CliHost host, DatevFile file, List<DatevRejection> rejected, ProgressReporter progress, (int Chunk, int Window) size, CancellationToken cancellationToken)
    {
        // Identical payment lines are told apart by their occurrence in the file: the n-th gets the id "<digest>.<n>".
        var occurrences = new Dictionary<UInt128, int>();
        var columns = new BookingColumns(file);
        var changed = new HashSet<CustomerId>();
        int entries = 0, unchanged = 0;
        var grouping = new DatevPipeline.Grouping<BookingLine>(size.Chunk, size.Window, DatevKey.Booking(columns.Konto, columns.Gegenkonto, account => IsDebtor(account, file.LedgerAccountLength)), line => AccountNumber(line.Customer));
        var lines = await ChunksAsync(host, file, rejected, progress, grouping, record => ReadBooking(record, file, columns, occurrences), chunk =>
        {
            // One change per line, computed from the account as it stands when it is applied (after the lines before it):
            // the due date from the customer's terms, the invoice a payment names and what is still open on it. A line
            // whose first entry is stored already is left alone.
            return chunk.Select(b => AccountChange.Post(b.Value.Customer, b.Value.Plan)).ToList();
        }, (chunk, result) =>
        {
            foreach (var refusal in result.Refused)
            {
                var (number, line) = chunk[refusal.Index];
                rejected.Add(refusal.Reason is ArgumentException { ParamName: "customer" }
                    ? new DatevRejection(number, line.DebtorField, $"there is no customer {line.Customer}: import the master data (Debitoren/Kreditoren) first.")
                    : new DatevRejection(number, AmountColumn, refusal.Reason.Message));
            }

            var refused = result.Refused.Select(r => r.Index).ToHashSet();
            for (var i = 0; i < chunk.Count; i++)
            {
                if (result.Appended[i] > 0)
                {
                    entries += result.Appended[i];
                    changed.Add(chunk[i].Value.Customer);
                }
                else if (!refused.Contains(i))
                {
                    unchanged++;
                }
            }
        }, cancellationToken);

        return new DatevImportResult(file.Path, "Buchungsstapel", file.Encoding.WebName, lines, changed.Count, entries, unchanged, rejected);
    }

    /// <summary>
    /// A payment line's id, from the digest of the line (invoices and credit notes are identified by their document
    /// number); taken once the line is read without fault, so a refused line counts no occurrence.
    /// </summary>
    /// <remarks>
    /// Occurrences are counted by the digest's bytes, not by its string (D16.221): the string is the hex of those bytes, so
    /// the same lines count as the same, and the file's half a million digests live on as values, not as strings.
    /// </remarks>
    private static string PaymentLineId(DatevRecord record, Dictionary<UInt128, int> occurrences)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        HashFields(record.Fields, hash);
        var digest = hash[..DigestBytes];
        var key = new UInt128(BinaryPrimitives.ReadUInt16LittleEndian(digest[8..]), BinaryPrimitives.ReadUInt64LittleEndian(digest));
        var seen = ++System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(occurrences, key, out _);
        return string.Create(CultureInfo.InvariantCulture, $"{Convert.ToHexStringLower(digest)}.{seen}");
    }

    private enum BookingKind
    {
        Invoice,
        CreditNote,
        Payment,
    }

    // The booking batch's columns: read by BookingColumns and named by the refusals of ReadBooking.
    private const string AmountColumn = "Umsatz (ohne Soll/Haben-Kz)";
    private const string SideColumn = "Soll/Haben-Kennzeichen";
    private const string KontoColumn = "Konto";
    private const string GegenkontoColumn = "Gegenkonto (ohne BU-Schlüssel)";
    private const string CurrencyColumn = "WKZ Umsatz";
    private const string DateColumn = "Belegdatum";
    private const string DocumentColumn = "Belegfeld 1";
    private const string DueColumn = "Fälligkeit";
    private const string ReferenceColumn = "Belegfeld 2";
    private const string TextColumn = "Buchungstext";

    /// <summary>
    /// The columns a booking line is read from, looked up by name once per file instead of on every line (D16.183); a
    /// column the file lacks reads as empty, as <see cref="DatevRecord.Get(string)"/> reads it. Each account's customer id
    /// is made once, so the lines of one account share one string; the line before's is kept at hand.
    /// </summary>
    private sealed class BookingColumns(DatevFile file)
    {
        private readonly Dictionary<long, CustomerId> _customers = [];
        private long _lastDebtor = -1;
        private CustomerId _lastCustomer;

        public int Amount { get; } = file.ColumnIndex(AmountColumn);

        public int Side { get; } = file.ColumnIndex(SideColumn);

        public int Konto { get; } = file.ColumnIndex(KontoColumn);

        public int Gegenkonto { get; } = file.ColumnIndex(GegenkontoColumn);

        public int Currency { get; } = file.ColumnIndex(CurrencyColumn);

        public int Date { get; } = file.ColumnIndex(DateColumn);

        public int Document { get; } = file.ColumnIndex(DocumentColumn);

        public int Due { get; } = file.ColumnIndex(DueColumn);

        public int Reference { get; } = file.ColumnIndex(ReferenceColumn);

        public int Text { get; } = file.ColumnIndex(TextColumn);

        /// <summary>The customer of a debtor account number (its digits, invariant).</summary>
        public CustomerId Customer(long debtor)
        {
            if (debtor != _lastDebtor)
            {
                // A batch in date order comes back to an account many times: each account's id is made once (D16.269).
                ref var customer = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_customers, debtor, out var made);
                if (!made)
                {
                    customer = new CustomerId(debtor.ToString(CultureInfo.InvariantCulture));
                }

                _lastCustomer = customer;
                _lastDebtor = debtor;
            }

            return _lastCustomer;
        }
    }

    private sealed record BookingLine(CustomerId Customer, string DebtorField, BookingKind Kind, Money Amount, LocalDate Date, LocalDate? Due, string Document, string Reference, string Text, string LineId = "")
    {
        /// <summary>The line's entries on the account as it stands (<see cref="Entries"/>): the line's plan, without a closure per line (D16.221).</summary>
        public IReadOnlyList<JournalEntry> Plan(CustomerAccount account) => Entries(this, account);
    }

    /// <summary>Reads a booking line; a payment line is identified by <see cref="PaymentLineId"/> at the end (no copy of the line for it, D16.170).</summary>
    private static BookingLine ReadBooking(DatevRecord r, DatevFile file, BookingColumns c, Dictionary<UInt128, int> occurrences)
    {
        var amountText = r.Get(c.Amount);
        if (DatevValues.Amount(amountText) is not { } amount || amount <= 0)
        {
            throw new DatevFieldException(AmountColumn, $"'{amountText}' is no amount above zero with a decimal comma (e.g. 1234,56).");
        }

        var side = r.Get(c.Side).ToUpperInvariant();
        if (side is not ("S" or "H"))
        {
            throw new DatevFieldException(SideColumn, $"'{side}' is neither S nor H.");
        }

        var length = file.LedgerAccountLength;
        var konto = Account(r, c.Konto, KontoColumn);
        var gegenkonto = Account(r, c.Gegenkonto, GegenkontoColumn);
        (long Debtor, long Other, string Field, bool Debit) posting = IsDebtor(konto, length)
            ? (konto, gegenkonto, KontoColumn, side == "S")
            : IsDebtor(gegenkonto, length)
                ? (gegenkonto, konto, GegenkontoColumn, side == "H")
                : throw new DatevFieldException(KontoColumn, $"neither Konto {konto} nor Gegenkonto {gegenkonto} is a debtor account ({Pow10(length)}–{(7 * Pow10(length)) - 1}).");
        var currencyCode = r.Get(c.Currency) is { Length: > 0 } wkz ? wkz : file.Currency;
        Money money;
        try
        {
            money = new Money(amount, Currency.FromCode(currencyCode));
        }
        catch (ArgumentException exception)
        {
            throw new DatevFieldException(r.Get(c.Currency).Length > 0 ? CurrencyColumn : AmountColumn, exception.Message);
        }

        var date = DatevValues.BookingDate(r.Get(c.Date), file.PeriodStart)
            ?? throw new DatevFieldException(DateColumn, $"'{r.Get(c.Date)}' is no date TTMM in the exported period (header 'Datum vom') or TTMMJJJJ.");
        var document = r.Get(c.Document);
        var kind = posting.Debit ? BookingKind.Invoice : IsFinancialAccount(posting.Other, length, file.ChartOfAccounts) ? BookingKind.Payment : BookingKind.CreditNote;
        if (kind != BookingKind.Payment && document.Length == 0)
        {
            throw new DatevFieldException(DocumentColumn, $"an {(kind == BookingKind.Invoice ? "invoice" : "credit note")} needs its document number.");
        }

        LocalDate? due = null;
        if (kind == BookingKind.Invoice)
        {
            if (r.Get(c.Due) is { Length: > 0 } fälligkeit)
            {
                due = DatevValues.Date6Or8(fälligkeit) ?? throw new DatevFieldException(DueColumn, $"'{fälligkeit}' is no date TTMMJJJJ.");
            }
            else if (r.Get(c.Reference) is { Length: > 0 } belegfeld2)
            {
                due = DatevValues.Date6Or8(belegfeld2) ?? throw new DatevFieldException(ReferenceColumn, $"'{belegfeld2}' is no due date TTMMJJ.");
            }

            if (due < date)
            {
                throw new DatevFieldException(DueColumn, $"the due date {Format.Date(due.Value)} lies before the document date {Format.Date(date)}.");
            }
        }

        var lineId = kind == BookingKind.Payment ? PaymentLineId(r, occurrences) : "";
        return new BookingLine(c.Customer(posting.Debtor), posting.Field, kind, money, date, due, document, r.Get(c.Reference), r.Get(c.Text), lineId);
    }

    /// <summary>
    /// The journal entries of one booking line on the account as it stands; the first entry's id identifies the line, and
    /// none when it is stored already (importing a file again changes nothing).
    /// </summary>
    private static IReadOnlyList<JournalEntry> Entries(BookingLine line, CustomerAccount account)
    {
        switch (line.Kind)
        {
            case BookingKind.Invoice:
            {
                var id = new EntryId("datev:" + line.Document);
                var due = line.Due ?? line.Date.PlusDays(account.Customer.PaymentTerms.NetDays);
                return account.FindEntry(id) is not null ? [] : [new InvoicePosted(id, line.Document, line.Date, due, line.Amount, [new Installment(line.Amount)])];
            }

            case BookingKind.CreditNote:
            {
                var id = new EntryId("datev-gs:" + line.Document);
                return account.FindEntry(id) is not null ? [] : [new CreditNotePosted(id, line.Document, line.Date, line.Amount, InvoiceNamed(line.Reference, account))];
            }

            default:
            {
                var id = new EntryId("datev-pay:" + line.LineId);
                if (account.FindEntry(id) is not null)
                {
                    return [];
                }

                var received = new PaymentReceived(id, line.Amount, line.Date, Reference: line.Document.Length > 0 ? line.Document : line.Text);
                if (InvoiceNamed(line.Document, account) is not { } invoice)
                {
                    return [received];
                }

                // OPOS: the payment names the invoice it settles in Belegfeld 1; it is applied up to what is open.
                var open = account.FindItem(invoice)!.OpenAmount;
                var applied = open.Amount <= 0 ? (Money?)null : open.Amount < line.Amount.Amount ? open : line.Amount;
                return applied is null
                    ? [received]
                    : [received, new PaymentApplied(new EntryId(id.Value + "/1"), id, new InstallmentRef(invoice, 1), applied.Value, line.Date)];
            }
        }
    }

    /// <summary>The invoice a booking line names by its document number, when the account holds it.</summary>
    private static EntryId? InvoiceNamed(string number, CustomerAccount account)
    {
        if (number.Length == 0)
        {
            return null;
        }

        var id = new EntryId("datev:" + number);
        return account.FindItem(id) is { Kind: ItemKind.Invoice } ? id : null;
    }

    private static long Account(DatevRecord r, int column, string field)
    {
        var text = r.Get(column);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new DatevFieldException(field, $"'{text}' is no account number.");
    }

    /// <summary>The account number of a customer the import read (its id is the account's digits); −1 for an id of more digits than a long holds.</summary>
    private static long AccountNumber(CustomerId customer) =>
        long.TryParse(customer.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : DatevKey.None;

    private static long Pow10(int digits) => digits is >= 0 and < 19 ? PowersOf10[digits] : (long)Math.Pow(10, digits);

    /// <summary>DATEV numbers debtor accounts from 1·10^L to 7·10^L − 1 (10000–69999 with four-digit ledger accounts).</summary>
    private static bool IsDebtor(long account, int ledgerLength) => account >= Pow10(ledgerLength) && account < 7 * Pow10(ledgerLength);

    /// <summary>Cash and bank accounts: SKR 03 1000–1399, SKR 04 1600–1899 (scaled to the ledger account length).</summary>
    private static bool IsFinancialAccount(long account, int ledgerLength, string chart)
    {
        if (account >= Pow10(ledgerLength))
        {
            return false;
        }

        var four = account / Pow10(ledgerLength - 4);
        return chart.AsSpan().TrimStart('0').SequenceEqual("4") ? four is >= 1600 and <= 1899 : four is >= 1000 and <= 1399;
    }

    private static T Parse<T>(string field, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            throw new DatevFieldException(field, exception.Message);
        }
    }

    /// <summary>10^0 to 10^18, for <see cref="Pow10"/> (a table instead of <see cref="Math.Pow"/> on every line, D16.183).</summary>
    private static readonly long[] PowersOf10 = [.. Enumerable.Range(0, 19).Select(static d => (long)Math.Pow(10, d))];

    /// <summary>A line's fields are encoded for its digest in a buffer of the thread's up to this many bytes, else in a rented array.</summary>
    private const int LineBufferBytes = 2048;

    /// <summary>One SHA-256 context per thread, reset after each digest (half the cost of a one-shot hash per line, D16.104).</summary>
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    [ThreadStatic]
    private static byte[]? t_line;

    /// <summary>The first 20 hex digits of the SHA-256 of the line's UTF-8 bytes (D16.33), without a byte array or a 64-digit string per line.</summary>
    internal static string Digest(string raw)
    {
        var sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendUtf8(sha256, raw);
        return HexOfHash(sha256);
    }

    /// <summary>
    /// <see cref="Digest(string)"/> of the fields joined with <c>;</c> (the line as <see cref="DatevRecord.Raw"/> gives it),
    /// without the joined string (D16.173): each field's UTF-8 and the <c>;</c> between them are written into one buffer
    /// and hashed in one call (D16.182; a call per field cost a native hash update each); the same digest (the FsCheck
    /// property <c>Digest_OfFields_IsTheDigestOfTheJoinedLine</c>).
    /// </summary>
    internal static string Digest(string[] fields)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        HashFields(fields, hash);
        return Convert.ToHexStringLower(hash[..DigestBytes]);
    }

    /// <summary>The digest is the hex of this many first bytes of the hash (20 hex digits, D16.33).</summary>
    private const int DigestBytes = 10;

    /// <summary>The SHA-256 of the fields joined with <c>;</c>, into <paramref name="hash"/> (the kernel of <see cref="Digest(string[])"/>).</summary>
    private static void HashFields(string[] fields, Span<byte> hash)
    {
        var sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var max = fields.Length;
        foreach (var field in fields)
        {
            max += Encoding.UTF8.GetMaxByteCount(field.Length);
        }

        // A buffer of the thread's, not a stackalloc: the stack buffer was zeroed on every line (≈ 2 GB a million lines, D16.192).
        var rented = max > LineBufferBytes ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> bytes = rented ?? (t_line ??= new byte[LineBufferBytes]);
        var length = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                bytes[length++] = (byte)';';
            }

            length += Encoding.UTF8.GetBytes(fields[i], bytes[length..]);
        }

        sha256.AppendData(bytes[..length]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        _ = sha256.GetHashAndReset(hash);
    }

    /// <summary>Adds the text's UTF-8 bytes to the hash (on the stack up to 1 KB, else in a rented array).</summary>
    private static void AppendUtf8(IncrementalHash sha256, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = max > 1024 ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> bytes = rented ?? stackalloc byte[1024];
        sha256.AppendData(bytes[..Encoding.UTF8.GetBytes(text, bytes)]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The first 20 hex digits of the hash so far; the hash is reset for the next digest.</summary>
    private static string HexOfHash(IncrementalHash sha256)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        _ = sha256.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash[..DigestBytes]);
    }
}

/// <summary>A field of a DATEV line that cannot be read.</summary>
internal sealed class DatevFieldException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
