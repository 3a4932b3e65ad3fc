namespace Debitor.Core.Figures;

/// <summary>The aging of the open items in one currency.</summary>
public sealed record AgingLine
{
    private readonly IReadOnlyList<Money> _buckets;

    internal AgingLine(Currency currency, IReadOnlyList<Money> buckets, Money unappliedCredits)
    {
        Currency = currency;
        _buckets = ValueList<Money>.From(buckets);
        var total = 0m;
        foreach (var bucket in buckets)
        {
            total += bucket.Amount;
        }

        Total = new Money(total, currency);
        UnappliedCredits = unappliedCredits;
        Balance = Total - unappliedCredits;
    }

    /// <summary>The currency.</summary>
    public Currency Currency { get; }

    /// <summary>The open claims per bucket, in the schedule's order (<see cref="AgingSchedule.Buckets"/>).</summary>
    public IReadOnlyList<Money> Buckets => _buckets;

    /// <summary>The sum of the buckets: every open claim.</summary>
    public Money Total { get; }

    /// <summary>Unapplied payments and credit notes, as a positive amount; they belong to no bucket.</summary>
    public Money UnappliedCredits { get; }

    /// <summary><see cref="Total"/> − <see cref="UnappliedCredits"/>: the ledger balance.</summary>
    public Money Balance { get; }
}

/// <summary>An aging analysis (R0.11) of one customer or many, as of a date, per currency.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AgingReport
{
    private readonly IReadOnlyList<AgingLine> _lines;

    internal AgingReport(AgingSchedule schedule, LocalDate asOf, int accounts, IReadOnlyList<AgingLine> lines)
    {
        Schedule = schedule;
        AsOf = asOf;
        Accounts = accounts;
        _lines = ValueList<AgingLine>.From(lines);
    }

    /// <summary>The buckets.</summary>
    public AgingSchedule Schedule { get; }

    /// <summary>The date days overdue are counted to.</summary>
    public LocalDate AsOf { get; }

    /// <summary>How many accounts were analysed.</summary>
    public int Accounts { get; }

    /// <summary>One line per currency with open claims or unapplied credits, ordered by currency code.</summary>
    public IReadOnlyList<AgingLine> Lines => _lines;

    /// <summary>The line of one currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The line, or <see langword="null"/> when nothing is open in that currency.</returns>
    public AgingLine? LineIn(Currency currency) => _lines.FirstOrDefault(l => l.Currency.Equals(currency));
}
