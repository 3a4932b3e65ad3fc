using System.Globalization;
using Debitor.Core.Dunning;

namespace Debitor.Core.Orleans;

/// <summary>
/// A dunning letter as plain values that travel between silos: everything the letter states (recipient, debtors,
/// every line with its amounts, level, fee and interest, credits, fees and totals). Two letters are the same letter
/// when their snapshots are equal member by member.
/// </summary>
/// <remarks>Amounts are in <see cref="Currency"/>; dates are ISO-8601 (<c>yyyy-MM-dd</c>).</remarks>
[GenerateSerializer]
[Immutable]
public sealed record DunningLetterSnapshot
{
    /// <summary>The letter's id (<see cref="DunningLetter.Id"/>).</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The recipient's account.</summary>
    [Id(1)] public required string Recipient { get; init; }

    /// <summary>The customers whose items are on the letter, ordered by id.</summary>
    [Id(2)] public required IReadOnlyList<string> Customers { get; init; }

    /// <summary>The currency (ISO 4217).</summary>
    [Id(3)] public required string Currency { get; init; }

    /// <summary>The letter's level.</summary>
    [Id(4)] public required int Level { get; init; }

    /// <summary>The dunning scheme.</summary>
    [Id(5)] public required string Scheme { get; init; }

    /// <summary>The header text key.</summary>
    [Id(6)] public required string HeaderTextKey { get; init; }

    /// <summary>The footer text key.</summary>
    [Id(7)] public required string FooterTextKey { get; init; }

    /// <summary>The letter date.</summary>
    [Id(8)] public required string LetterDate { get; init; }

    /// <summary>The payment deadline.</summary>
    [Id(9)] public required string PaymentDeadline { get; init; }

    /// <summary>The output medium.</summary>
    [Id(10)] public required string Medium { get; init; }

    /// <summary>The recipient's document address, as text, or <see langword="null"/>.</summary>
    [Id(11)] public string? RecipientAddress { get; init; }

    /// <summary>The recipient's sending e-mail address, or <see langword="null"/>.</summary>
    [Id(12)] public string? RecipientEmail { get; init; }

    /// <summary>The debtors: id, number, name and whether a consumer, one text per debtor.</summary>
    [Id(13)] public required IReadOnlyList<string> Debtors { get; init; }

    /// <summary>The overdue lines.</summary>
    [Id(14)] public required IReadOnlyList<DunningLineSnapshot> Lines { get; init; }

    /// <summary>The items not yet due.</summary>
    [Id(15)] public required IReadOnlyList<DunningLineSnapshot> ItemsNotYetDue { get; init; }

    /// <summary>The credits netted: customer, item, document number, date and open amount, one text per credit.</summary>
    [Id(16)] public required IReadOnlyList<string> Credits { get; init; }

    /// <summary>The fees: kind, amount, level, customer and installment, one text per fee.</summary>
    [Id(17)] public required IReadOnlyList<string> Fees { get; init; }

    /// <summary>The overdue total.</summary>
    [Id(18)] public required decimal OverdueTotal { get; init; }

    /// <summary>The credit total.</summary>
    [Id(19)] public required decimal CreditTotal { get; init; }

    /// <summary>The fee total.</summary>
    [Id(20)] public required decimal FeeTotal { get; init; }

    /// <summary>The interest total.</summary>
    [Id(21)] public required decimal InterestTotal { get; init; }

    /// <summary>The total due.</summary>
    [Id(22)] public required decimal TotalDue { get; init; }

    /// <summary>The total not yet due.</summary>
    [Id(23)] public required decimal NotYetDueTotal { get; init; }

    /// <summary>The number of notices the letter issues.</summary>
    [Id(24)] public required int NoticeCount { get; init; }

    /// <summary>The attachments the recipient asked for.</summary>
    [Id(25)] public required string Attachments { get; init; }

    /// <summary>
    /// The letter's number as printed (<c>2026-000042</c>, <see cref="DunningLetter.Number"/>): given when the letter is
    /// issued, so an issued letter's snapshot carries it and a preview's does not (<see langword="null"/>).
    /// </summary>
    [Id(26)] public string? Number { get; init; }

