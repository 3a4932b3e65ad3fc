using System.Globalization;
using Debitor.Core.Ledger;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Ledger;

/// <summary>
/// D13.142: a replay keeps no notice list per installment; an installment's dunning state is still that of the notices
/// of its active letters in issue order, whatever letters were issued and cancelled.
/// </summary>
public sealed class DunningHistoryProperties
{
    private static readonly LocalDate Start = new(2026, 1, 5);

    private static readonly InstallmentRef[] Installments =
    [
        new(Id("a"), 1), new(Id("a"), 2), new(Id("b"), 1), new(Id("c"), 1),
    ];

    /// <summary>
    /// Each operation issues a letter (notices on the installments its low bits name, at a level from 1 to 3; now and then
    /// one installment twice) or cancels an active letter; the replayed states equal those of a stack of notices per
    /// installment, from which a cancellation removes its letter's notices.
    /// </summary>
    [Property(MaxTest = 300)]
    public void Replay_AnyLettersAndCancellations_StateIsThatOfTheActiveNoticesInIssueOrder(int[] operations)
    {
        var journal = new List<JournalEntry>
        {
            new CustomerRegistered(Id("reg"), NewCustomer()),
            new InvoicePosted(Id("a"), "RE-a", Start, Start, Eur(100m), [new Installment(Eur(40m), Start, InstallmentKind.Prepayment), new Installment(Eur(60m), Start.PlusDays(10), InstallmentKind.Remainder)]),
            InvoicePosted.Single(Id("b"), "RE-b", Start, Start, Eur(50m)),
            InvoicePosted.Single(Id("c"), "RE-c", Start, Start, Eur(70m)),
        };
        var stacks = Installments.ToDictionary(i => i, _ => new List<(string Letter, int Level, LocalDate Date)>());
        var active = new List<string>();
        var day = 0;
        foreach (var operation in operations ?? [])
        {
            var value = operation & int.MaxValue;
            var date = Start.PlusDays(++day);
            if (value % 4 == 3 && active.Count > 0)
            {
                var letter = active[value / 4 % active.Count];
                active.Remove(letter);
                journal.Add(new DunningLetterCancelled(Id("x-" + letter), letter, date, "storniert"));
                foreach (var stack in stacks.Values)
                {
                    stack.RemoveAll(n => n.Letter == letter);
                }

                continue;
            }

            var id = "L" + day.ToString(CultureInfo.InvariantCulture);
            var level = (value / 16 % 3) + 1;
            var named = Enumerable.Range(0, Installments.Length).Where(i => (value & (1 << i)) != 0).Select(i => Installments[i]).ToList();
            if (named.Count == 0)
            {
                named.Add(Installments[value / 64 % Installments.Length]);
            }

            if (value % 7 == 0)
            {
                named.Add(named[0]);
            }

            journal.Add(new DunningNoticeIssued(Id("n-" + id), id, date, [.. named.Select(i => new DunningNotice(i, level))]));
            active.Add(id);
            foreach (var installment in named)
            {
                stacks[installment].Add((id, level, date));
            }
        }

        var account = CustomerAccount.FromJournal([.. journal.Select((e, i) => new JournalRecord(i + 1, Now, new UserId("test"), e))]);

        foreach (var (installment, stack) in stacks)
        {
            var expected = stack.Count == 0
                ? DunningState.None
                : new DunningState(stack[^1].Level, stack.Count, stack[^1].Date, stack[^1].Date) { DefaultDate = stack[0].Date };
            Assert.Equal(expected, account.FindInstallment(installment)!.Dunning);
        }
    }
}
