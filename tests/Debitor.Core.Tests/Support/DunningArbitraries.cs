using System.Globalization;
using Debitor.Core.Customers;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using FsCheck;
using FsCheck.Fluent;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests;

/// <summary>One invoice of a generated portfolio.</summary>
/// <param name="Cents">The amount in minor units (at least the number of parts).</param>
/// <param name="DueOffset">Days from <see cref="DunningData.D"/> to the due date.</param>
/// <param name="Parts">1 (regular), 2 (prepayment and remainder) or 3 installments.</param>
/// <param name="PaidPercent">How much of the first installment is paid, 0 to 100.</param>
/// <param name="Pause">0 none, 1 paused until resumed, 2 paused until a date.</param>
/// <param name="PauseDays">For a dated pause: days after the test's today it ends.</param>
/// <param name="ChangedDue">Whether the due date was moved a week later.</param>
/// <param name="Usd">USD instead of EUR.</param>
public sealed record InvoiceSpec(int Cents, int DueOffset, int Parts, int PaidPercent, int Pause, int PauseDays, bool ChangedDue, bool Usd);

/// <summary>One customer of a generated portfolio.</summary>
/// <param name="Invoices">The invoices.</param>
/// <param name="CreditCents">An open credit note in EUR, 0 for none.</param>
/// <param name="UnappliedCents">An unapplied payment in EUR, 0 for none.</param>
/// <param name="RoutesToPayer">Whether dunning letters go to the payer (customer 0).</param>
/// <param name="Blocked">A dunning block.</param>
/// <param name="LevelOneDays">The customer's own days for level 1; 0 for none.</param>
/// <param name="Consumer">A consumer (§13 BGB): default interest at base rate + 5 points.</param>
public sealed record CustomerSpec(InvoiceSpec[] Invoices, int CreditCents, int UnappliedCents, bool RoutesToPayer, bool Blocked, int LevelOneDays, bool Consumer = false);

/// <summary>A generated portfolio, a scheme, and the days (after <see cref="DunningData.D"/>) on which runs happen.</summary>
/// <summary>The settings of issue 17 a generated scheme may carry; <see cref="None"/> is today's behaviour.</summary>
/// <param name="Rule2">The delay rule of level 2 (0 previous notice, 1 due date, 2 end of month).</param>
/// <param name="Rule3">The delay rule of level 3.</param>
/// <param name="LevelMinimumCents">SAP's minimum amount of levels 2 and 3 in EUR; 0 for none.</param>
/// <param name="LevelMinimumPercent">SAP's minimum percentage of levels 2 and 3; 0 for none.</param>
/// <param name="IntervalDays">SAP's dunning interval; 0 for none.</param>
/// <param name="PerCustomer">One clock per customer.</param>
/// <param name="ItemPercent">Tryton's per-item percentage of the posted amount.</param>
/// <param name="TierBounds">Business Central's minimum and maximum per tier.</param>
/// <param name="CourtesyDays">Odoo's courtesy reminder before the due date; 0 for none.</param>
public sealed record SchemeOptions(int Rule2, int Rule3, int LevelMinimumCents, int LevelMinimumPercent, int IntervalDays, bool PerCustomer, int ItemPercent, bool TierBounds, int CourtesyDays = 0)
{
    public static SchemeOptions None { get; } = new(0, 0, 0, 0, 0, false, 0, false);
}

public sealed record DunningScenario(CustomerSpec[] Customers, int[] RunDays, bool Inclusive, int D1, int D2, int D3, int MaximumNotices, int MinimumLetterCents, int MinimumItemCents, bool Fees, bool ByLevel = false, SchemeOptions? Options = null)
{
    public IEnumerable<LocalDate> RunDates => RunDays.Select(d => DunningData.D.PlusDays(d));

