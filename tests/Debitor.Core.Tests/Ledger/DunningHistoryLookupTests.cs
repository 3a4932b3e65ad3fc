using System.Globalization;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ledger;

/// <summary>
/// D13.170: a replay finds an account's active letters by a scan while it has few of them and by a table beyond
/// that; both ways give the same states and refuse the same journals.
/// </summary>
public sealed class DunningHistoryLookupTests
{
    private static readonly LocalDate Start = new(2020, 1, 6);

    private static readonly InstallmentRef Claim = new(Id("a"), 1);

    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(150)]
    public void Replay_ManyLettersSomeCancelled_StateIsThatOfTheActiveNotices(int letters)
    {
        var journal = Letters(letters);
        var cancelled = new[] { 2, letters / 2 + 1, letters }.Distinct().ToHashSet();
        foreach (var letter in cancelled.OrderByDescending(l => l))
        {
            journal.Add(new DunningLetterCancelled(Id("x" + Name(letter)), Name(letter), Start.PlusDays(letters + 1), "storniert"));
        }

        var account = CustomerAccount.FromJournal(Records(journal));

        var standing = Enumerable.Range(1, letters).Where(l => !cancelled.Contains(l)).ToList();
        var expected = standing.Count == 0
            ? DunningState.None
            : new DunningState(Level(standing[^1]), standing.Count, Start.PlusDays(standing[^1]), Start.PlusDays(standing[^1])) { DefaultDate = Start.PlusDays(standing[0]) };
        Assert.Equal(expected, account.FindInstallment(Claim)!.Dunning);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(65)]
    [InlineData(150)]
    public void Replay_LetterIssuedTwice_ThrowsCorruptJournal(int letters)
    {
        var journal = Letters(letters);
        journal.Add(new DunningNoticeIssued(Id("again"), Name(2), Start.PlusDays(letters + 1), [new DunningNotice(Claim, 3)]));

        var error = Assert.Throws<CorruptJournalException>(() => CustomerAccount.FromJournal(Records(journal)));
        Assert.Contains(Name(2), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(65)]
    public void Replay_CancellingAnUnknownLetter_ThrowsCorruptJournal(int letters)
    {
        var journal = Letters(letters);
        journal.Add(new DunningLetterCancelled(Id("x"), "unknown", Start.PlusDays(letters + 1), "storniert"));

        Assert.Throws<CorruptJournalException>(() => CustomerAccount.FromJournal(Records(journal)));
    }

    private static List<JournalEntry> Letters(int letters)
    {
        var journal = new List<JournalEntry>
        {
            new CustomerRegistered(Id("reg"), NewCustomer()),
            InvoicePosted.Single(Id("a"), "RE-a", Start, Start, Eur(100m)),
        };
        for (var letter = 1; letter <= letters; letter++)
        {
            journal.Add(new DunningNoticeIssued(Id("n" + Name(letter)), Name(letter), Start.PlusDays(letter), [new DunningNotice(Claim, Level(letter))]));
        }

        return journal;
    }

    private static int Level(int letter) => Math.Min(letter, 3);

    private static string Name(int letter) => "L" + letter.ToString(CultureInfo.InvariantCulture);

    private static List<JournalRecord> Records(List<JournalEntry> journal) =>
        [.. journal.Select((e, i) => new JournalRecord(i + 1, Now, new UserId("test"), e))];
}
