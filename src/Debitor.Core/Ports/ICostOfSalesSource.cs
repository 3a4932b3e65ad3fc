using System.Collections.Concurrent;
using Ardalis.GuardClauses;
using Debitor.Core.Figures;

namespace Debitor.Core.Ports;

/// <summary>
/// The cost of sales per month for a customer, as the host's ERP knows it (R2.1: gross profit beside revenue). Implemented
/// by the host; the amounts must be on the same basis as the invoices posted (gross or net) for the gross profit to mean anything.
/// </summary>
/// <remarks>Implementations must be safe for concurrent use.</remarks>
public interface ICostOfSalesSource
{
    /// <summary>The cost of sales of the customer for the months from <paramref name="first"/> to <paramref name="last"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="first">The first month (inclusive).</param>
    /// <param name="last">The last month (inclusive).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The months the host knows a cost for; months left out show no gross profit.</returns>
    ValueTask<IReadOnlyList<MonthlyAmount>> GetCostOfSalesAsync(CustomerId customer, YearMonth first, YearMonth last, CancellationToken cancellationToken);
}

/// <summary>An in-memory <see cref="ICostOfSalesSource"/>: no cost (and so no gross profit) until set.</summary>
/// <remarks>Thread-safe. Nothing survives the process.</remarks>
public sealed class InMemoryCostOfSalesSource : ICostOfSalesSource
{
    private readonly ConcurrentDictionary<(CustomerId Customer, YearMonth Month), Money> _costs = new();

    /// <summary>Sets the cost of sales of one customer and month, replacing an earlier one.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="month">The month.</param>
    /// <param name="cost">The cost.</param>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is <c>default</c> or <paramref name="cost"/> has no currency or is beyond <see cref="Bounds.MaxAmount"/>.</exception>
    public void Set(CustomerId customer, YearMonth month, Money cost)
    {
        Guard.Against.Default(customer);
        GuardClauseExtensions.RequireCurrency(cost, nameof(cost));
        Bounds.Amount(cost, nameof(cost));
        _costs[(customer, month)] = cost;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MonthlyAmount>> GetCostOfSalesAsync(CustomerId customer, YearMonth first, YearMonth last, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<MonthlyAmount> result =
        [
            .. _costs.Where(c => c.Key.Customer == customer && c.Key.Month >= first && c.Key.Month <= last)
                .OrderBy(c => c.Key.Month)
                .Select(c => new MonthlyAmount(c.Key.Month, c.Value)),
        ];
        return ValueTask.FromResult(result);
    }
}