    public DunningSettings Settings()
    {
        var options = Options ?? SchemeOptions.None;
        FeeTier Tier(decimal from, decimal fixedAmount, decimal percent) => options.TierBounds
            ? new FeeTier(Eur(from), Eur(fixedAmount), percent) { Minimum = Eur(1m), Maximum = Eur(6m) }
            : new FeeTier(Eur(from), Eur(fixedAmount), percent);
        var fee = DunningFee.PerLetter(Eur(2.5m)).WithPerItem(Eur(1m)).WithPerItemPercent(options.ItemPercent)
            .WithTiers(FeeTierMode.Accumulated, [Tier(0m, 0m, 1m), Tier(1000m, 1m, 0.5m)], maximum: Eur(30m));
        DunningLevel Level(int days, int n) => DunningData.Level(days, n) with
        {
            Fees = Fees ? [fee] : [],
            ChargesInterest = n >= 2,
            DelayRule = (DunningDelayRule)(n == 2 ? options.Rule2 : n == 3 ? options.Rule3 : 0),
            MinimumAmounts = n >= 2 && options.LevelMinimumCents > 0 ? [Money.FromMinorUnits(options.LevelMinimumCents, Currency.EUR)] : [],
            MinimumPercent = n >= 2 ? options.LevelMinimumPercent : 0,
        };
        var scheme = new DunningScheme(new SchemeId("default"), [Level(D1, 1), Level(D2, 2), Level(D3, 3)])
        {
            DunningIntervalDays = options.IntervalDays,
            CourtesyReminderDays = options.CourtesyDays > 0 ? options.CourtesyDays : null,
            Cadence = options.PerCustomer ? DunningCadence.PerCustomer : DunningCadence.PerInstallment,
            Comparison = Inclusive ? DunningDayComparison.Inclusive : DunningDayComparison.Strict,
            MaximumNotices = MaximumNotices,
            MinimumLetterAmounts = MinimumLetterCents > 0 ? [Money.FromMinorUnits(MinimumLetterCents, Currency.EUR)] : [],
            MinimumItemAmounts = MinimumItemCents > 0 ? [Money.FromMinorUnits(MinimumItemCents, Currency.USD)] : [],
            OneLetterPerLevel = ByLevel,
        };
        return DunningSettings.Default.WithScheme(scheme);
    }

    /// <summary>Builds the accounts through the pure core; every entry is valid by construction.</summary>
    public CustomerAccount[] Accounts()
    {
        var accounts = new CustomerAccount[Customers.Length];
        for (var i = 0; i < Customers.Length; i++)
        {
            var spec = Customers[i];
            var id = string.Create(CultureInfo.InvariantCulture, $"C-{i:D2}");
            var customer = NewCustomer(id, "Kunde " + id) with
            {
                IsDunningBlocked = spec.Blocked,
                IsConsumer = spec.Consumer,
                Payer = i > 0 && spec.RoutesToPayer ? new CustomerId("C-00") : null,
                PayerRouting = PayerRouting.ToCustomer with { DunningLetters = DocumentRecipient.Payer },
                DunningDays = spec.LevelOneDays > 0 ? [new DunningDaysOverride(1, spec.LevelOneDays)] : [],
            };
            var account = NewAccount(customer);
            for (var j = 0; j < spec.Invoices.Length; j++)
            {
                account = account.Post([.. InvoiceEntries(spec.Invoices[j], $"{id}-{j}")]);
            }

            if (spec.CreditCents > 0)
            {
                account = account.Post(new CreditNotePosted(Id(id + "-cn"), "GS-" + id, DunningData.D, Money.FromMinorUnits(spec.CreditCents, Currency.EUR)));
            }

            if (spec.UnappliedCents > 0)
            {
                account = account.Post(new PaymentReceived(Id(id + "-up"), Money.FromMinorUnits(spec.UnappliedCents, Currency.EUR), DunningData.D));
            }

            accounts[i] = account;
        }

        return accounts;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Customers.Length} customers, {Customers.Sum(c => c.Invoices.Length)} invoices, runs [{string.Join(",", RunDays)}], {(Inclusive ? "inclusive" : "strict")} {D1}/{D2}/{D3}, max {MaximumNotices}, min {MinimumLetterCents}/{MinimumItemCents}, fees {Fees}, by level {ByLevel}, {Options ?? SchemeOptions.None}; {string.Join(" | ", Customers.Select(c => c.ToString()))}");

