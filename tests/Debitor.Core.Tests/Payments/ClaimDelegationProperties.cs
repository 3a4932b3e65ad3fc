using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Payments;

public sealed class ClaimDelegationProperties
{
    private static readonly CustomerId Payer = new("C-9000");

    [Property(MaxTest = 200)]
    public Property Delegation_ConservesMoney() =>
        Prop.ForAll(PaymentArbitraries.Scenarios(), scenario =>
        {
            var customer = scenario.Account();
            var payer = NewAccount(NewCustomer("C-9000"));
            var (toPayer, fromCustomer, moved) = ClaimDelegation.Plan(customer, Payer, Id("deleg"), null, PaymentTestData.Day0, "Delegation to the payer");

            var payerAfter = payer.Post([.. toPayer]);
            var customerAfter = customer.Post([.. fromCustomer]);
            var openBefore = customer.Items.Where(i => i.IsClaim).Sum(i => i.OpenAmount.Amount);

            return (customer.BalanceIn(Currency.EUR) + payer.BalanceIn(Currency.EUR) == customerAfter.BalanceIn(Currency.EUR) + payerAfter.BalanceIn(Currency.EUR)).Label("company balance unchanged")
                .And(customerAfter.Items.Where(i => i.IsClaim).All(i => i.OpenAmount.IsZero)).Label("customer owes nothing")
                .And((payerAfter.Items.Where(i => i.IsClaim).Sum(i => i.OpenAmount.Amount) == openBefore).Label("payer owes what the customer owed"))
                .And((moved.Sum(m => m.Amount.Amount) == openBefore).Label("moved = open before"));
        });
}
