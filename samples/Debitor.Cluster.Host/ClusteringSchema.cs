using Npgsql;

namespace Debitor.Cluster.Host;

/// <summary>
/// Creates what Orleans' ADO.NET clustering reads and writes in PostgreSQL: the query table the provider loads its
/// statements from, the membership version table and the membership table, and the statements under the keys the
/// provider asks for. Written for this sample from the provider's contract (the query keys, the parameter names it binds,
/// the column names it reads and "first column = rows affected" for writes); see docs/scale-out.md, decision D19.6.
/// Idempotent: safe at every start, serialized by an advisory lock.
/// </summary>
internal static class ClusteringSchema
{
    private const long LockKey = 0x0DEB_1C0_0019;

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey varchar(64) NOT NULL PRIMARY KEY,
            querytext varchar(8000) NOT NULL);
        CREATE TABLE IF NOT EXISTS orleansmembershipversiontable (
            deploymentid varchar(150) NOT NULL PRIMARY KEY,
            timestamp timestamptz(3) NOT NULL DEFAULT now(),
            version integer NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS orleansmembershiptable (
            deploymentid varchar(150) NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
            address varchar(45) NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            siloname varchar(150) NOT NULL,
            hostname varchar(150) NOT NULL,
            status integer NOT NULL,
            proxyport integer NULL,
            suspecttimes varchar(8000) NULL,
            starttime timestamptz(3) NOT NULL,
            iamalivetime timestamptz(3) NOT NULL,
            PRIMARY KEY (deploymentid, address, port, generation));
        """;

    /// <summary>The member columns every read returns, with the deployment's version.</summary>
    private const string MemberColumns =
        "v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, v.version";

    private static readonly (string Key, string Text)[] Queries =
    [
        // Writes answer with one number: the rows they changed (0 = another silo came first; the provider re-reads).
        ("InsertMembershipVersionKey", """
            WITH added AS (
                INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
                ON CONFLICT (deploymentid) DO NOTHING RETURNING 1)
            SELECT count(*)::int FROM added;
            """),
        ("InsertMembershipKey", """
            WITH bumped AS (
                UPDATE orleansmembershipversiontable SET timestamp = now(), version = version + 1
                WHERE deploymentid = @DeploymentId AND version = @Version
                  AND NOT EXISTS (SELECT 1 FROM orleansmembershiptable x
                                  WHERE x.deploymentid = @DeploymentId AND x.address = @Address AND x.port = @Port AND x.generation = @Generation)
                RETURNING deploymentid),
            added AS (
                INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
                SELECT deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM bumped
                RETURNING 1)
            SELECT count(*)::int FROM added;
            """),
        ("UpdateMembershipKey", """
            WITH bumped AS (
                UPDATE orleansmembershipversiontable SET timestamp = now(), version = version + 1
                WHERE deploymentid = @DeploymentId AND version = @Version
                  AND EXISTS (SELECT 1 FROM orleansmembershiptable x
                              WHERE x.deploymentid = @DeploymentId AND x.address = @Address AND x.port = @Port AND x.generation = @Generation)
                RETURNING deploymentid),
            changed AS (
                UPDATE orleansmembershiptable m SET status = @Status, suspecttimes = @SuspectTimes, iamalivetime = @IAmAliveTime
                FROM bumped
                WHERE m.deploymentid = bumped.deploymentid AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING 1)
            SELECT count(*)::int FROM changed;
            """),
        ("UpdateIAmAlivetimeKey", """
            UPDATE orleansmembershiptable SET iamalivetime = @IAmAliveTime
            WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
            """),
        ("MembershipReadRowKey", $"""
            SELECT {MemberColumns}
            FROM orleansmembershipversiontable v
            LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
                 AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deploymentid = @DeploymentId;
            """),
        ("MembershipReadAllKey", $"""
            SELECT {MemberColumns}
            FROM orleansmembershipversiontable v
            LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
            WHERE v.deploymentid = @DeploymentId;
            """),
        ("GatewaysQueryKey", """
            SELECT address, proxyport, generation FROM orleansmembershiptable
            WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
            """),
        ("DeleteMembershipTableEntriesKey", """
            DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
            DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
            """),
        ("CleanupDefunctSiloEntriesKey", """
            DELETE FROM orleansmembershiptable
            WHERE deploymentid = @DeploymentId AND iamalivetime < @IAmAliveTime AND status <> 3;
            """),
    ];

    /// <summary>Creates the tables if missing and (re)writes the statements.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(Tables, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (key, text) in Queries)
        {
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO orleansquery (querykey, querytext) VALUES (@key, @text) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext",
                connection,
                transaction);
            upsert.Parameters.AddWithValue("key", key);
            upsert.Parameters.AddWithValue("text", text);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
