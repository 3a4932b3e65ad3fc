using Debitor.Core;
using Debitor.Core.Ports;
using Debitor.Core.PostgreSql;
using Debitor.Core.Sqlite;
using Debitor.Core.Testing;

// Usage: StoreWriter sqlite|postgres <connection string> <customer>
// Appends batches of five records to the account until killed; prints each committed version.
ICustomerAccountStore store = args[0] == "sqlite" ? new SqliteCustomerAccountStore(args[1]) : new PostgreSqlCustomerAccountStore(args[1]);
var customer = new CustomerId(args[2]);
var version = (await store.LoadAsync(customer, CancellationToken.None)).Count;
while (true)
{
    var batch = Enumerable.Range(1, 5).Select(i => CustomerAccountStoreContract.Payment(version + i, $"k{version + i}")).ToList();
    await store.AppendAsync(customer, version, batch, CancellationToken.None);
    version += batch.Count;
    Console.WriteLine(version);
}
