using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// A previewed dunning proposal as approved for processing: the run request, the day it was previewed on and the notices
/// approved (issue 14 point 6, D14.6). A host saves it (<see cref="ToJson"/>) and processes it later, in another request
/// or process, with <c>DunningService.ProcessApprovalAsync</c>; before approving it
/// can drop whole letters (<see cref="WithoutLetter"/>) or single lines (<see cref="WithoutLine"/>).
/// </summary>
/// <remarks>
/// <para>Processing issues at most the approved notices, re-checked against the ledger as it stands then. Processed on a
/// later day than the day it was previewed for, the run is re-checked as of the processing day: letters carry the day they
/// are issued, interest runs to that day, and approved notices that are no longer due are dropped and reported
/// (<see cref="DunningRunResult.Removed"/>). That is not back-dating; a run date other than the processing day needs
/// <see cref="DunningRunRequest.RunDateOverride"/> (D12.23).</para>
/// <para>An immutable value.</para>
/// </remarks>
public sealed class DunningApproval
{
    private const int FormatVersion = 1;

    private DunningApproval(DunningRunRequest request, LocalDate? previewedOn, IReadOnlyList<ApprovedNotice> notices)
    {
        Request = request;
        PreviewedOn = previewedOn;
        Notices = ReadOnlyViews.Of(notices.ToList());
    }

    /// <summary>The run's date and filters, as previewed.</summary>
    public DunningRunRequest Request { get; }

    /// <summary>
    /// The day (in the company's time zone) the proposal was previewed on; <see langword="null"/> when it was computed
    /// outside <c>DunningService.PreviewAsync</c>.
    /// </summary>
    public LocalDate? PreviewedOn { get; }

    /// <summary>The notices approved, in letter order.</summary>
    public IReadOnlyList<ApprovedNotice> Notices { get; }

    /// <summary>The letters approved (their ids), in order.</summary>
    public IReadOnlyList<string> LetterIds => Notices.Select(n => n.LetterId).Distinct(StringComparer.Ordinal).ToList().AsReadOnly();

    /// <summary>Approves every notice of a proposal.</summary>
    /// <param name="proposal">The previewed proposal.</param>
    /// <returns>The approval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="proposal"/> is <see langword="null"/>.</exception>
    public static DunningApproval Of(DunningProposal proposal)
    {
        Guard.Against.Null(proposal);
        // The lines are read without being kept on letters that were not read yet (D16.253): approving a large proposal
        // does not make every letter of it hold its lines as long as the proposal lives.
        var notices = proposal.Letters
            .SelectMany(letter => letter.LinesUnkept.Where(l => l.IssuesNotice).Select(l => new ApprovedNotice(
                letter.Id, letter.RecipientId, l.Customer, l.Installment, l.DocumentNumber, l.Level, l.PreviousNotices, l.OpenAmount)))
            .ToList();
        return new DunningApproval(proposal.Request, proposal.PreviewedOn, notices);
    }

    /// <summary>The same approval without one letter: none of its notices is issued.</summary>
    /// <param name="letterId">The letter's id (<see cref="DunningLetter.Id"/>).</param>
    /// <returns>The approval without the letter.</returns>
    /// <exception cref="ArgumentException">The approval holds no letter with this id.</exception>
    public DunningApproval WithoutLetter(string letterId)
    {
        Guard.Against.NullOrWhiteSpace(letterId);
        return Without(n => string.Equals(n.LetterId, letterId, StringComparison.Ordinal), nameof(letterId), $"The approval holds no letter '{letterId}'.");
    }

    /// <summary>The same approval without one line: the installment's notice is not issued; the rest of its letter is.</summary>
    /// <param name="customer">The debtor.</param>
    /// <param name="installment">The installment.</param>
    /// <returns>The approval without the line.</returns>
    /// <exception cref="ArgumentException">The approval holds no notice for this installment.</exception>
    public DunningApproval WithoutLine(CustomerId customer, InstallmentRef installment) =>
        Without(n => n.Customer == customer && n.Installment == installment, nameof(installment), $"The approval holds no notice for {customer}'s installment {installment.Item}/{installment.Number}.");

