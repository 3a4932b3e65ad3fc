using Ardalis.GuardClauses;
using Debitor.Core.Communication;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;
using Debitor.Core.Ports;

namespace Debitor.Core.Application;

/// <summary>Courtesy reminders before the due date (issue 17, Odoo).</summary>
public sealed partial class DunningService
{
    /// <summary>
    /// Records the courtesy reminders of a previewed proposal (<see cref="DunningProposal.CourtesyReminders"/>): each
    /// installment still open, never dunned and not yet due on the run date gets a <see cref="CommunicationKind.Reminder"/>
    /// entry in its customer's communication history, which keeps it from being proposed again. Nothing else changes: no
    /// level, no notice, no fee. The host words and sends the reminders it gets back.
    /// </summary>
    /// <param name="actor">Who acts; needs <see cref="Permission.ProcessDunning"/> for every customer concerned.</param>
    /// <param name="proposal">The previewed proposal.</param>
    /// <param name="cancellationToken">Cancels the call between accounts.</param>
    /// <returns>The reminders recorded now, in the proposal's order; a reminder recorded before (the same proposal sent twice) is not returned again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="proposal"/> is <see langword="null"/>.</exception>
    /// <exception cref="AuthorizationException">The actor may not process dunning for a customer; nothing was changed.</exception>
    /// <exception cref="ConcurrencyException">Other writers kept changing an account.</exception>
    public async Task<IReadOnlyList<DunningLine>> SendCourtesyRemindersAsync(Actor actor, DunningProposal proposal, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(actor);
        Guard.Against.Null(proposal);
        var byCustomer = proposal.CourtesyReminders.GroupBy(l => l.Customer).ToList();
        foreach (var group in byCustomer)
        {
            await AuthorizeAsync(actor, Permission.ProcessDunning, group.Key, cancellationToken).ConfigureAwait(false);
        }

        var asOf = proposal.Request.AsOf;
        var sent = new List<DunningLine>();
        foreach (var group in byCustomer)
        {
            for (var attempt = 0; ; attempt++)
            {
                var account = await LoadExistingAsync(group.Key, nameof(proposal), cancellationToken).ConfigureAwait(false);
                var due = group.Where(line => StillDue(account, line, asOf)).ToList();
                var entries = due.Select(line => (JournalEntry)HistoryNotes.Note(
                    DunningIds.Courtesy(line.Installment),
                    CommunicationKind.Reminder,
                    JournalText.Of(
                        "history.courtesy.subject",
                        JournalTextArgument.Of("document", line.DocumentNumber),
                        JournalTextArgument.Of("installment", line.Installment.Number),
                        JournalTextArgument.Of("due", line.DueDate)),
                    JournalText.Of(
                        "history.courtesy.text",
                        JournalTextArgument.Of("open", line.OpenAmount),
                        JournalTextArgument.Of("due", line.DueDate),
                        JournalTextArgument.Of("on", asOf)),
                    line.Installment.Item)).ToList();
                if (entries.Count == 0 || await TryAppendAsync(actor, account, entries, nameof(proposal), attempt, cancellationToken).ConfigureAwait(false) is not null)
                {
                    sent.AddRange(due);
                    break;
                }
            }
        }

        return sent.AsReadOnly();
    }

    /// <summary>Whether a proposed courtesy reminder still applies: open, never dunned, not due on the run date, not recorded yet.</summary>
    private static bool StillDue(CustomerAccount account, DunningLine line, LocalDate asOf) =>
        account.FindInstallment(line.Installment) is { IsOpen: true } installment
        && installment.Dunning.NoticeCount == 0
        && installment.DueDate > asOf
        && !Scanner.CourtesyReminderSent(account, line.Installment);
}
