using Debitor.Core.Communication;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using static Debitor.Core.Tests.DunningData;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

public sealed class DunningPostingsTests
{
    private static readonly DunningSettings WithFees = Settings(Scheme() with
    {
        Levels = [Level(5, 1) with { Fees = [DunningFee.PerLetter(Eur(3m)).WithPerItem(Eur(1m))] }, Level(20, 2), Level(40, 3)],
    });

    [Fact]
    public void EntriesFor_Letter_NoticeFeesAndNoteWithDerivedIds()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));
        var letter = Preview(WithFees, Run(D.PlusDays(6), "r1"), account).SingleLetter();

        var (customer, entries) = Assert.Single(DunningPostings.EntriesFor(letter, postFees: true));

        Assert.Equal(account.Id, customer);
        Assert.Equal(["r1/C-1/EUR/notice", "r1/C-1/EUR/fee", "r1/C-1/EUR/fee/inv/1", "r1/C-1/EUR/note"], entries.Select(e => e.Id.Value));
        var notice = Assert.IsType<DunningNoticeIssued>(entries[0]);
        Assert.Equal([new DunningNotice(new InstallmentRef(Id("inv")), 1)], notice.Notices);
        var itemFee = Assert.IsType<ChargePosted>(entries[2]);
        Assert.Equal((ChargeKind.DunningFee, Eur(1m), (EntryId?)Id("inv"), letter.PaymentDeadline), (itemFee.Kind, itemFee.Amount, itemFee.RelatedItem, itemFee.DueDate));
        Assert.Equal(CommunicationKind.DunningLetter, Assert.IsType<CommunicationRecorded>(entries[3]).Kind);
    }

    [Fact]
    public void EntriesFor_WithoutFees_PostsNoCharges()
    {
        var account = Account("C-1", Invoice("inv", 100m, D));
        var letter = Preview(WithFees, D.PlusDays(6), account).SingleLetter();

        var (_, entries) = Assert.Single(DunningPostings.EntriesFor(letter, postFees: false));

        Assert.DoesNotContain(entries, e => e is ChargePosted);
    }

    [Fact]
    public void EntriesFor_PayerLetter_NoticesPerDebtorLetterFeeToThePayerLast()
    {
        var payer = Account(Customer("P-1"));
        var routed = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer };
        var first = Account(Customer("C-1") with { Payer = payer.Id, PayerRouting = routed }, Invoice("a", 100m, D));
        var letter = Preview(WithFees, D.PlusDays(6), payer, first).SingleLetter();

        var batches = DunningPostings.EntriesFor(letter, postFees: true);

        Assert.Equal([first.Id, payer.Id], batches.Select(b => b.Customer));
        Assert.Contains(batches[0].Entries, e => e is DunningNoticeIssued);
        Assert.Contains(batches[0].Entries, e => e is ChargePosted { RelatedItem: not null });
        Assert.Contains(batches[1].Entries, e => e is ChargePosted { RelatedItem: null, Amount.Amount: 3m });
        Assert.DoesNotContain(batches[1].Entries, e => e is DunningNoticeIssued);
    }

    [Fact]
    public void Ids_BeyondTwoHundredCharacters_AreShortenedWithAHash()
    {
        var longId = new string('x', 195);
        var a = DunningIds.Letter(new DunningRunId(longId), new CustomerId("C-1"), Currency.EUR);
        var b = DunningIds.Letter(new DunningRunId(longId), new CustomerId("C-2"), Currency.EUR);

        Assert.Equal(200, a.Length);
        Assert.NotEqual(a, b);
        Assert.Equal(a, DunningIds.Letter(new DunningRunId(longId), new CustomerId("C-1"), Currency.EUR));
        Assert.Equal(200, DunningIds.Notice(a).Value.Length);
    }
}