    /// <summary>Takes the snapshot of a letter.</summary>
    /// <param name="letter">The letter.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="letter"/> is <see langword="null"/>.</exception>
    public static DunningLetterSnapshot Of(DunningLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return new DunningLetterSnapshot
        {
            Id = letter.Id,
            Recipient = letter.RecipientId.Value,
            Customers = [.. letter.Customers.Select(c => c.Value)],
            Currency = letter.Currency.Code,
            Level = letter.Level,
            Scheme = letter.Scheme.ToString(),
            HeaderTextKey = letter.HeaderTextKey,
            FooterTextKey = letter.FooterTextKey,
            LetterDate = Snapshots.Date(letter.LetterDate),
            PaymentDeadline = Snapshots.Date(letter.PaymentDeadline),
            Medium = letter.Medium.ToString(),
            RecipientAddress = letter.RecipientAddress?.ToString(),
            RecipientEmail = letter.RecipientEmail?.ToString(),
            Debtors = [.. letter.Debtors.Select(d => Snapshots.Text($"{d.Id}|{d.Number}|{d.Name}|{d.IsConsumer}"))],
            Lines = [.. letter.Lines.Select(DunningLineSnapshot.Of)],
            ItemsNotYetDue = [.. letter.ItemsNotYetDue.Select(DunningLineSnapshot.Of)],
            Credits = [.. letter.Credits.Select(c => Snapshots.Text($"{c.Customer}|{c.Item}|{c.Kind}|{c.DocumentNumber}|{Snapshots.Date(c.Date)}|{c.OpenAmount.Amount}"))],
            Fees = [.. letter.Fees.Select(f => Snapshots.Text($"{f.Kind}|{f.Amount.Amount}|{f.Level}|{f.Customer}|{f.Installment}"))],
            OverdueTotal = letter.OverdueTotal.Amount,
            CreditTotal = letter.CreditTotal.Amount,
            FeeTotal = letter.FeeTotal.Amount,
            InterestTotal = letter.InterestTotal.Amount,
            TotalDue = letter.TotalDue.Amount,
            NotYetDueTotal = letter.NotYetDueTotal.Amount,
            NoticeCount = letter.NoticeCount,
            Attachments = letter.Attachments.ToString(),
            Number = letter.Number?.ToString(),
        };
    }

    /// <summary>
    /// The whole letter as one text, member by member: equal texts mean the same letter, letter for letter. The
    /// <see cref="Number"/> is left out: it is given on issue, so a previewed letter and the same letter issued describe alike
    /// (D19.40); compare numbers on their own.
    /// </summary>
    /// <returns>The text.</returns>
    public string Describe() => string.Join(
        "\n",
        new[]
        {
            Snapshots.Text($"{Id}|{Recipient}|{string.Join(',', Customers)}|{Currency}|{Level}|{Scheme}|{HeaderTextKey}|{FooterTextKey}|{LetterDate}|{PaymentDeadline}|{Medium}|{Attachments}"),
            Snapshots.Text($"{RecipientAddress}|{RecipientEmail}"),
            Snapshots.Text($"{OverdueTotal}|{CreditTotal}|{FeeTotal}|{InterestTotal}|{TotalDue}|{NotYetDueTotal}|{NoticeCount}"),
        }
        .Concat(Debtors).Concat(Lines.Select(l => l.Describe())).Concat(ItemsNotYetDue.Select(l => "not yet due " + l.Describe())).Concat(Credits).Concat(Fees));
}

/// <summary>One line of a dunning proposal (on a letter, or excluded) as plain values.</summary>
[GenerateSerializer]
[Immutable]
public sealed record DunningLineSnapshot
{
    /// <summary>The customer.</summary>
    [Id(0)] public required string Customer { get; init; }

    /// <summary>The item's entry id.</summary>
    [Id(1)] public required string Item { get; init; }

    /// <summary>The installment number.</summary>
    [Id(2)] public required int Installment { get; init; }

    /// <summary>The document number.</summary>
    [Id(3)] public required string DocumentNumber { get; init; }

    /// <summary>The kind of item and of installment.</summary>
    [Id(4)] public required string Kind { get; init; }

