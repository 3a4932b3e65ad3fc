using System.Collections.Concurrent;
using Ardalis.GuardClauses;

namespace Debitor.Core.Ports;

/// <summary>
/// Tells whether an account manager has a pending task for a customer (R0.1) that the host keeps outside the library, for
/// the headline flag. Tasks recorded in the account (<c>CollectionService.CreateFollowUpAsync</c>) count anyway.
/// </summary>
/// <remarks>Implementations must be safe for concurrent use.</remarks>
public interface IAccountManagerTasks
{
    /// <summary>Whether a task for the customer is pending (not done).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when at least one task is pending.</returns>
    ValueTask<bool> HasPendingTaskAsync(CustomerId customer, CancellationToken cancellationToken);
}

/// <summary>An in-memory <see cref="IAccountManagerTasks"/>: no customer has a pending task until marked.</summary>
/// <remarks>Thread-safe. Nothing survives the process.</remarks>
public sealed class InMemoryAccountManagerTasks : IAccountManagerTasks
{
    private readonly ConcurrentDictionary<CustomerId, bool> _pending = new();

    /// <summary>Marks whether a customer has a pending task.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="pending">Whether a task is pending.</param>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is <c>default</c>.</exception>
    public void SetPending(CustomerId customer, bool pending = true) => _pending[Guard.Against.Default(customer)] = pending;

    /// <inheritdoc />
    public ValueTask<bool> HasPendingTaskAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_pending.GetValueOrDefault(customer));
    }
}
