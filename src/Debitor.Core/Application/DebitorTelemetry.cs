using System.Diagnostics;
using System.Diagnostics.Metrics;
using Debitor.Core.Dunning;
using Microsoft.Extensions.Logging;

namespace Debitor.Core.Application;

/// <summary>
/// The stable event ids of Debitor.Core's log events (D14.24). Ids never change meaning; new events get new ids. Every
/// event is structured and names ids only (run, letter, customer, user, installment), never a name, an address or an amount.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>id</term><description>event (level): fields</description></listheader>
/// <item><term>1001</term><description><c>DunningRunPreviewed</c> (Information): RunId, Company, Letters, Notices</description></item>
/// <item><term>1002</term><description><c>DunningRunProcessed</c> (Information): RunId, Company, Letters, Notices, Removed, Unreadable, DurationMs</description></item>
/// <item><term>1003</term><description><c>DunningLetterIssued</c> (Information): RunId, LetterId, Recipient, Level, Notices</description></item>
/// <item><term>1004</term><description><c>DunningNoticeRemoved</c> (Information): RunId, Customer, Item, Installment, Reason</description></item>
/// <item><term>1005</term><description><c>DunningItemExcluded</c> (Debug): RunId, Customer, Item, Installment, Reason</description></item>
/// <item><term>1010</term><description><c>AccessRefused</c> (Warning): User, Permission, Customer</description></item>
/// <item><term>1020</term><description><c>ConcurrencyConflict</c> (Information): Customer, Attempt, Retrying</description></item>
/// <item><term>1030</term><description><c>UnreadableAccount</c> (Warning): RunId, Customer</description></item>
/// </list>
/// </remarks>
public static class DebitorEventIds
{
    /// <summary>A dunning run was previewed.</summary>
    public const int DunningRunPreviewed = 1001;

    /// <summary>A dunning proposal was processed.</summary>
    public const int DunningRunProcessed = 1002;

    /// <summary>A dunning letter was issued (its entries stored, handed to the outbox).</summary>
    public const int DunningLetterIssued = 1003;

    /// <summary>A previewed notice was not issued (paid, changed or dunned in between).</summary>
    public const int DunningNoticeRemoved = 1004;

    /// <summary>An overdue item was kept off every letter of a preview (a block, a pause, a dispute, …).</summary>
    public const int DunningItemExcluded = 1005;

    /// <summary>An actor was refused a permission.</summary>
    public const int AccessRefused = 1010;

    /// <summary>Another writer changed an account between load and append; the use case retries or gives up.</summary>
    public const int ConcurrencyConflict = 1020;

    /// <summary>A run left out an account whose journal cannot be read.</summary>
    public const int UnreadableAccount = 1030;
}

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> of Debitor.Core, both named <see cref="Name"/>, so
/// OpenTelemetry picks them up with <c>AddSource("Debitor.Core")</c> and <c>AddMeter("Debitor.Core")</c> (D14.24).
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>instrument</term><description>unit, tags: what</description></listheader>
/// <item><term><c>debitor.dunning.run.duration</c></term><description>histogram, s, <c>debitor.company</c>, <c>debitor.operation</c> (preview, process): how long a run took</description></item>
/// <item><term><c>debitor.dunning.letters</c></term><description>counter, {letter}, <c>debitor.company</c>, <c>debitor.dunning.level</c>: letters issued</description></item>
/// <item><term><c>debitor.dunning.notices</c></term><description>counter, {notice}, <c>debitor.company</c>: notices (raised or repeated lines) on issued letters</description></item>
/// <item><term><c>debitor.payments.applied</c></term><description>counter, {payment}, <c>debitor.company</c>: incoming payments applied</description></item>
/// <item><term><c>debitor.concurrency.conflicts</c></term><description>counter, {conflict}, <c>debitor.operation</c>: appends another writer came first to</description></item>
/// </list>
/// Activities: <c>debitor.dunning.preview</c> and <c>debitor.dunning.process</c> (tags <c>debitor.run</c>,
/// <c>debitor.company</c>, <c>debitor.letters</c>), <c>debitor.payments.apply</c> (tag <c>debitor.payment</c>).
/// </remarks>
public static class DebitorDiagnostics
{
    /// <summary>The name of the activity source and the meter: <c>Debitor.Core</c>.</summary>
    public const string Name = "Debitor.Core";

