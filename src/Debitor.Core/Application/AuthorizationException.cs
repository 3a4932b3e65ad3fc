namespace Debitor.Core.Application;

/// <summary>Thrown when the authorization port refuses an actor a use case. Nothing was changed.</summary>
public sealed class AuthorizationException : DebitorException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="user">The refused user.</param>
    /// <param name="permission">The permission that was missing.</param>
    /// <param name="customer">The account concerned.</param>
    public AuthorizationException(UserId user, Permission permission, CustomerId customer)
        : base($"User '{user}' may not {permission} on account '{customer}'.")
    {
        User = user;
        Permission = permission;
        Customer = customer;
    }

    /// <summary>The refused user.</summary>
    public UserId User { get; }

    /// <summary>The permission that was missing.</summary>
    public Permission Permission { get; }

    /// <summary>The account concerned.</summary>
    public CustomerId Customer { get; }
}
