using System.Globalization;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;
using Debitor.Core.Payments;
using FsCheck;
using FsCheck.Fluent;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>
/// A random but valid payment situation: a customer with terms and tolerance, invoices (some in two installments, some
/// partly paid), charges (some related to an invoice), a payment with a reference and settings.
/// </summary>
internal sealed record PaymentScenario(
    Customer Customer,
    IReadOnlyList<JournalEntry> Claims,
    IReadOnlyList<JournalEntry> Charges,
    IReadOnlyList<JournalEntry> Settlements,
    IncomingPayment Payment,
    AllocationSettings Settings,
    int Shuffle)
{
    /// <summary>The account with the claims posted in the generated order.</summary>
    public CustomerAccount Account() => NewAccount(Customer).Post([.. Claims, .. Charges, .. Settlements]);

    /// <summary>The same account with invoices and charges posted in another order.</summary>
    public CustomerAccount ShuffledAccount()
    {
        var random = new Random(Shuffle);
        return NewAccount(Customer).Post([.. Claims.OrderBy(_ => random.Next()), .. Charges.OrderBy(_ => random.Next()), .. Settlements]);
    }

    public override string ToString() =>
        $"payment {Payment.Amount} on {Payment.ValueDate} ref '{Payment.Reference}', {Settings.Order}, [{string.Join(",", Settings.ComponentOrder)}], " +
        $"terms {string.Join("/", Customer.PaymentTerms.Discounts.Select(d => $"{d.Percent}%{d.Days}d"))} +{Customer.CashDiscountToleranceDays}d, " +
        $"tolerance {Customer.PaymentTolerance.Percent}%/{Customer.PaymentTolerance.MaximumAmount}; " +
        string.Join("; ", Claims.Concat(Charges).Concat(Settlements));
}

/// <summary>FsCheck generators of payment scenarios that are valid by construction.</summary>
internal static class PaymentArbitraries
{
    private static readonly LocalDate Day0 = new(2026, 3, 1);

    public static Arbitrary<PaymentScenario> Scenarios() =>
        (from customer in Gen.Choose(0, 1_000_000)
         from invoices in Gen.Choose(1, 8).SelectMany(n => Gen.Choose(0, 1_000_000).Zip(Gen.Choose(0, 1_000_000)).ArrayOf(n))
         from charges in Gen.Choose(0, 3).SelectMany(n => Gen.Choose(0, 1_000_000).ArrayOf(n))
         from payment in Gen.Choose(0, 1_000_000).Zip(Gen.Choose(0, 1_000_000))
         from settings in Gen.Choose(0, 1_000_000)
         from shuffle in Gen.Choose(0, 1_000_000)
         select Build(customer, invoices, charges, payment, settings, shuffle))
        .ToArbitrary();

