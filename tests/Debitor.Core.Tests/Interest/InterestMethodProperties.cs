using Debitor.Core.Interest;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Interest;

public sealed class InterestMethodProperties
{
    /// <summary>
    /// A delegated claim is charged each interest day once over both accounts: the customer's days up to the delegation
    /// plus the payer's days after it are the days of the claim had it never been delegated, whatever the delegation
    /// date (before the due date, inside the overdue time, after the as-of date) and the settlement-day rule.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property ForItem_DelegatedClaim_ChargesEveryDayOnceOverBothAccounts() =>
        Prop.ForAll(
            (from offset in Gen.Choose(-40, 140)
             from countDay in Gen.Elements(true, false)
             select (offset, countDay)).ToArbitrary(),
            input =>
            {
                var scheme = InterestScheme.Fixed(9m).WithAccrual(new InterestAccrual { CountSettlementDay = input.countDay });
                var due = Date(2026, 1, 31);
                var asOf = Date(2026, 5, 31);
                var delegatedOn = due.PlusDays(input.offset);
                var invoice = Invoice("inv-1", 1_234.56m, due, Date(2026, 1, 1));
                var customer = NewAccount().Post(invoice);
                var (toPayer, fromCustomer, _) = ClaimDelegation.Plan(customer, new CustomerId("C-9000"), Id("deleg-1"), null, delegatedOn, "Zentrale");
                customer = customer.Post([.. fromCustomer]);
                var payer = NewAccount(NewCustomer("C-9000", "Zentrale AG")).Post([.. toPayer]);
                var alone = NewAccount().Post(invoice);

                // As of the delegation date already past: only settlements dated up to the as-of date count.
                var days = AccountInterest.ForAccount(customer, scheme, asOf).Concat(AccountInterest.ForAccount(payer, scheme, asOf))
                    .Sum(i => i.Periods.Sum(p => p.Days));
                var expected = AccountInterest.ForAccount(alone, scheme, asOf).Sum(i => i.Periods.Sum(p => p.Days));
                return days == expected;
            });
}
