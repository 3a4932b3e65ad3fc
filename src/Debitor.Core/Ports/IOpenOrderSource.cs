using System.Collections.Concurrent;
using Ardalis.GuardClauses;

namespace Debitor.Core.Ports;

/// <summary>
/// The open orders of a customer as the host's order processing knows them (R2.2: the remaining limit "with orders").
/// Implemented by the host.
/// </summary>
/// <remarks>Implementations must be safe for concurrent use.</remarks>
public interface IOpenOrderSource
{
    /// <summary>The total of the customer's open (not yet invoiced) orders, per currency.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One amount per currency, each zero or more; empty when there are none.</returns>
    ValueTask<IReadOnlyList<Money>> GetOpenOrderTotalsAsync(CustomerId customer, CancellationToken cancellationToken);
}

/// <summary>An in-memory <see cref="IOpenOrderSource"/> for tests, samples and hosts without order processing: no orders until set.</summary>
/// <remarks>Thread-safe. Nothing survives the process.</remarks>
public sealed class InMemoryOpenOrderSource : IOpenOrderSource
{
    private readonly ConcurrentDictionary<CustomerId, IReadOnlyList<Money>> _orders = new();

    /// <summary>Sets a customer's open-order totals, replacing earlier ones.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="totals">One amount per currency, each zero or more; none to clear.</param>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is <c>default</c>, or an amount is negative, beyond <see cref="Bounds.MaxAmount"/> or has no currency.</exception>
    public void Set(CustomerId customer, params IEnumerable<Money> totals)
    {
        Guard.Against.Default(customer);
        var list = Guard.Against.Null(totals).ToList();
        if (list.Any(m => m.Currency.Code.Length == 0 || m.IsNegative || m.Amount > Bounds.MaxAmount))
        {
            throw new ArgumentException("Open-order totals are zero or more, each in a currency and within Bounds.MaxAmount.", nameof(totals));
        }

        _orders[customer] = list;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Money>> GetOpenOrderTotalsAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_orders.TryGetValue(customer, out var totals) ? totals : []);
    }
}
