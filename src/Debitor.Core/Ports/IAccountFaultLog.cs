using System.Collections.Concurrent;
using Ardalis.GuardClauses;

namespace Debitor.Core.Ports;

/// <summary>
/// An account a portfolio-wide read or run had to leave out, and why: its journal cannot be replayed, or it holds amounts
/// beyond <see cref="Bounds.MaxAmount"/> (data stored before the bounds existed, or written around the library).
/// </summary>
/// <param name="Customer">The account left out.</param>
/// <param name="Operation">What was running, e.g. <c>GetPortfolioAgingAsync</c>.</param>
/// <param name="Reason">Why, in words (invariant English).</param>
public sealed record AccountFault(CustomerId Customer, string Operation, string Reason);

/// <summary>
/// Where portfolio-wide reads and runs report an account they leave out, so that one bad account never stops the others
/// and is never left out silently. Implemented by the host (a log, an alert, a work queue).
/// </summary>
/// <remarks>Implementations must be safe for concurrent use and should not throw.</remarks>
public interface IAccountFaultLog
{
    /// <summary>Reports an account left out.</summary>
    /// <param name="fault">The account and why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when reported.</returns>
    ValueTask ReportAsync(AccountFault fault, CancellationToken cancellationToken);
}

/// <summary>An <see cref="IAccountFaultLog"/> that keeps every report in memory, for tests, samples and small hosts.</summary>
/// <remarks>Thread-safe. Nothing survives the process.</remarks>
public sealed class InMemoryAccountFaultLog : IAccountFaultLog
{
    private readonly ConcurrentQueue<AccountFault> _faults = new();

    /// <summary>The reports so far, in the order reported (a snapshot).</summary>
    public IReadOnlyList<AccountFault> Faults => [.. _faults];

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is <see langword="null"/>.</exception>
    public ValueTask ReportAsync(AccountFault fault, CancellationToken cancellationToken)
    {
        _faults.Enqueue(Guard.Against.Null(fault));
        return ValueTask.CompletedTask;
    }
}