    private static PaymentScenario Build(int customerSeed, (int, int)[] invoiceSeeds, int[] chargeSeeds, (int Amount, int Date) paymentSeed, int settingsSeed, int shuffle)
    {
        var customer = NewCustomer() with
        {
            PaymentTerms = (customerSeed % 3) switch
            {
                0 => PaymentTerms.Net30,
                1 => new PaymentTerms(30, [new CashDiscountTier(2m, 10)]),
                _ => new PaymentTerms(30, [new CashDiscountTier(3m, 7), new CashDiscountTier(1.5m, 14)]),
            },
            CashDiscountToleranceDays = customerSeed / 3 % 4,
            PaymentTolerance = (customerSeed / 12 % 4) switch
            {
                0 => PaymentTolerance.None,
                1 => new PaymentTolerance(1m, 5m),
                2 => new PaymentTolerance(0m, 2.50m),
                _ => new PaymentTolerance(2m, 0m),
            },
        };

        var claims = new List<JournalEntry>();
        var settlements = new List<JournalEntry>();
        var partials = new List<(InstallmentRef Target, Money Amount)>();
        var total = 0L;
        for (var i = 0; i < invoiceSeeds.Length; i++)
        {
            var (a, b) = invoiceSeeds[i];
            var cents = (a % 500_000) + 1;
            var amount = Money.FromMinorUnits(cents, Currency.EUR);
            var documentDate = b % 5 == 0 ? Day0 : Day0.PlusDays((b % 61) - 30);
            var number = "RE-" + (i + 1).ToString("0000", CultureInfo.InvariantCulture);
            IReadOnlyList<Installment> installments = cents >= 2 && b % 3 == 0
                ? [new Installment(amount.Allocate(2)[0], documentDate.PlusDays(10), InstallmentKind.Prepayment), new Installment(amount.Allocate(2)[1], null, InstallmentKind.Remainder)]
                : [new Installment(amount)];
            // Some invoices carry their own cash-discount stages (3 % for 10 days, 2 % for 20), the others use the customer's terms.
            var own = b % 7 == 0 ? [new CashDiscountStage(3m, documentDate.PlusDays(10)), new CashDiscountStage(2m, documentDate.PlusDays(20))] : (IReadOnlyList<CashDiscountStage>?)null;
            claims.Add(new InvoicePosted(Id("inv-" + i), number, documentDate, documentDate.PlusDays(30), amount, installments) { CashDiscounts = own });
            total += cents;
            if (b % 4 == 1 && installments[0].Amount.ToMinorUnitsExact() >= 2)
            {
                var part = 1 + (a / 7 % (installments[0].Amount.ToMinorUnitsExact() - 1));
                partials.Add((new InstallmentRef(Id("inv-" + i), 1), Money.FromMinorUnits(part, Currency.EUR)));
                total -= part;
            }
        }

        var charges = new List<JournalEntry>();
        for (var k = 0; k < chargeSeeds.Length; k++)
        {
            var seed = chargeSeeds[k];
            var cents = (seed % 5_000) + 1;
            var related = seed % 5 == 0 ? (EntryId?)null : Id("inv-" + (seed / 5 % invoiceSeeds.Length));
            var date = Day0.PlusDays(seed / 7 % 40);
            charges.Add(new ChargePosted(Id("chg-" + k), (ChargeKind)(seed % 3), "M-" + (k + 1).ToString("000", CultureInfo.InvariantCulture), date, date.PlusDays(14), Money.FromMinorUnits(cents, Currency.EUR), related));
            total += cents;
        }

        if (partials.Count > 0)
        {
            settlements.Add(new PaymentReceived(Id("pre"), new Money(partials.Sum(p => p.Amount.Amount), Currency.EUR), Day0));
            settlements.AddRange(partials.Select((p, n) => new PaymentApplied(Id("pre/" + n), Id("pre"), p.Target, p.Amount, Day0)));
        }

        // Often close to what is owed (tolerance and discount cases), otherwise anything up to 130 % of it.
        var near = paymentSeed.Amount % 600;
        var paymentCents = (paymentSeed.Amount / 600 % 4) switch
        {
            0 => Math.Max(1, total - near),
            1 => Math.Max(1, total - (total * 2 / 100) - (near % 7) + 3),
            2 => total + (near % 9),
            _ => 1 + (paymentSeed.Amount % Math.Max(1, total * 13 / 10)),
        };
        var referenced = Enumerable.Range(0, invoiceSeeds.Length).Where(i => (paymentSeed.Amount >> i) % 5 == 0).Take(2)
            .Select(i => "RE-" + (i + 1).ToString("0000", CultureInfo.InvariantCulture));
        var reference = paymentSeed.Date % 3 == 0 ? null : "Rechnung " + string.Join(", ", referenced) + " vom 01.03.2026";
        var designated = paymentSeed.Date % 7 == 0 ? [Id("inv-" + (paymentSeed.Amount % invoiceSeeds.Length))] : Array.Empty<EntryId>();
        var method = paymentSeed.Date % 11 == 0 ? PaymentMethod.Cheque : PaymentMethod.Transfer;
        var payment = new IncomingPayment(Id("pay-x"), Money.FromMinorUnits(paymentCents, Currency.EUR), Day0.PlusDays((paymentSeed.Date % 91) - 30), method, reference, designated)
        {
            LateDiscountDecisions = paymentSeed.Date % 13 == 0 ? [new LateDiscountDecision(Id("inv-0"), paymentSeed.Amount % 2 == 0)] : [],
        };

        ClaimComponent[][] orders =
        [
            [ClaimComponent.Costs, ClaimComponent.Interest, ClaimComponent.Principal],
            [ClaimComponent.Principal, ClaimComponent.Interest, ClaimComponent.Costs],
            [ClaimComponent.Interest, ClaimComponent.Costs, ClaimComponent.Principal],
        ];
        var settings = AllocationSettings.Default with
        {
            Order = settingsSeed % 2 == 0 ? AllocationOrder.Statutory : AllocationOrder.OldestDueFirst,
            ComponentOrder = orders[settingsSeed / 2 % 3],
            MatchReference = settingsSeed / 6 % 4 != 0,
            GrantCashDiscount = settingsSeed / 24 % 4 != 0,
            ApplyTolerance = settingsSeed / 96 % 4 != 0,
            ToleranceScope = settingsSeed / 384 % 2 == 0 ? ToleranceScope.PerDebt : ToleranceScope.Pooled,
            KeepOverpaymentAsCredit = settingsSeed / 768 % 3 == 0,
            LateDiscount = settingsSeed / 2304 % 2 == 0 ? LateDiscountPolicy.Accept : LateDiscountPolicy.Reject,
            OneItemPerRefundCheque = settingsSeed / 4608 % 2 == 0,
        };

        return new PaymentScenario(customer, claims, charges, settlements, payment, settings, shuffle);
    }
}
