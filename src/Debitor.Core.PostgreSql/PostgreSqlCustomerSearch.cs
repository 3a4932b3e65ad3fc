using Ardalis.GuardClauses;
using Debitor.Core.Customers;
using Debitor.Core.Ports;
using Debitor.Core.Storage;
using Npgsql;

namespace Debitor.Core.PostgreSql;

/// <summary>
/// Customer search (R1.1) over the PostgreSQL store: one query reads the journals of the query's company through the
/// company index (one statement, so one snapshot), and the shared rule (<see cref="CustomerSearchQuery.Matches"/>) decides.
/// </summary>
/// <remarks>Reads every journal of the company once per search; see <c>docs/storage.md</c>. Thread-safe.</remarks>
public sealed class PostgreSqlCustomerSearch : ICustomerSearch
{
    private readonly PostgreSqlCustomerAccountStore _store;
    private readonly IAccountFaultLog _faults;

    /// <summary>Creates the search over a store.</summary>
    /// <param name="store">The PostgreSQL store.</param>
    /// <param name="faults">Where an account that cannot be read is reported.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PostgreSqlCustomerSearch(PostgreSqlCustomerAccountStore store, IAccountFaultLog faults)
    {
        _store = Guard.Against.Null(store);
        _faults = Guard.Against.Null(faults);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CustomerSearchHit>> SearchAsync(CustomerSearchQuery query, CancellationToken cancellationToken)
    {
        Guard.Against.Null(query);
        await using var command = _store.DataSource.CreateCommand(
            """
            SELECT a.customer, a.version, j.version, j.recorded_at, j.recorded_by, coalesce(j.document, j.payload::text)
            FROM debitor_accounts a LEFT JOIN debitor_journal j ON j.customer = a.customer
            WHERE a.company = $1 ORDER BY a.customer, j.version
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = query.Company.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await StoredSearch.HitsAsync(reader, query, _faults, cancellationToken).ConfigureAwait(false);
    }
}
