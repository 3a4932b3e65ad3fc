using Microsoft.Data.Sqlite;

namespace Debitor.Core.Sqlite;

/// <summary>How the SQLite stores read the connection string a host gives them.</summary>
internal static class SqliteConnectionStrings
{
    /// <summary>
    /// The host's connection string with a busy timeout of at least 30 seconds and without Microsoft.Data.Sqlite's
    /// connection pool (D16.278): the stores keep their own open sessions, and that pool can lend one open handle to two
    /// connections opened at the same moment (dotnet/efcore issue 39008).
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is invalid.</exception>
    public static string ForStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        builder.Pooling = false;
        return builder.ToString();
    }
}
