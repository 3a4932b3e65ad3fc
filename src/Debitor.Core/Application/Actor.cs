using Ardalis.GuardClauses;

namespace Debitor.Core.Application;

/// <summary>Who performs a use case: a user and the roles the host granted it.</summary>
/// <remarks>Roles are the host's words; <see cref="Roles"/> names the ones the shipped authorization understands.</remarks>
public sealed record Actor
{
    private readonly ValueList<string> _roles;

    /// <summary>Creates an actor.</summary>
    /// <param name="user">The user.</param>
    /// <param name="roles">The user's roles, compared case-insensitively.</param>
    /// <exception cref="ArgumentException"><paramref name="user"/> is <c>default</c> or a role is empty.</exception>
    public Actor(UserId user, params IEnumerable<string> roles)
    {
        User = Guard.Against.Default(user, nameof(user));
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.ToList();
        if (list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A role must not be empty.", nameof(roles));
        }

        _roles = ValueList<string>.From(list.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The user.</summary>
    public UserId User { get; }

    /// <summary>The user's roles.</summary>
    public IReadOnlyList<string> Roles => _roles;

    /// <summary>Whether the actor has a role (case-insensitive).</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> when the actor has it.</returns>
    public bool HasRole(string role) => _roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The roles the shipped <see cref="Ports.RoleBasedAuthorization"/> understands.</summary>
public static class Roles
{
    /// <summary>Accountant: may do everything with receivables (R4.8).</summary>
    public const string Accountant = "accountant";

    /// <summary>Supervisor: may do everything, including overrides (R4.8, R2.5).</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Receivables clerk: works customers (pause, due dates, communication, payments) but does not post documents, write off, reverse or run dunning.</summary>
    public const string Clerk = "clerk";

    /// <summary>Read-only access.</summary>
    public const string Viewer = "viewer";
}

/// <summary>What an actor may be allowed to do.</summary>
public enum Permission
{
    /// <summary>Read accounts.</summary>
    ViewAccounts,

    /// <summary>Register customers, change settings, archive, delete.</summary>
    ManageCustomers,

    /// <summary>Post invoices, credit notes and charges.</summary>
    PostDocuments,

    /// <summary>Record payments, apply them, refund, record returned payments.</summary>
    RecordPayments,

    /// <summary>Write amounts off.</summary>
    WriteOff,

    /// <summary>Reverse entries.</summary>
    Reverse,

    /// <summary>Pause and resume items.</summary>
    PauseItems,

    /// <summary>Change due dates.</summary>
    ChangeDueDates,

    /// <summary>Record communication-history entries.</summary>
    RecordCommunication,

    /// <summary>Preview dunning runs.</summary>
    PreviewDunning,

    /// <summary>Process dunning runs (R4.8).</summary>
    ProcessDunning,

    /// <summary>Override blocks, limits and overdue status (R2.5).</summary>
    OverrideCreditControl,

    /// <summary>Make, check and delete payment agreements (R0.10).</summary>
    ManageAgreements,

    /// <summary>Hand items over to a lawyer or collection agency and close such cases (R0.12).</summary>
    HandOver,

    /// <summary>Attach files to a customer (R0.5).</summary>
    AttachFiles,

    /// <summary>
    /// Process a dunning run whose run date is not the processing day (back-dated or future-dated), with a recorded reason
    /// (<see cref="Dunning.DunningRunRequest.RunDateOverride"/>, D12.23).
    /// </summary>
    ProcessBackDatedRuns,
}