    /// <summary>The document date.</summary>
    [Id(5)] public required string DocumentDate { get; init; }

    /// <summary>The due date.</summary>
    [Id(6)] public required string DueDate { get; init; }

    /// <summary>The currency (ISO 4217).</summary>
    [Id(7)] public required string Currency { get; init; }

    /// <summary>The installment's amount.</summary>
    [Id(8)] public required decimal Amount { get; init; }

    /// <summary>The open amount.</summary>
    [Id(9)] public required decimal OpenAmount { get; init; }

    /// <summary>The level before the run, the notices before the run and the last notice date.</summary>
    [Id(10)] public required string Previous { get; init; }

    /// <summary>The level.</summary>
    [Id(11)] public required int Level { get; init; }

    /// <summary>The status.</summary>
    [Id(12)] public required string Status { get; init; }

    /// <summary>Why the line is excluded, or <see langword="null"/>.</summary>
    [Id(13)] public string? Exclusion { get; init; }

    /// <summary>The item fee.</summary>
    [Id(14)] public required decimal Fee { get; init; }

    /// <summary>The interest.</summary>
    [Id(15)] public required decimal Interest { get; init; }

    /// <summary>Whether the line issues a notice.</summary>
    [Id(16)] public required bool IssuesNotice { get; init; }

    /// <summary>Takes the snapshot of a line.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is <see langword="null"/>.</exception>
    public static DunningLineSnapshot Of(DunningLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new DunningLineSnapshot
        {
            Customer = line.Customer.Value,
            Item = line.Installment.Item.Value,
            Installment = line.Installment.Number,
            DocumentNumber = line.DocumentNumber,
            Kind = Snapshots.Text($"{line.ItemKind}/{line.InstallmentKind}"),
            DocumentDate = Snapshots.Date(line.DocumentDate),
            DueDate = Snapshots.Date(line.DueDate),
            Currency = line.Currency.Code,
            Amount = line.Amount.Amount,
            OpenAmount = line.OpenAmount.Amount,
            Previous = Snapshots.Text($"{line.PreviousLevel}|{line.PreviousNotices}|{(line.LastNoticeDate is { } last ? Snapshots.Date(last) : "-")}"),
            Level = line.Level,
            Status = line.Status.ToString(),
            Exclusion = line.Exclusion?.ToString(),
            Fee = line.Fee.Amount,
            Interest = line.Interest.Amount,
            IssuesNotice = line.IssuesNotice,
        };
    }

    /// <summary>The line as one text, member by member.</summary>
    /// <returns>The text.</returns>
    public string Describe() => Snapshots.Text(
        $"{Customer}|{Item}#{Installment}|{DocumentNumber}|{Kind}|{DocumentDate}|{DueDate}|{Currency}|{Amount}|{OpenAmount}|{Previous}|{Level}|{Status}|{Exclusion}|{Fee}|{Interest}|{IssuesNotice}");
}

/// <summary>Formatting shared by the snapshots: invariant culture, ISO dates.</summary>
internal static class Snapshots
{
    internal static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    internal static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The order of excluded lines in a proposal: customer, due date, document number, item, installment (the engine's own order).</summary>
    internal static int CompareExcluded(DunningLineSnapshot a, DunningLineSnapshot b)
    {
        var order = string.CompareOrdinal(a.Customer, b.Customer);
        order = order != 0 ? order : string.CompareOrdinal(a.DueDate, b.DueDate);
        order = order != 0 ? order : string.CompareOrdinal(a.DocumentNumber, b.DocumentNumber);
        order = order != 0 ? order : string.CompareOrdinal(a.Item, b.Item);
        return order != 0 ? order : a.Installment.CompareTo(b.Installment);
    }

    /// <summary>The order of letters in a proposal: recipient, currency, level (the engine's own order).</summary>
    internal static int CompareLetters(DunningLetterSnapshot a, DunningLetterSnapshot b)
    {
        var order = string.CompareOrdinal(a.Recipient, b.Recipient);
        order = order != 0 ? order : string.CompareOrdinal(a.Currency, b.Currency);
        return order != 0 ? order : a.Level.CompareTo(b.Level);
    }
}
