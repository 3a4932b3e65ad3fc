using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Ports;
using Debitor.Core.Storage;

namespace Debitor.Core.Sqlite;

/// <summary>
/// Customer search (R1.1) over the SQLite store: one query reads the journals of the query's company through the company
/// index, in one consistent read transaction, and the shared rule (<see cref="CustomerSearchQuery.Matches"/>) decides.
/// </summary>
/// <remarks>Reads every journal of the company once per search; see <c>docs/storage.md</c>. Thread-safe.</remarks>
public sealed class SqliteCustomerSearch : ICustomerSearch
{
    private readonly SqliteCustomerAccountStore _store;
    private readonly IAccountFaultLog _faults;

    /// <summary>Creates the search over a store.</summary>
    /// <param name="store">The SQLite store.</param>
    /// <param name="faults">Where an account that cannot be read is reported.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SqliteCustomerSearch(SqliteCustomerAccountStore store, IAccountFaultLog faults)
    {
        _store = Guard.Against.Null(store);
        _faults = Guard.Against.Null(faults);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CustomerSearchHit>> SearchAsync(CustomerSearchQuery query, CancellationToken cancellationToken)
    {
        Guard.Against.Null(query);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT a.customer, a.version, j.version, j.recorded_at, j.recorded_by, j.payload
            FROM debitor_accounts a LEFT JOIN debitor_journal j ON j.customer = a.customer
            WHERE a.company = $company ORDER BY a.customer, j.version;
            """;
        command.Parameters.AddWithValue("$company", query.Company.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await StoredSearch.HitsAsync(reader, query, _faults, cancellationToken).ConfigureAwait(false);
    }
}