    internal static readonly ActivitySource Activities = new(Name, Version);
    internal static readonly Meter Meter = new(Name, Version);
    internal static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>("debitor.dunning.run.duration", "s", "How long a dunning run took.");
    internal static readonly Counter<long> Letters = Meter.CreateCounter<long>("debitor.dunning.letters", "{letter}", "Dunning letters issued.");
    internal static readonly Counter<long> Notices = Meter.CreateCounter<long>("debitor.dunning.notices", "{notice}", "Notices on issued dunning letters.");
    internal static readonly Counter<long> PaymentsApplied = Meter.CreateCounter<long>("debitor.payments.applied", "{payment}", "Incoming payments applied.");
    internal static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("debitor.concurrency.conflicts", "{conflict}", "Appends another writer came first to.");

    private static string Version => typeof(DebitorDiagnostics).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>Counts a concurrency conflict of a use case without a logger of its own; always <see langword="true"/>, for an exception filter.</summary>
    internal static bool Conflict(string operation)
    {
        Conflicts.Add(1, new KeyValuePair<string, object?>("debitor.operation", operation));
        return true;
    }

    /// <summary>Counts an applied payment.</summary>
    internal static void PaymentApplied(CompanyId company) =>
        PaymentsApplied.Add(1, new KeyValuePair<string, object?>("debitor.company", company.Value));

    /// <summary>Counts a concurrency conflict and logs it; always <see langword="true"/>, so it can sit in an exception filter.</summary>
    internal static bool Conflict(ILogger logger, string operation, CustomerId customer, int attempt, bool retrying)
    {
        Conflict(operation);
        logger.ConcurrencyConflict(customer.Value, attempt, retrying);
        return true;
    }

    /// <summary>Records a finished dunning run: duration, letters, notices, and one event per letter.</summary>
    internal static void Issued(ILogger logger, DunningRunRequest request, IReadOnlyList<DunningLetter> letters)
    {
        var company = new KeyValuePair<string, object?>("debitor.company", request.Company.Value);
        foreach (var letter in letters)
        {
            var notices = letter.Lines.Count(l => l.IssuesNotice);
            Letters.Add(1, company, new KeyValuePair<string, object?>("debitor.dunning.level", letter.Level));
            Notices.Add(notices, company);
            logger.DunningLetterIssued(request.RunId.Value, letter.Id, letter.RecipientId.Value, letter.Level, notices);
        }
    }

    /// <summary>Records a run's duration.</summary>
    internal static void Duration(DunningRunRequest request, string operation, TimeSpan elapsed) =>
        RunDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("debitor.company", request.Company.Value),
            new KeyValuePair<string, object?>("debitor.operation", operation));

    /// <summary>Records a preview: duration, the event, and at Debug level one event per excluded item.</summary>
    internal static void Previewed(ILogger logger, DunningProposal proposal, long started, Activity? activity)
    {
        var request = proposal.Request;
        Duration(request, "preview", Stopwatch.GetElapsedTime(started));
        activity?.SetTag("debitor.letters", proposal.Letters.Count);
        logger.DunningRunPreviewed(request.RunId.Value, request.Company.Value, proposal.Letters.Count, proposal.NoticeCount); // the count kept with each letter: no letter is materialized for the log
        if (logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var line in proposal.Excluded)
            {
                logger.DunningItemExcluded(request.RunId.Value, line.Customer.Value, line.Installment.Item.Value, line.Installment.Number, line.Exclusion);
            }
        }

        Unreadable(logger, request, proposal.UnreadableAccounts);
    }

    /// <summary>Records a processed run: letters, notices, removals, unreadable accounts, duration and the summary event.</summary>
    internal static void Processed(ILogger logger, DunningRunRequest request, DunningRunResult result, long started, Activity? activity)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        Issued(logger, request, result.Issued);
        foreach (var removed in result.Removed)
        {
            logger.DunningNoticeRemoved(request.RunId.Value, removed.Customer.Value, removed.Installment.Item.Value, removed.Installment.Number, removed.Reason);
        }

        Unreadable(logger, request, result.UnreadableAccounts);
        Duration(request, "process", elapsed);
        activity?.SetTag("debitor.letters", result.Issued.Count);
        logger.DunningRunProcessed(
            request.RunId.Value,
            request.Company.Value,
            result.Issued.Count,
            result.Issued.Sum(l => l.NoticeCount),
            result.Removed.Count,
            result.UnreadableAccounts.Count,
            (long)elapsed.TotalMilliseconds);
    }

    /// <summary>Logs a refusal.</summary>
    internal static void Refused(ILogger logger, Actor actor, Permission permission, CustomerId customer) =>
        logger.AccessRefused(actor.User.Value, permission, customer.Value);

    private static void Unreadable(ILogger logger, DunningRunRequest request, IReadOnlyList<Ledger.CorruptJournalException> accounts)
    {
        foreach (var account in accounts)
        {
            logger.UnreadableAccount(request.RunId.Value, account.Customer?.Value ?? string.Empty);
        }
    }

    /// <summary>Starts a dunning activity, tagged with the run and the company (none when nobody listens).</summary>
    internal static Activity? StartRun(string name, DunningRunRequest request)
    {
        var activity = Activities.StartActivity(name);
        activity?.SetTag("debitor.run", request.RunId.Value);
        activity?.SetTag("debitor.company", request.Company.Value);
        return activity;
    }
}

