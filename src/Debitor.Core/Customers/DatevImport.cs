using System.Globalization;
using System.Text;
using Ardalis.GuardClauses;
using Debitor.Core.Banking;

namespace Debitor.Core.Customers;

/// <summary>A customer read from a DATEV export: its receivables settings and master data.</summary>
/// <param name="Customer">The customer (id and number = the DATEV account number).</param>
/// <param name="MasterData">Address, e-mail, phone, bank account and VAT id as far as the export holds them.</param>
public sealed record ImportedCustomer(Customer Customer, CustomerMasterData MasterData);

/// <summary>A line of an import that could not be read.</summary>
/// <param name="Line">The 1-based line number in the file.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportError(int Line, string Message);

/// <summary>The result of reading an import file: what could be read, and every line that could not.</summary>
/// <param name="Customers">The customers read.</param>
/// <param name="Errors">The lines refused, with the reason.</param>
public sealed record ImportResult(IReadOnlyList<ImportedCustomer> Customers, IReadOnlyList<ImportError> Errors);

/// <summary>
/// Reads customer master data from a DATEV "Debitoren/Kreditoren" CSV export (R0.13): semicolon-separated, fields
/// optionally in double quotes, an optional <c>EXTF</c> format line, then a line of column names.
/// </summary>
/// <remarks>
/// <para>Columns are found by name (case-insensitive), so their order and any other columns do not matter:
/// <c>Konto</c> (required), <c>Name (Adressatentyp Unternehmen)</c>, or <c>Name (Adressatentyp natürl. Person)</c> with
/// <c>Vorname (Adressatentyp natürl. Person)</c>, or <c>Kurzbezeichnung</c> (one name is required);
/// <c>Straße</c>, <c>Postleitzahl</c>, <c>Ort</c>, <c>Land</c>; <c>Telefon</c>; <c>E-Mail</c>;
/// <c>EU-Land</c> + <c>EU-UStID</c> (or <c>EU-USt-IdNr.</c>); <c>IBAN-Nr. 1</c> (or <c>IBAN 1</c>), <c>SWIFT-Code 1</c>,
/// <c>Kontoinhaber 1</c>; <c>Bankleitzahl 1</c> + <c>Bank-Kontonummer 1</c> when there is no IBAN.</para>
/// <para>Only debtor accounts are read (DATEV numbers them from 10000 to 69999 with four-digit general-ledger accounts);
/// other account numbers are reported as errors. An invalid IBAN, BIC or VAT id refuses the line, so nothing wrong is
/// imported silently. Pure: it reads text and returns values; storing them is the host's decision.</para>
/// </remarks>
public static class DatevCustomerImport
{
    /// <summary>Reads a DATEV customer export.</summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="company">The company the customers belong to.</param>
    /// <returns>The customers read and the lines refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="company"/> is <c>default</c>, or the file has no <c>Konto</c> column.</exception>
    public static ImportResult Read(TextReader reader, CompanyId company)
    {
        Guard.Against.Null(reader);
        Guard.Against.Default(company);
        var customers = new List<ImportedCustomer>();
        var errors = new List<ImportError>();
        Dictionary<string, int>? columns = null;
        int? headerWidth = null;
        var lines = new List<string>();
        while (reader.ReadLine() is { } text)
        {
            lines.Add(text);
        }

        for (var index = 0; index < lines.Count;)
        {
            var line = index + 1;
            var (fields, next, malformed) = ReadRecord(lines, index, headerWidth);
            if (malformed is not null)
            {
                // Reported with its number; reading goes on with the very next line, so no later line is lost.
                errors.Add(new ImportError(line, malformed));
                index++;
                continue;
            }

            index = next;
            if (fields.Count == 0 || (fields.Count == 1 && fields[0].Length == 0))
            {
                continue;
            }

            if (columns is null)
            {
                if (string.Equals(fields[0], "EXTF", StringComparison.OrdinalIgnoreCase) || string.Equals(fields[0], "DTVF", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                columns = fields.Select((name, column) => (Name: name.Trim(), Column: column))
                    .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First().Column, StringComparer.OrdinalIgnoreCase);
                if (!columns.ContainsKey("Konto"))
                {
                    throw new ArgumentException("The file has no 'Konto' column; is it a DATEV Debitoren/Kreditoren export?", nameof(reader));
                }

                headerWidth = fields.Count;
                continue;
            }

            try
            {
                customers.Add(ReadCustomer(fields, columns, company));
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException)
            {
                errors.Add(new ImportError(line, exception.Message));
            }
        }

        return new ImportResult(customers, errors);
    }

    private static ImportedCustomer ReadCustomer(List<string> fields, Dictionary<string, int> columns, CompanyId company)
    {
        string Get(params string[] names)
        {
            foreach (var name in names)
            {
                if (columns.TryGetValue(name, out var index) && index < fields.Count && fields[index].Trim() is { Length: > 0 } value)
                {
                    return value;
                }
            }

            return string.Empty;
        }

        var account = Get("Konto");
        if (!long.TryParse(account, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 10000 or > 69999)
        {
            throw new ArgumentException($"'{account}' is not a DATEV debtor account number (10000–69999).");
        }

        var person = string.Join(' ', new[] { Get("Vorname (Adressatentyp natürl. Person)"), Get("Name (Adressatentyp natürl. Person)") }.Where(p => p.Length > 0));
        var name = Get("Name (Adressatentyp Unternehmen)") is { Length: > 0 } firm ? firm : person.Length > 0 ? person : Get("Kurzbezeichnung");
        if (name.Length == 0)
        {
            throw new ArgumentException($"Account {account} has no name.");
        }

        var customer = new Customer(new CustomerId(account), account, name, company) { IsConsumer = person.Length > 0 && Get("Name (Adressatentyp Unternehmen)").Length == 0 };
        var data = CustomerMasterData.Empty;
        if (Get("Straße") is { Length: > 0 } street || Get("Ort").Length > 0)
        {
            data = data with { Addresses = [new PostalAddress(AddressKind.Main, name, Get("Straße"), Get("Postleitzahl"), Get("Ort"), Get("Land") is { Length: > 0 } country ? country : "DE")] };
        }

        if (Get("E-Mail") is { Length: > 0 } email)
        {
            data = data with { Emails = [new EmailAddress(email, UseForSending: true)] };
        }

        if (Get("Telefon") is { Length: > 0 } phone)
        {
            data = data with { Phones = [new PhoneNumber(phone, Preferred: true)] };
        }

        if (Get("EU-UStID", "EU-USt-IdNr.", "EU-UStIdNr") is { Length: > 0 } vat)
        {
            var prefix = Get("EU-Land");
            data = data with { VatId = VatId.Parse(vat.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? vat : prefix + vat, CultureInfo.InvariantCulture) };
        }

        var holder = Get("Kontoinhaber 1") is { Length: > 0 } h ? h : name;
        if (Get("IBAN-Nr. 1", "IBAN 1", "IBAN") is { Length: > 0 } iban)
        {
            var bic = Get("SWIFT-Code 1", "BIC 1") is { Length: > 0 } swift ? Bic.Parse(swift, CultureInfo.InvariantCulture) : (Bic?)null;
            data = data with { BankAccounts = [new BankAccount(PaymentMethodKind.SepaDirectDebit, holder, Iban.Parse(iban, CultureInfo.InvariantCulture), bic, bankName: NullIfEmpty(Get("Bankbezeichnung 1")))] };
        }
        else if (Get("Bank-Kontonummer 1") is { Length: > 0 } accountNumber && Get("Bankleitzahl 1") is { Length: > 0 } bankCode)
        {
            data = data with { BankAccounts = [new BankAccount(PaymentMethodKind.Invoice, holder, accountNumber: accountNumber, bankCode: bankCode, bankName: NullIfEmpty(Get("Bankbezeichnung 1")))] };
        }

        return new ImportedCustomer(customer, data);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>
    /// Reads one CSV record starting at a line. A field may be quoted (a quote opens only at the start of a field, <c>""</c>
    /// inside is a quote, the closing quote ends the field) and a quoted field may span lines. The record is malformed when a
    /// quote appears inside an unquoted field, text follows a closing quote, a quote is never closed, or a record that spans
    /// lines does not have the header's number of fields (an unbalanced quote swallowing the next lines).
    /// </summary>
    /// <returns>The fields and the index of the line after the record, or why the record is malformed.</returns>
    private static (List<string> Fields, int Next, string? Malformed) ReadRecord(List<string> lines, int index, int? headerWidth)
    {
        var first = index;
        var line = lines[index];
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStart = true;
        var i = 0;
        while (true)
        {
            if (i >= line.Length)
            {
                if (quoted)
                {
                    if (++index >= lines.Count)
                    {
                        return (fields, index, "A quote is opened and never closed.");
                    }

                    field.Append('\n');
                    line = lines[index];
                    i = 0;
                    continue;
                }

                fields.Add(field.ToString());
                var spansLines = index > first;
                return spansLines && headerWidth is { } width && fields.Count != width
                    ? (fields, index + 1, $"A quoted field spans lines {first + 1}–{index + 1} and the record has {fields.Count} fields instead of {width}: is a quote unbalanced?")
                    : (fields, index + 1, null);
            }

            var c = line[i++];
            if (quoted)
            {
                if (c == '"' && i < line.Length && line[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                    if (i < line.Length && line[i] != ';')
                    {
                        return (fields, index + 1, $"Text follows the closing quote of field {fields.Count + 1}.");
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                if (!fieldStart)
                {
                    return (fields, index + 1, $"Field {fields.Count + 1} holds a quote but is not enclosed in quotes.");
                }

                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStart = true;
                continue;
            }
            else
            {
                field.Append(c);
            }

            fieldStart = false;
        }
    }
}
