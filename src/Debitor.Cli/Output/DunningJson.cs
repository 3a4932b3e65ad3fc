using System.Text.Json;
using Debitor.Core.Dunning;

namespace Debitor.Cli.Output;

/// <summary>
/// The <c>--format json</c> form of proposals and letters, written straight into the output as it goes (D16.263): a run of
/// 100,000 letters is 90 MB of JSON, and building it as objects and one string first cost seconds and a gigabyte's worth
/// of collections. The shape is the tool's documented one (camelCase, amounts as invariant strings, absent values left
/// out), unchanged from the serialized objects it replaces; <c>DunningJsonTests</c> holds it equal to them.
/// </summary>
internal static class DunningJson
{
    /// <summary>The proposal as <c>{ letters, excluded, notices, unreadable }</c>.</summary>
    public static void Proposal(Utf8JsonWriter json, DunningProposal proposal)
    {
        json.WriteStartObject();
        json.WriteStartArray("letters");
        foreach (var letter in proposal.Letters)
        {
            Letter(json, letter);
        }

        json.WriteEndArray();
        json.WriteStartArray("excluded");
        foreach (var line in proposal.Excluded)
        {
            Line(json, line.Customer, line.DocumentNumber, line.Installment.Number, Format.Date(line.DueDate), line.OpenAmount);
            json.WriteString("currency", line.OpenAmount.Currency.Code);
            json.WriteNumber("level", line.Level);
            String(json, "reason", line.Explanation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("notices", proposal.NoticeCount);
        Messages(json, "unreadable", proposal.UnreadableAccounts);
        json.WriteEndObject();
    }

    /// <summary>One letter: its totals, deadline and lines.</summary>
    public static void Letter(Utf8JsonWriter json, DunningLetter letter)
    {
        json.WriteStartObject();
        json.WriteString("id", letter.Id);
        json.WriteString("recipient", letter.RecipientId.Value);
        String(json, "name", letter.Recipient.Name);
        json.WriteNumber("level", letter.Level);
        json.WriteString("currency", letter.Currency.Code);
        json.WriteString("overdue", Format.Amount(letter.OverdueTotal));
        json.WriteString("fees", Format.Amount(letter.FeeTotal));
        json.WriteString("interest", Format.Amount(letter.InterestTotal));
        json.WriteString("totalDue", Format.Amount(letter.TotalDue));
        json.WriteString("deadline", Format.Date(letter.PaymentDeadline));
        json.WriteStartArray("lines");
        foreach (var line in letter.Lines)
        {
            Line(json, line.Customer, line.DocumentNumber, line.Installment.Number, Format.Date(line.DueDate), line.OpenAmount);
            json.WriteNumber("level", line.Level);
            json.WriteString("status", line.Status.ToString());
            json.WriteBoolean("notice", line.IssuesNotice);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The messages of unreadable accounts as an array of strings.</summary>
    public static void Messages(Utf8JsonWriter json, string name, IReadOnlyList<Core.Ledger.CorruptJournalException> unreadable)
    {
        json.WriteStartArray(name);
        foreach (var account in unreadable)
        {
            json.WriteStringValue(account.Message);
        }

        json.WriteEndArray();
    }

    /// <summary>Opens a line's object with what a letter's line and an excluded line share.</summary>
    private static void Line(Utf8JsonWriter json, Core.CustomerId customer, string? document, int installment, string due, Core.Money open)
    {
        json.WriteStartObject();
        json.WriteString("customer", customer.Value);
        String(json, "document", document);
        json.WriteNumber("installment", installment);
        json.WriteString("due", due);
        json.WriteString("open", Format.Amount(open));
    }

    /// <summary>A string property, left out when it is absent (as the tool's JSON leaves out every absent value).</summary>
    public static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
