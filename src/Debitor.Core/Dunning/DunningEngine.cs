using Ardalis.GuardClauses;
using Debitor.Core.Documents;
using Debitor.Core.Interest;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// Applies dunning schemes to customer accounts: the one function that decides, for a run date, which installments
/// get which notice, which letters go to whom, and what is excluded and why.
/// </summary>
/// <remarks>
/// <para>Pure and thread-safe: the result depends on the arguments only, nothing is changed, the clock is not read.</para>
/// <para><b>Level rule</b> per installment (R4.1–R4.4; prepayments and remainders are separate installments): see
/// <see cref="DunningScheme"/>. At most one level up per run.</para>
/// <para><b>Letters</b> (R4.6, R3.7): one per recipient and currency (or per level, <see cref="DunningScheme.OneLetterPerLevel"/>).
/// A letter is written when at least one installment gets a notice; it then lists every overdue, non-excluded item of
/// the customers it covers (open fees, interest and costs included), nets their open credit notes and unapplied
/// payments, and is dropped — its items reported as excluded — when the net overdue amount is zero or less or below the
/// scheme's minimum. Every open overdue item of a customer in scope is on exactly one letter or excluded with a reason.
/// Interest on a line is what an interest invoice of the run date would charge for it (the shared interest kernel).</para>
/// <para>The work is linear in the number of items; memory is allocated for letters, their lines and exclusions only.</para>
/// </remarks>
public static class DunningEngine
{
    /// <summary>Computes the proposal of a run (R4.7) under the shipped interest schemes (<see cref="InterestSchemeCatalog.Default"/>).</summary>
    /// <param name="request">The run date and filters.</param>
    /// <param name="settings">The company's schemes, branch days and calendar.</param>
    /// <param name="accounts">The accounts to consider: at least the customers in scope and the payers they route letters to; others are ignored.</param>
    /// <returns>The proposal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or an account in the list is.</exception>
    public static DunningProposal Preview(DunningRunRequest request, DunningSettings settings, IReadOnlyList<CustomerAccount> accounts) =>
        Preview(request, settings, InterestSchemeCatalog.Default, ReceivablesContact.Default, accounts);

