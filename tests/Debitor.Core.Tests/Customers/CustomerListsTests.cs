using Debitor.Core.Customers;
using Debitor.Core.Tests.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Customers;

/// <summary>
/// The list shortcuts of <see cref="Customer"/>'s and <see cref="CustomerMasterData"/>'s setters (D16.181) against the
/// rules' general forms (the LINQ of the setters before the shortcut, written out here as the model): the same list or the
/// same exception for random lists — empty, ordered, unordered, with repetitions.
/// </summary>
public sealed class CustomerListsTests
{
    private static readonly Customer Base = new(new CustomerId("k1"), "10001", "Kunde", new CompanyId("firma"));

    [Property(MaxTest = 500)]
    public Property FavouriteOf_AnyUsers_KeepsWhatDistinctThenOrdinalOrderKeeps(int seed, bool sorted)
    {
        var r = new Random(seed);
        var users = Enumerable.Range(0, r.Next(0, 6)).Select(_ => new UserId("u" + (char)('a' + r.Next(0, 5)) + (r.Next(2) == 0 ? "ä" : "a"))).ToList();
        if (sorted)
        {
            users = [.. users.Distinct().OrderBy(u => u.Value, StringComparer.Ordinal)];
        }

        var model = users.Distinct().OrderBy(u => u.Value, StringComparer.Ordinal).ToList();

        var kept = (Base with { FavouriteOf = users }).FavouriteOf;

        return (kept.SequenceEqual(model) && CustomerLists.SortedDistinct(users).SequenceEqual(CustomerLists.SortedDistinctGeneral(users)))
            .Label(string.Join(",", users.Select(u => u.Value)));
    }

    [Property(MaxTest = 500)]
    public Property DunningDays_AnyOverrides_KeepsOrRefusesAsSortingAndCheckingDoes(int seed, bool sorted)
    {
        var r = new Random(seed);
        var days = Enumerable.Range(0, r.Next(0, 5)).Select(_ => new DunningDaysOverride(r.Next(1, 6), r.Next(0, 30))).ToList();
        if (sorted)
        {
            days = [.. days.OrderBy(d => d.Level)];
        }

        var ordered = days.OrderBy(d => d.Level).ToList();
        var model = ordered.Select(d => d.Level).Distinct().Count() == ordered.Count ? "value " + string.Join(",", ordered) : "ArgumentException";

        var outcome = JournalJsonFastPathTests.Outcome(() => string.Join(",", (Base with { DunningDays = days }).DunningDays));

        return (outcome == model || (model == "ArgumentException" && outcome.StartsWith("ArgumentException", StringComparison.Ordinal))).Label($"{outcome}\n{model}");
    }

    [Property(MaxTest = 300)]
    public Property MasterDataLists_AnyLists_KeepOrRefuseAsTheirRulesDo(int seed)
    {
        var r = new Random(seed);
        var addresses = Enumerable.Range(0, r.Next(0, 4)).Select(_ => new PostalAddress((AddressKind)r.Next(0, 3), "N", "S", "1", "C", "DE")).ToList();
        var emails = Enumerable.Range(0, r.Next(0, 3)).Select(i => new EmailAddress($"e{i}@x.de", r.Next(2) == 0)).ToList();
        var outputs = Enumerable.Range(0, r.Next(0, 3)).Select(_ => new DocumentOutput((DocumentKind)r.Next(0, 3), OutputMedium.Post)).ToList();
        var fields = Enumerable.Range(0, r.Next(0, 3)).Select(_ => new CustomField(r.Next(0, 9), "v")).ToList();
        var groups = Enumerable.Range(0, r.Next(0, 3)).Select(_ => "g" + r.Next(0, 2)).ToList();
        var mandates = Enumerable.Range(0, r.Next(0, 3)).Select(_ => new SepaMandate("M" + r.Next(0, 2), SepaScheme.B2B, new LocalDate(2025, 1, 1))).ToList();

        var outcome = JournalJsonFastPathTests.Outcome(() => Describe(new CustomerMasterData
        {
            Addresses = addresses, Emails = emails, OutputMedia = outputs, CustomFields = fields, Groups = groups, Mandates = mandates,
        }));

        var sortedFields = fields.OrderBy(f => f.Number).ToList();
        var model =
            addresses.Count(a => a.Kind == AddressKind.Main) > 1 || addresses.Count(a => a.Kind == AddressKind.Billing) > 1 ? "ArgumentException: A customer has at most one main"
            : emails.Count > 0 && emails.Count(e => e.UseForSending) != 1 ? "ArgumentException: When any exist"
            : outputs.Select(o => o.Document).Distinct().Count() != outputs.Count ? "ArgumentException: Each document kind"
            : sortedFields.Count > 7 || sortedFields.Any(f => f.Number is < 1 or > 7) || sortedFields.Select(f => f.Number).Distinct().Count() != sortedFields.Count ? "ArgumentException: A customer has at most seven"
            : mandates.Select(m => m.Reference).Distinct(StringComparer.Ordinal).Count() != mandates.Count ? "ArgumentException: Mandate references"
            : "value " + string.Join("|", string.Join(",", addresses), string.Join(",", emails), string.Join(",", outputs), string.Join(",", sortedFields), string.Join(",", groups.Distinct(StringComparer.Ordinal)), string.Join(",", mandates));

        return outcome.StartsWith(model, StringComparison.Ordinal).Label($"{outcome}\n{model}");
    }

    private static string Describe(CustomerMasterData data) =>
        string.Join("|", string.Join(",", data.Addresses), string.Join(",", data.Emails), string.Join(",", data.OutputMedia), string.Join(",", data.CustomFields), string.Join(",", data.Groups), string.Join(",", data.Mandates));
}
