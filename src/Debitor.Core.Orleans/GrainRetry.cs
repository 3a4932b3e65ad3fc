namespace Debitor.Core.Orleans;

/// <summary>How the library's clients call grains: a call that failed for a reason a retry may cure is tried again (D19.5).</summary>
internal static class GrainRetry
{
    /// <summary>Calls, and calls again after a pause growing with each attempt, up to <see cref="ClusterDunningOptions.MaxAttempts"/> times.</summary>
    internal static async Task<T> RunAsync<T>(Func<Task<T>> call, ClusterDunningOptions options, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt < options.MaxAttempts && IsTransient(exception) && !cancellationToken.IsCancellationRequested)
            {
                // A silo that failed or a call that timed out: the grain is activated again on a live silo.
                await Task.Delay(options.RetryDelay * attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Faults a retry may cure: not a refused argument, a refused permission or a broken rule, nor a value Orleans cannot carry (those fail again).</summary>
    private static bool IsTransient(Exception exception) =>
        exception is not (ArgumentException or DebitorException or OperationCanceledException or global::Orleans.Serialization.CodecNotFoundException);
}