    /// <summary>Computes the proposal of a run (R4.7): every letter, every line with its level and why, every excluded item with why.</summary>
    /// <param name="request">The run date and filters.</param>
    /// <param name="settings">The company's schemes, branch days and calendar.</param>
    /// <param name="interestSchemes">The company's interest schemes: the same source interest invoices, statements and the headline use.</param>
    /// <param name="contact">Our receivables contact, printed on the letters (R3.5).</param>
    /// <param name="accounts">The accounts to consider: at least the customers in scope and the payers they route letters to; others are ignored.</param>
    /// <returns>The proposal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or an account in the list is.</exception>
    public static DunningProposal Preview(DunningRunRequest request, DunningSettings settings, InterestSchemeCatalog interestSchemes, ReceivablesContact contact, IReadOnlyList<CustomerAccount> accounts)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(settings);
        Guard.Against.Null(interestSchemes);
        Guard.Against.Null(contact);
        Guard.Against.Null(accounts);
        return Run(new RunContext(request, settings, interestSchemes, contact), accounts, null, 1);
    }

    /// <summary>Explains every open claim of one account on a date under the shipped interest schemes (see the other overload).</summary>
    /// <param name="account">The account.</param>
    /// <param name="settings">The company's dunning settings.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>One line per open installment.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<DunningLine> Explain(CustomerAccount account, DunningSettings settings, LocalDate asOf) =>
        Explain(account, settings, InterestSchemeCatalog.Default, asOf, null);

    /// <summary>
    /// Explains every open claim of one account on a date: its level, why it is there, whether and why it is excluded,
    /// and when it reaches its next level (the forward dunning calendar, <see cref="DunningLine.Forecast"/>).
    /// </summary>
    /// <remarks>
    /// The explanation is the run: it is derived from the proposal of a run for this customer on that date, so an item
    /// is "due now" exactly when that run issues its notice (letter minimum and credits included), and the first date of
    /// the forecast is one on which a run for the customer issues the notice, nothing else changing.
    /// </remarks>
    /// <param name="account">The account.</param>
    /// <param name="settings">The company's dunning settings.</param>
    /// <param name="interestSchemes">The company's interest schemes.</param>
    /// <param name="asOf">The date.</param>
    /// <param name="payer">The account of the payer the customer's letters go to (R3.7), or <see langword="null"/>.</param>
    /// <returns>One line per overdue or not yet due installment, in posting order. Run filters (automatic, credit limit) do not apply.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/>, <paramref name="settings"/> or <paramref name="interestSchemes"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<DunningLine> Explain(CustomerAccount account, DunningSettings settings, InterestSchemeCatalog interestSchemes, LocalDate asOf, CustomerAccount? payer)
    {
        Guard.Against.Null(account);
        Guard.Against.Null(settings);
        Guard.Against.Null(interestSchemes);
        CustomerAccount[] accounts = payer is null ? [account] : [account, payer];
        RunContext On(LocalDate date) => new(
            new DunningRunRequest(new DunningRunId("explain"), account.Customer.Company, date) { Customer = account.Id },
            settings,
            interestSchemes,
            ReceivablesContact.Default);
        var runs = new Dictionary<LocalDate, DunningProposal>();
        DunningProposal RunOn(LocalDate date)
        {
            if (!runs.TryGetValue(date, out var proposal))
            {
                proposal = Run(On(date), accounts, null, 1);
                runs.Add(date, proposal);
            }

            return proposal;
        }

        var context = On(asOf);
        return Scanner.Explain(account, RunOn(asOf), new RunScope(context, accounts, null), RunOn);
    }

    /// <summary>The preview, optionally restricted to the notices of a previewed proposal and split over partitions of the accounts.</summary>
    internal static DunningProposal Run(RunContext context, IReadOnlyList<CustomerAccount> accounts, NoticeFilter? filter, int partitions)
    {
        var scope = new RunScope(context, accounts, filter);
        partitions = Math.Clamp(partitions, 1, Math.Max(1, accounts.Count / 1024));
        var scanners = new Scanner[partitions];
        if (partitions == 1)
        {
            scanners[0] = new Scanner(scope);
            scanners[0].Scan(accounts, 0, accounts.Count);
        }
        else
        {
            var size = (accounts.Count + partitions - 1) / partitions;
            Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, p =>
            {
                var scanner = new Scanner(scope);
                scanner.Scan(accounts, p * size, Math.Min(accounts.Count, (p + 1) * size));
                scanners[p] = scanner;
            });
        }

        var main = scanners[0];
        for (var p = 1; p < partitions; p++)
        {
            main.Absorb(scanners[p]);
        }

        main.FinishGroups();
        var proposal = main.ToProposal();
        proposal.LimitationWarningsSource = () => EndOfRoad.LimitationWarnings(scope);
        return proposal;
    }
}

/// <summary>What a run reads besides the accounts: the request, the dunning settings, the interest schemes and our contact.</summary>
internal sealed record RunContext(DunningRunRequest Request, DunningSettings Settings, InterestSchemeCatalog InterestSchemes, ReceivablesContact Contact);

/// <summary>What every partition of a run shares: the request, settings, day numbers and payer routing. Immutable.</summary>
internal sealed class RunScope
{
    internal RunScope(RunContext context, IReadOnlyList<CustomerAccount> accounts, NoticeFilter? filter)
    {
        var request = context.Request;
        Request = request;
        Settings = context.Settings;
        InterestSchemes = context.InterestSchemes;
        Contact = context.Contact;
        AsOf = request.AsOf;
        AsOfDay = LevelPlan.Day(request.AsOf);
        Level = request.Level ?? 0;
        Filter = filter;
        Accounts = accounts;
        Payers = FindPayers(accounts);
    }

    internal DunningRunRequest Request { get; }

    internal DunningSettings Settings { get; }

    internal InterestSchemeCatalog InterestSchemes { get; }

    internal ReceivablesContact Contact { get; }

    internal LocalDate AsOf { get; }

    internal int AsOfDay { get; }

    /// <summary>The only level notices may have; 0 for all.</summary>
    internal int Level { get; }

    internal NoticeFilter? Filter { get; }

    /// <summary>The accounts the run was given (those in scope and the payers they route to, and others it ignores).</summary>
    internal IReadOnlyList<CustomerAccount> Accounts { get; }

    /// <summary>The payers that receive letters for customers in scope (R3.7), by id; empty in most runs.</summary>
    internal Dictionary<CustomerId, CustomerAccount> Payers { get; }

    internal bool InScope(Customers.Customer customer) => InScope(Request, customer);

