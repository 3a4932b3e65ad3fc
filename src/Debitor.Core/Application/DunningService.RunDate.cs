using Debitor.Core.Dunning;

namespace Debitor.Core.Application;

/// <summary>The run-date rule of processing (D12.23, D14.6).</summary>
public sealed partial class DunningService
{
    /// <summary>
    /// The run date a processing uses and, when the run overrides it, the processing day and the reason to record.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>A run dated the processing day is processed as it is.</item>
    /// <item>A run carrying <see cref="DunningRunRequest.RunDateOverride"/> is processed on its own date; the caller checks
    /// <see cref="Permission.ProcessBackDatedRuns"/> and the override is recorded on every account written to.</item>
    /// <item>A run previewed for the day it was previewed on and processed on a later day (approve now, process later) is
    /// re-checked as of the processing day: its letters carry the day they are issued.</item>
    /// <item>Any other run date (back-dated at preview, or in the future) is refused: it would manufacture default dates
    /// (BGB §286) that never happened.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentException">The run date is not the processing day and the run carries no override.</exception>
    internal static (DunningRunRequest Request, (LocalDate ProcessedOn, string Reason)? Override) RunDate(DunningApproval approval, LocalDate today)
    {
        var request = approval.Request;
        if (request.AsOf == today)
        {
            return (request, null);
        }

        if (request.RunDateOverride is { } reason)
        {
            return (request, (today, reason));
        }

        if (request.AsOf < today && approval.PreviewedOn == request.AsOf)
        {
            return (request.On(today), null);
        }

        throw new ArgumentException(
            $"The run date {request.AsOf:yyyy-MM-dd} is not the processing day {today:yyyy-MM-dd} in the company's time zone; "
            + "a back-dated or future-dated run needs a reason in DunningRunRequest.RunDateOverride and the permission ProcessBackDatedRuns.",
            nameof(approval));
    }
}
