using System.Globalization;
using Debitor.Core.Application;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;
using Debitor.Core.Serialization;

namespace Debitor.Core.Orleans;

/// <summary>
/// A refusal of the library (<see cref="DebitorException"/>: not authorized, a conflict with a writer outside the cluster,
/// a duplicate entry, an archived account, …) as it travels from the grain to the caller, who gets the same exception
/// again with the same values. Orleans carries the ArgumentException family itself.
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed record CommandFault([property: Id(0)] string Kind, [property: Id(1)] string?[] Values)
{
    internal static CommandFault? Of(Exception exception) => exception switch
    {
        AuthorizationException e => new(nameof(AuthorizationException), [e.User.Value, Number((int)e.Permission), e.Customer.Value]),
        ConcurrencyException e => new(nameof(ConcurrencyException), [e.Customer.Value, Number(e.ExpectedVersion), Number(e.ActualVersion)]),
        DuplicateEntryException e => new(nameof(DuplicateEntryException), [e.Customer.Value, e.Entry.Value]),
        CustomerArchivedException e => new(nameof(CustomerArchivedException), [e.Customer.Value]),
        CustomerNotDeletableException e => new(nameof(CustomerNotDeletableException), [e.Customer.Value]),
        LetterBuiltUponException e => new(nameof(LetterBuiltUponException), [e.LetterId, e.LaterLetterId, e.Customer.Value, e.Installment.Item.Value, Number(e.Installment.Number)]),
        CurrencyMismatchException e => new(nameof(CurrencyMismatchException), [e.Expected.Code, e.Actual.Code]),
        JournalFormatException e => new(nameof(JournalFormatException), [e.Problem, e.Kind, e.Entry?.Value]),
        CorruptJournalException { Customer: { } customer, Version: { } version } e => new(nameof(CorruptJournalException), [customer.Value, Number(version), e.Message]),
        CorruptJournalException e => new(nameof(CorruptJournalException), [e.Entry.Value, null, e.Message]),
        _ => null,
    };

    /// <summary>The exception the grain threw, made again.</summary>
    internal DebitorException ToException()
    {
        var v = Values;
        return Kind switch
        {
            nameof(AuthorizationException) => new AuthorizationException(new UserId(v[0]!), (Permission)Parse(v[1]), new CustomerId(v[2]!)),
            nameof(ConcurrencyException) => new ConcurrencyException(new CustomerId(v[0]!), Parse(v[1]), Parse(v[2])),
            nameof(DuplicateEntryException) => new DuplicateEntryException(new CustomerId(v[0]!), new EntryId(v[1]!)),
            nameof(CustomerArchivedException) => new CustomerArchivedException(new CustomerId(v[0]!)),
            nameof(CustomerNotDeletableException) => new CustomerNotDeletableException(new CustomerId(v[0]!)),
            nameof(LetterBuiltUponException) => new LetterBuiltUponException(v[0]!, v[1]!, new CustomerId(v[2]!), new InstallmentRef(new EntryId(v[3]!), (int)Parse(v[4]))),
            nameof(CurrencyMismatchException) => new CurrencyMismatchException(Currency.FromCode(v[0]!), Currency.FromCode(v[1]!)),
            nameof(JournalFormatException) => new JournalFormatException(v[0]!, v[1], v[2] is null ? null : new EntryId(v[2]!)),
            nameof(CorruptJournalException) when v[1] is { } version => new CorruptJournalException(new CustomerId(v[0]!), Parse(version), Reason(v[2]!)),
            nameof(CorruptJournalException) => new CorruptJournalException(new EntryId(v[0]!), Reason(v[2]!)),
            _ => throw new InvalidOperationException($"Unknown fault '{Kind}'."),
        };
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long Parse(string? value) => long.Parse(value!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>The reason in a corrupt journal's message (after its first ": "), so the message reads as the grain's did.</summary>
    private static string Reason(string message) => message.IndexOf(": ", StringComparison.Ordinal) is var at and >= 0 ? message[(at + 2)..] : message;
}
