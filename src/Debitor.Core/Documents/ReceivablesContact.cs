using Ardalis.GuardClauses;

namespace Debitor.Core.Documents;

/// <summary>
/// Our receivables contact, printed on payment advice, difference notifications, write-off notifications and the
/// other receivables documents (R3.5).
/// </summary>
/// <remarks>
/// A deliberately small model until master data has contacts of its own: a name, and optionally a phone number and
/// an e-mail address, all as the host gives them (not validated beyond "not empty").
/// </remarks>
public sealed record ReceivablesContact
{
    /// <summary>Creates a contact.</summary>
    /// <param name="name">The name (a person or a team, e.g. "Accounts receivable").</param>
    /// <param name="phone">The phone number, or <see langword="null"/>.</param>
    /// <param name="email">The e-mail address, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public ReceivablesContact(string name, string? phone = null, string? email = null)
    {
        Name = Guard.Against.NullOrWhiteSpace(name, nameof(name));
        Phone = phone;
        Email = email;
    }

    /// <summary>The contact used until the host configures its own: "Accounts receivable", no phone, no e-mail.</summary>
    public static ReceivablesContact Default { get; } = new("Accounts receivable");

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The phone number, if any.</summary>
    public string? Phone { get; }

    /// <summary>The e-mail address, if any.</summary>
    public string? Email { get; }
}