/// <summary>The log events (LoggerMessage source generation), ids from <see cref="DebitorEventIds"/>.</summary>
internal static partial class DebitorLog
{
    [LoggerMessage(EventId = DebitorEventIds.DunningRunPreviewed, EventName = nameof(DebitorEventIds.DunningRunPreviewed), Level = LogLevel.Information,
        Message = "Dunning run {RunId} of company {Company} previewed: {Letters} letters, {Notices} notices")]
    internal static partial void DunningRunPreviewed(this ILogger logger, string runId, string company, int letters, int notices);

    [LoggerMessage(EventId = DebitorEventIds.DunningRunProcessed, EventName = nameof(DebitorEventIds.DunningRunProcessed), Level = LogLevel.Information,
        Message = "Dunning run {RunId} of company {Company} processed: {Letters} letters, {Notices} notices, {Removed} notices removed, {Unreadable} accounts unreadable, {DurationMs} ms")]
    internal static partial void DunningRunProcessed(this ILogger logger, string runId, string company, int letters, int notices, int removed, int unreadable, long durationMs);

    [LoggerMessage(EventId = DebitorEventIds.DunningLetterIssued, EventName = nameof(DebitorEventIds.DunningLetterIssued), Level = LogLevel.Information,
        Message = "Dunning run {RunId} issued letter {LetterId} to customer {Recipient} at level {Level} with {Notices} notices")]
    internal static partial void DunningLetterIssued(this ILogger logger, string runId, string letterId, string recipient, int level, int notices);

    [LoggerMessage(EventId = DebitorEventIds.DunningNoticeRemoved, EventName = nameof(DebitorEventIds.DunningNoticeRemoved), Level = LogLevel.Information,
        Message = "Dunning run {RunId} did not issue the notice on customer {Customer}, item {Item} installment {Installment}: {Reason}")]
    internal static partial void DunningNoticeRemoved(this ILogger logger, string runId, string customer, string item, int installment, DunningRemovalReason reason);

    [LoggerMessage(EventId = DebitorEventIds.DunningItemExcluded, EventName = nameof(DebitorEventIds.DunningItemExcluded), Level = LogLevel.Debug,
        Message = "Dunning run {RunId} excluded customer {Customer}, item {Item} installment {Installment}: {Reason}")]
    internal static partial void DunningItemExcluded(this ILogger logger, string runId, string customer, string item, int installment, DunningExclusion? reason);

    [LoggerMessage(EventId = DebitorEventIds.AccessRefused, EventName = nameof(DebitorEventIds.AccessRefused), Level = LogLevel.Warning,
        Message = "User {User} was refused {Permission} on customer {Customer}")]
    internal static partial void AccessRefused(this ILogger logger, string user, Permission permission, string customer);

    [LoggerMessage(EventId = DebitorEventIds.ConcurrencyConflict, EventName = nameof(DebitorEventIds.ConcurrencyConflict), Level = LogLevel.Information,
        Message = "Customer {Customer} was changed by another writer (attempt {Attempt}); retrying: {Retrying}")]
    internal static partial void ConcurrencyConflict(this ILogger logger, string customer, int attempt, bool retrying);

    [LoggerMessage(EventId = DebitorEventIds.UnreadableAccount, EventName = nameof(DebitorEventIds.UnreadableAccount), Level = LogLevel.Warning,
        Message = "Dunning run {RunId} left out customer {Customer}: its journal cannot be read")]
    internal static partial void UnreadableAccount(this ILogger logger, string runId, string customer);
}
