using Debitor.Core.Ledger;

namespace Debitor.Core.Application;

/// <summary>The appenders a processing keeps per account between its parts (D13.140).</summary>
public sealed partial class DunningService
{
    /// <summary>
    /// The appender of each account a processing wrote to, so that an account's next part (its letter's number, its next
    /// letter) continues the projection state of the last one instead of replaying the whole journal again. The rules are
    /// those of every append: <see cref="CustomerAccount.Append"/> uses the same appender, which checks each entry against
    /// the account as it stands and applies it as a replay does (the property <c>Append_EqualsReplayOfTheWholeJournal</c>).
    /// </summary>
    /// <remarks>
    /// An appender's view is live: it shares the state the next part is applied to. It is therefore only continued from
    /// the very view it handed out last (the account's head, nothing having been appended since); any other head starts a
    /// new appender, and an account whose part another writer refused is dropped (and its head rebuilt by the caller).
    /// The views stay inside the processing: letters and results hold the views the letters were computed from.
    /// </remarks>
    private sealed class LiveAccounts
    {
        private readonly Dictionary<CustomerId, AccountProjection.Appender> _appenders = [];

        /// <summary>Appends <paramref name="entries"/> to <paramref name="head"/>, the account as it stands; returns the view they lead to and the records appended.</summary>
        /// <exception cref="ArgumentException">An entry is refused (as <see cref="CustomerAccount.Append"/>).</exception>
        public (CustomerAccount After, IReadOnlyList<JournalRecord> Appended) Append(
            CustomerId customer, CustomerAccount head, IReadOnlyList<JournalEntry> entries, Instant now, UserId user, LocalDate today, string parameterName)
        {
            if (!_appenders.TryGetValue(customer, out var appender) || !ReferenceEquals(appender.Current, head))
            {
                appender = new AccountProjection.Appender(head);
                _appenders[customer] = appender;
            }

            try
            {
                var appended = appender.Append(entries, now, user, today, parameterName);
                return (appender.Current, appended);
            }
            catch
            {
                // A refused entry ends the processing; the appender is not continued in any case.
                _appenders.Remove(customer);
                throw;
            }
        }

        /// <summary>Forgets an account's appender; <see langword="true"/> when it had one.</summary>
        public bool Drop(CustomerId customer) => _appenders.Remove(customer);
    }
}
