using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Application;

/// <summary>
/// One change in a batch for <see cref="CustomerAccountService.ApplyManyAsync"/>: a registration, a posting of ledger
/// entries or a master-data change, each checked exactly as its single-account use case checks it.
/// </summary>
public sealed class AccountChange
{
    private AccountChange(AccountChangeKind kind, CustomerId customer, string parameterName)
    {
        Kind = kind;
        Customer = Guard.Against.Default(customer, nameof(customer));
        ParameterName = parameterName;
    }

    /// <summary>The account the change concerns.</summary>
    public CustomerId Customer { get; }

    internal AccountChangeKind Kind { get; }

    /// <summary>The argument a refusal names, as the single-account use case names it.</summary>
    internal string ParameterName { get; }

    internal Customer? Settings { get; private init; }

    internal IReadOnlyList<JournalEntry>? Entries { get; private init; }

    internal Func<CustomerAccount, IReadOnlyList<JournalEntry>>? Plan { get; private init; }

    internal EntryId EntryId { get; private init; }

    internal CustomerMasterData? MasterData { get; private init; }

    /// <summary>Registers a customer, as <see cref="CustomerAccountService.RegisterCustomerAsync"/> does: the same registration again is a no-op.</summary>
    /// <param name="customer">The customer's settings.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The customer's id is <c>default</c>.</exception>
    public static AccountChange Register(Customer customer)
    {
        Guard.Against.Null(customer);
        return new AccountChange(AccountChangeKind.Register, customer.Id, nameof(customer)) { Settings = customer };
    }

    /// <summary>Posts ledger entries on an account, all or none, as <see cref="CustomerAccountService.PostAllAsync"/> does.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="entries">The entries, checked in order.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is <c>default</c>.</exception>
    public static AccountChange Post(CustomerId customer, IReadOnlyList<JournalEntry> entries)
    {
        Guard.Against.Null(entries);
        return new AccountChange(AccountChangeKind.Post, customer, nameof(entries)) { Entries = entries };
    }

    /// <summary>
    /// Posts ledger entries computed from the account as it stands when they are appended — after the changes before it
    /// in the batch, and again on a retry — all or none, as <see cref="CustomerAccountService.PostAllAsync"/> posts them.
    /// No entries is a no-op. Use it where an entry depends on the account (a due date from the customer's payment terms,
    /// the amount still open on an invoice a payment names, whether an entry is stored already).
    /// </summary>
    /// <param name="customer">The account.</param>
    /// <param name="plan">Computes the entries from the account; pure (it may run more than once) and may refuse with an <see cref="ArgumentException"/>.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is <c>default</c>.</exception>
    public static AccountChange Post(CustomerId customer, Func<CustomerAccount, IReadOnlyList<JournalEntry>> plan)
    {
        Guard.Against.Null(plan);
        return new AccountChange(AccountChangeKind.Post, customer, "entries") { Plan = plan };
    }

    /// <summary>Replaces a customer's master data, as <see cref="CollectionService.ChangeMasterDataAsync"/> does.</summary>
    /// <param name="customer">The account.</param>
    /// <param name="entryId">The change's entry id (the same change again is a no-op).</param>
    /// <param name="masterData">The new master data.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="masterData"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customer"/> is <c>default</c>.</exception>
    public static AccountChange ChangeMasterData(CustomerId customer, EntryId entryId, CustomerMasterData masterData)
    {
        Guard.Against.Null(masterData);
        return new AccountChange(AccountChangeKind.MasterData, customer, nameof(masterData)) { EntryId = entryId, MasterData = masterData };
    }
}

/// <summary>What <see cref="CustomerAccountService.ApplyManyAsync"/> did.</summary>
public sealed class BatchResult
{
    internal BatchResult(int[] appended, IReadOnlyList<BatchRefusal> refused, int accountsChanged)
    {
        Appended = appended;
        Refused = refused;
        AccountsChanged = accountsChanged;
        RecordsAppended = appended.Sum();
    }

    /// <summary>How many journal records each change appended, by its index in the batch (0: refused, or everything stored already).</summary>
    public IReadOnlyList<int> Appended { get; }

    /// <summary>The changes refused, in batch order, each with its reason; nothing of them was appended.</summary>
    public IReadOnlyList<BatchRefusal> Refused { get; }

    /// <summary>How many accounts got records appended.</summary>
    public int AccountsChanged { get; }

    /// <summary>How many records were appended in all.</summary>
    public int RecordsAppended { get; }
}

/// <summary>A change of a batch that was refused.</summary>
/// <param name="Index">Its index in the batch.</param>
/// <param name="Customer">Its account.</param>
/// <param name="Reason">Why: the exception its single-account use case throws (an <see cref="ArgumentException"/>,
/// <see cref="AuthorizationException"/>, <see cref="DuplicateEntryException"/>, <see cref="CustomerArchivedException"/>,
/// <see cref="CorruptJournalException"/> or, when other writers kept changing the account, <see cref="Ports.ConcurrencyException"/>).</param>
public sealed record BatchRefusal(int Index, CustomerId Customer, Exception Reason);

internal enum AccountChangeKind
{
    Register,
    Post,
    MasterData,
}