    /// <summary>The approval as JSON (camelCase, ISO dates, amounts as decimal strings), to save and process later.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var request = Request;
        var json = new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["runId"] = request.RunId.Value,
            ["company"] = request.Company.Value,
            ["asOf"] = Iso(request.AsOf),
            ["previewedOn"] = PreviewedOn is { } day ? Iso(day) : null,
            ["branch"] = request.Branch?.Value,
            ["customer"] = request.Customer?.Value,
            ["level"] = request.Level,
            ["mode"] = request.Mode.ToString(),
            ["onlyWhenCreditLimitExceeded"] = request.OnlyWhenCreditLimitExceeded,
            ["postFees"] = request.PostFees,
            ["runDateOverride"] = request.RunDateOverride,
            ["notices"] = new JsonArray([.. Notices.Select(n => (JsonNode)new JsonObject
            {
                ["letterId"] = n.LetterId,
                ["recipient"] = n.Recipient.Value,
                ["customer"] = n.Customer.Value,
                ["item"] = n.Installment.Item.Value,
                ["installment"] = n.Installment.Number,
                ["documentNumber"] = n.DocumentNumber,
                ["level"] = n.Level,
                ["previousNotices"] = n.PreviousNotices,
                ["open"] = n.Open.Amount.ToString(CultureInfo.InvariantCulture),
                ["currency"] = n.Open.Currency.Code,
            })]),
        };
        return json.ToJsonString();
    }

    /// <summary>Reads an approval saved with <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The approval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The text is not a saved approval of this format version, or a field is missing or invalid (the message names it).</exception>
    public static DunningApproval FromJson(string json)
    {
        Guard.Against.Null(json);
        try
        {
            var root = JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("The saved approval is empty.", nameof(json));
            if (Required(root, "formatVersion").GetValue<int>() != FormatVersion)
            {
                throw new ArgumentException($"The saved approval has format version {root["formatVersion"]}; this version reads {FormatVersion}.", nameof(json));
            }

            var request = new DunningRunRequest(new DunningRunId(Text(root, "runId")), new CompanyId(Text(root, "company")), Date(root, "asOf"))
            {
                Branch = root["branch"] is { } branch ? new BranchId(branch.GetValue<string>()) : null,
                Customer = root["customer"] is { } customer ? new CustomerId(customer.GetValue<string>()) : null,
                Level = root["level"]?.GetValue<int>(),
                Mode = Enum.Parse<DunningRunMode>(Text(root, "mode"), ignoreCase: false),
                OnlyWhenCreditLimitExceeded = Required(root, "onlyWhenCreditLimitExceeded").GetValue<bool>(),
                PostFees = Required(root, "postFees").GetValue<bool>(),
                RunDateOverride = root["runDateOverride"]?.GetValue<string>(),
            };
            LocalDate? previewedOn = root["previewedOn"] is null ? null : Date(root, "previewedOn");
            var notices = Required(root, "notices").AsArray().Select(node =>
            {
                var n = node?.AsObject() ?? throw new ArgumentException("A notice of the saved approval is null.", nameof(json));
                var open = decimal.Parse(Text(n, "open"), NumberStyles.Number, CultureInfo.InvariantCulture);
                return new ApprovedNotice(
                    Text(n, "letterId"),
                    new CustomerId(Text(n, "recipient")),
                    new CustomerId(Text(n, "customer")),
                    new InstallmentRef(new EntryId(Text(n, "item")), Required(n, "installment").GetValue<int>()),
                    Text(n, "documentNumber"),
                    Required(n, "level").GetValue<int>(),
                    Required(n, "previousNotices").GetValue<int>(),
                    new Money(open, Currency.FromCode(Text(n, "currency"))));
            }).ToList();
            return new DunningApproval(request, previewedOn, notices);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or KeyNotFoundException
            || (ex is ArgumentException argument && argument.ParamName != nameof(json)))
        {
            throw new ArgumentException($"The saved approval cannot be read: {ex.Message}", nameof(json), ex);
        }
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static JsonNode Required(JsonObject node, string name) =>
        node[name] ?? throw new ArgumentException($"The saved approval lacks '{name}'.", "json");

    private static string Text(JsonObject node, string name) => Required(node, name).GetValue<string>();

    private static LocalDate Date(JsonObject node, string name) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(Text(node, name)).GetValueOrThrow();

    /// <summary>The approval restricted to the notices kept (a part of a run processed on its own, as the cluster does per group).</summary>
    internal DunningApproval Only(Func<ApprovedNotice, bool> keep) => new(Request, PreviewedOn, Notices.Where(keep).ToList());

    private DunningApproval Without(Func<ApprovedNotice, bool> drop, string parameterName, string missing)
    {
        if (!Notices.Any(drop))
        {
            throw new ArgumentException(missing, parameterName);
        }

        return new DunningApproval(Request, PreviewedOn, Notices.Where(n => !drop(n)).ToList());
    }
}

/// <summary>One notice of an approved proposal: the letter it is on, the installment and the state it was previewed in.</summary>
/// <param name="LetterId">The letter (<see cref="DunningLetter.Id"/>).</param>
/// <param name="Recipient">The letter's recipient.</param>
/// <param name="Customer">The debtor.</param>
/// <param name="Installment">The installment.</param>
/// <param name="DocumentNumber">The document number.</param>
/// <param name="Level">The level previewed.</param>
/// <param name="PreviousNotices">The notices the installment had when previewed; if it has more when processed, the notice is dropped.</param>
/// <param name="Open">The open amount previewed; if it differs when processed, the notice is dropped.</param>
public sealed record ApprovedNotice(string LetterId, CustomerId Recipient, CustomerId Customer, InstallmentRef Installment, string DocumentNumber, int Level, int PreviousNotices, Money Open);