    private static IEnumerable<JournalEntry> InvoiceEntries(InvoiceSpec spec, string id)
    {
        var currency = spec.Usd ? Currency.USD : Currency.EUR;
        var amount = Money.FromMinorUnits(spec.Cents, currency);
        var due = DunningData.D.PlusDays(spec.DueOffset);
        var parts = amount.Allocate(spec.Parts);
        var installments = parts.Select((part, n) => new Installment(
            part,
            n == 0 ? null : due.PlusDays(20 * n),
            spec.Parts == 2 ? (n == 0 ? InstallmentKind.Prepayment : InstallmentKind.Remainder) : InstallmentKind.Regular)).ToList();
        yield return new InvoicePosted(Id(id), "RE-" + id, due.PlusDays(-30), due, amount, installments);
        if (spec.ChangedDue)
        {
            yield return new DueDateChanged(Id(id + "-due"), Id(id), due.PlusDays(7), "agreed");
        }

        if (spec.Pause > 0)
        {
            yield return new ItemPaused(Id(id + "-pause"), Id(id), "disputed", spec.Pause == 2 ? Today.PlusDays(spec.PauseDays) : null);
        }

        var paid = parts[0].ToMinorUnitsExact() * spec.PaidPercent / 100;
        if (paid > 0)
        {
            var payment = Money.FromMinorUnits(paid, currency);
            yield return new PaymentReceived(Id(id + "-pay"), payment, DunningData.D);
            yield return new PaymentApplied(Id(id + "-app"), Id(id + "-pay"), new InstallmentRef(Id(id)), payment, DunningData.D);
        }
    }
}

/// <summary>FsCheck generators for dunning scenarios that produce only valid portfolios and schemes.</summary>
public static class DunningArbitraries
{
    public static Arbitrary<DunningScenario> Scenario() => ScenarioGen().ToArbitrary();

    private static Gen<InvoiceSpec> InvoiceGen() =>
        from cents in Gen.Frequency((4, Gen.Choose(3, 200_000)), (1, Gen.Choose(3, 2_000)))
        from due in Gen.Choose(-90, 20)
        from parts in Gen.Frequency((4, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from paid in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 100)))
        from pause in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        from pauseDays in Gen.Choose(0, 60)
        from changed in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from usd in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new InvoiceSpec(cents, due, parts, paid, pause, pauseDays, changed, usd);

    private static Gen<CustomerSpec> CustomerGen() =>
        from invoices in Gen.Choose(0, 5).SelectMany(n => InvoiceGen().ArrayOf(n))
        from credit in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 300_000)))
        from unapplied in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(1, 50_000)))
        from routes in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from blocked in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from days in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 30)))
        from consumer in Gen.Elements(false, true)
        select new CustomerSpec(invoices, credit, unapplied, routes, blocked, days, consumer);

    private static Gen<DunningScenario> ScenarioGen() =>
        from customers in Gen.Choose(1, 6).SelectMany(n => CustomerGen().ArrayOf(n))
        from steps in Gen.Choose(1, 5).SelectMany(n => Gen.Choose(1, 40).ArrayOf(n))
        from inclusive in Gen.Elements(false, true)
        from d1 in Gen.Choose(0, 15)
        from d2 in Gen.Choose(0, 30)
        from d3 in Gen.Choose(0, 30)
        from maximum in Gen.Elements(0, 3, 4, 6)
        from minLetter in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 20_000)))
        from minItem in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 5_000)))
        from fees in Gen.Elements(false, true)
        from byLevel in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from options in Gen.Frequency((1, Gen.Constant(SchemeOptions.None)), (2, OptionsGen()))
        select new DunningScenario(customers, Cumulative(steps), inclusive, d1, d2, d3, maximum, minLetter, minItem, fees, byLevel, options);

    private static Gen<SchemeOptions> OptionsGen() =>
        from rule2 in Gen.Choose(0, 2)
        from rule3 in Gen.Choose(0, 2)
        from minimumCents in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 100_000)))
        from minimumPercent in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 100)))
        from interval in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 30)))
        from perCustomer in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from percent in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 20)))
        from bounds in Gen.Elements(false, true)
        from courtesy in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 20)))
        select new SchemeOptions(rule2, rule3, minimumCents, minimumPercent, interval, perCustomer, percent, bounds, courtesy);

    private static int[] Cumulative(int[] steps)
    {
        var days = new int[steps.Length];
        var sum = 0;
        for (var i = 0; i < steps.Length; i++)
        {
            sum += steps[i];
            days[i] = sum;
        }

        return days;
    }
}
