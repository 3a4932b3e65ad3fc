using System.Globalization;

namespace Debitor.Core.Benchmarks.Storage;

/// <summary>
/// CPU time the local PostgreSQL server has spent so far, read from <c>/proc</c>: the postmaster's own and reaped
/// children's time plus the time of every live child process (the backends, the WAL writer, the checkpointer). The
/// server is found by the <c>postmaster.pid</c> in <c>DEBITOR_POSTGRES_DATA</c>/db, as <c>.ci/postgres</c> lays it out.
/// </summary>
internal static class ServerCpu
{
    /// <summary>The server's CPU time so far, or <see langword="null"/> when no local server can be read.</summary>
    public static TimeSpan? Read()
    {
        var data = Environment.GetEnvironmentVariable("DEBITOR_POSTGRES_DATA");
        if (data is null || !OperatingSystem.IsLinux())
        {
            return null;
        }

        var pidFile = Path.Combine(data, "db", "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // Fields after the command's closing parenthesis: 3 state, 4 ppid, ..., 14 utime, 15 stime, 16 cutime, 17 cstime.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                    + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            }
            else if (parent == postmaster)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }

        // The kernel counts in clock ticks of 1/100 s (USER_HZ) on every Linux this runs on.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
