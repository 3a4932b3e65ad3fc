using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Interest;

public sealed class AccountInterestProperties
{
    private static Arbitrary<(int Amount, (int Day, int Percent)[] Payments, bool CountDay)> Histories() =>
        (from amount in Gen.Choose(1, 5_000_000)
         from payments in Gen.Choose(0, 200).Zip(Gen.Choose(1, 60)).ArrayOf()
         from countDay in Gen.Elements(true, false)
         select (amount, payments.Take(6).ToArray(), countDay)).ToArbitrary();

    /// <summary>
    /// The interest over a payment history equals the interest computed day by day on the principal outstanding that
    /// day (an independent model): the split into constant-principal pieces adds nothing and loses nothing.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property ForItem_EqualsTheDayByDaySumOverTheHistory() =>
        Prop.ForAll(Histories(), history =>
        {
            var due = Date(2025, 10, 31);
            var asOf = Date(2026, 5, 31);
            var scheme = InterestScheme.GermanStatutory(consumerInvolved: false)
                .WithAccrual(new InterestAccrual { CountSettlementDay = history.CountDay });
            var amount = Money.FromMinorUnits(history.Amount, Currency.EUR);
            var account = NewAccount().Post(InvoicePosted.Single(Id("inv"), "RE", Date(2025, 10, 1), due, amount));
            var remaining = amount;
            var settled = new List<(LocalDate Date, decimal Amount)>();
            var n = 0;
            foreach (var (day, percent) in history.Payments)
            {
                var part = Money.FromMinorUnits(Math.Max(1, remaining.ToMinorUnitsExact() * percent / 100), Currency.EUR);
                if (!remaining.IsPositive || part > remaining)
                {
                    break;
                }

                var date = due.PlusDays(day - 30);
                account = account.Post(new PaymentReceived(Id($"p{n}"), part, date), new PaymentApplied(Id($"a{n}"), Id($"p{n}"), new InstallmentRef(Id("inv")), part, date));
                settled.Add((date, part.Amount));
                remaining -= part;
                n++;
            }

            var interest = AccountInterest.ForItem(account, account.FindItem(Id("inv"))!, scheme, asOf);

            // Independent model: Σ over interest days of principal(day) × rate(day), divided once by 100 × 365.
            var numerator = 0m;
            for (var day = due.PlusDays(1); day <= asOf; day = day.PlusDays(1))
            {
                var paid = settled.Where(s => history.CountDay ? s.Date < day : s.Date <= day).Sum(s => s.Amount);
                numerator += (amount.Amount - paid) * scheme.AnnualRatePercentOn(day);
            }

            var expected = new Money(numerator / 36_500m, Currency.EUR).Round();
            return interest.Total == expected;
        });

    [Property(MaxTest = 100)]
    public Property ForItem_LaterAsOfDate_NeverGivesLessInterest() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (cents, a, b) =>
        {
            var account = NewAccount().Post(InvoicePosted.Single(Id("inv"), "RE", Date(2024, 1, 1), Date(2024, 1, 31), Money.FromMinorUnits(cents, Currency.EUR)));
            var item = account.FindItem(Id("inv"))!;
            var scheme = InterestScheme.GermanStatutory(consumerInvolved: true);
            var earlier = AccountInterest.ForItem(account, item, scheme, Date(2024, 2, 1).PlusDays(Math.Min(a, b)));
            var later = AccountInterest.ForItem(account, item, scheme, Date(2024, 2, 1).PlusDays(Math.Max(a, b)));

            return later.Total >= earlier.Total;
        });
}