    /// <summary>Whether a customer is in a run's scope: its company, and its branch and customer when the run names them.</summary>
    internal static bool InScope(DunningRunRequest request, Customers.Customer customer) =>
        customer.Company == request.Company
        && (request.Branch is not { } branch || customer.Branch == branch)
        && (request.Customer is not { } id || customer.Id == id);

    /// <summary>Whether letters of a run's other accounts may go to this account (a payer, R3.7).</summary>
    internal static bool CanReceiveForOthers(DunningRunRequest request, CustomerAccount account) =>
        !account.IsArchived && account.Customer.Company == request.Company;

    /// <summary>Who receives a customer's letters: its payer when the routing says so and the payer is known and not archived.</summary>
    internal CustomerId RecipientOf(Customers.Customer customer) =>
        RoutesToPayer(customer) && Payers.ContainsKey(customer.Payer!.Value) ? customer.Payer.Value : customer.Id;

    /// <summary>Whether an account's letters are assembled with other accounts' (it routes to a payer, or is one).</summary>
    internal bool IsGrouped(CustomerAccount account) =>
        Payers.Count > 0 && ((Payers.TryGetValue(account.Id, out var payer) && ReferenceEquals(payer, account)) || RecipientOf(account.Customer) != account.Id);

    internal static bool RoutesToPayer(Customers.Customer customer) =>
        customer.Payer is not null && customer.PayerRouting.DunningLetters == Customers.DocumentRecipient.Payer;

    private Dictionary<CustomerId, CustomerAccount> FindPayers(IReadOnlyList<CustomerAccount> accounts)
    {
        HashSet<CustomerId>? wanted = null;
        for (var i = 0; i < accounts.Count; i++)
        {
            var customer = Guard.Against.Null(accounts[i], nameof(accounts)).Customer;
            if (RoutesToPayer(customer) && InScope(customer))
            {
                (wanted ??= []).Add(customer.Payer!.Value);
            }
        }

        var payers = new Dictionary<CustomerId, CustomerAccount>();
        if (wanted is null)
        {
            return payers;
        }

        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            if (wanted.Contains(account.Id) && CanReceiveForOthers(Request, account))
            {
                payers.TryAdd(account.Id, account);
            }
        }

        return payers;
    }
}

/// <summary>Restricts a run to the notices of a previewed proposal, with the same prior state and open amount.</summary>
internal sealed partial class NoticeFilter
{
    private readonly HashSet<(CustomerId Customer, InstallmentRef Installment, int Level, int PreviousNotices, decimal Open)> _notices;

    private NoticeFilter(int capacity = 0) => _notices = new(capacity);

    internal static NoticeFilter From(DunningProposal proposal)
    {
        var filter = new NoticeFilter();
        foreach (var letter in proposal.Letters)
        {
            foreach (var line in letter.Lines)
            {
                if (line.IssuesNotice)
                {
                    filter._notices.Add(Key(line.Customer, line.Source, line.Level));
                }
            }
        }

        return filter;
    }

    /// <summary>The notices of an approval (D14.6): only these may be issued.</summary>
    internal static NoticeFilter From(DunningApproval approval)
    {
        // Sized once: a company-wide approval holds a notice per overdue installment (a million at 100,000 customers),
        // and growing the set step by step hashes every key again at each step.
        return From(approval.Notices, approval.Notices.Count);
    }

    /// <summary>
    /// The approved notices of some accounts: for a run over those accounts the same filter as the approval's (a key names
    /// its customer, so the notices of other accounts match nothing there), as a processing in slices takes it (D16.254).
    /// </summary>
    internal static NoticeFilter From(IEnumerable<ApprovedNotice> notices, int capacity)
    {
        var filter = new NoticeFilter(capacity);
        foreach (var notice in notices)
        {
            filter._notices.Add((notice.Customer, notice.Installment, notice.Level, notice.PreviousNotices, notice.Open.Amount));
        }

        return filter;
    }

    internal bool Allows(CustomerId customer, in OpenClaim claim, int level) =>
        _notices.Contains((customer, claim.Installment.Ref, level, claim.Notices, claim.Open));

    private static (CustomerId, InstallmentRef, int, int, decimal) Key(CustomerId customer, OpenInstallment installment, int level) =>
        (customer, installment.Ref, level, installment.Dunning.NoticeCount, installment.OpenValue);
}
