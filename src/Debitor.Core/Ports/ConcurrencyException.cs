namespace Debitor.Core.Ports;

/// <summary>
/// Thrown by <see cref="ICustomerAccountStore.AppendAsync"/> when the account changed since it was loaded
/// (optimistic concurrency). Nothing was appended; load again and retry.
/// </summary>
public sealed class ConcurrencyException : DebitorException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="expectedVersion">The version the writer expected.</param>
    /// <param name="actualVersion">The version the store holds.</param>
    public ConcurrencyException(CustomerId customer, long expectedVersion, long actualVersion)
        : base($"Account '{customer}' is at version {actualVersion}, not {expectedVersion}: someone else changed it. Load it again and retry.")
    {
        Customer = customer;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The account.</summary>
    public CustomerId Customer { get; }

    /// <summary>The version the writer expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the store holds.</summary>
    public long ActualVersion { get; }
}
