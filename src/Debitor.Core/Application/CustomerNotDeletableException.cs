namespace Debitor.Core.Application;

/// <summary>Thrown when a customer with posted documents is to be deleted (R1.2): archive it instead.</summary>
public sealed class CustomerNotDeletableException : DebitorException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="customer">The customer.</param>
    public CustomerNotDeletableException(CustomerId customer)
        : base($"Customer '{customer}' has posted documents or payments and cannot be deleted; archive it instead.")
    {
        Customer = customer;
    }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; }
}
