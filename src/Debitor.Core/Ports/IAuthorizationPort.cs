using Debitor.Core.Application;

namespace Debitor.Core.Ports;

/// <summary>Decides whether an actor may perform a use case on an account; implemented by the host.</summary>
public interface IAuthorizationPort
{
    /// <summary>Whether the actor has the permission for the account.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="permission">What it wants to do.</param>
    /// <param name="customer">The account concerned.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    ValueTask<bool> IsAllowedAsync(Actor actor, Permission permission, CustomerId customer, CancellationToken cancellationToken);
}

/// <summary>
/// The shipped authorization: permissions by role. Accountants and supervisors may do everything (R4.8);
/// only supervisors may override credit control (R2.5) and process back-dated or future-dated dunning runs (D12.23);
/// clerks work customers; viewers read.
/// </summary>
public sealed class RoleBasedAuthorization : IAuthorizationPort
{
    private static readonly Permission[] ClerkPermissions =
    [
        Permission.ViewAccounts, Permission.RecordPayments, Permission.PauseItems, Permission.ChangeDueDates,
        Permission.RecordCommunication, Permission.PreviewDunning, Permission.ManageAgreements, Permission.AttachFiles,
    ];

    /// <inheritdoc />
    public ValueTask<bool> IsAllowedAsync(Actor actor, Permission permission, CustomerId customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = actor.HasRole(Roles.Supervisor)
            || (actor.HasRole(Roles.Accountant) && permission is not (Permission.OverrideCreditControl or Permission.ProcessBackDatedRuns))
            || (actor.HasRole(Roles.Clerk) && ClerkPermissions.Contains(permission))
            || (actor.HasRole(Roles.Viewer) && permission == Permission.ViewAccounts);
        return ValueTask.FromResult(allowed);
    }
}
