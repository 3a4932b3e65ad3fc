using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Debitor.Core.Ledger;

namespace Debitor.Core.Dunning;

/// <summary>
/// The ids a run derives from its run id, the letter and the installment, so that processing the same proposal twice
/// writes nothing twice. Ids longer than an identifier may be are shortened with a hash of the full text.
/// </summary>
internal static class DunningIds
{
    private const int HashLength = 16;

    internal static string Letter(DunningRunId run, CustomerId recipient, Currency currency) =>
        Fit($"{run.Value}/{recipient.Value}/{currency.Code}");

    internal static string LevelLetter(DunningRunId run, CustomerId recipient, Currency currency, int level) =>
        Fit(string.Create(CultureInfo.InvariantCulture, $"{run.Value}/{recipient.Value}/{currency.Code}/L{level}"));

    internal static EntryId Notice(string letterId) => new(Fit(letterId + "/notice"));

    internal static EntryId LetterFee(string letterId, DunningFeeKind kind) =>
        new(Fit(letterId + (kind == DunningFeeKind.Tiered ? "/fee-tiered" : "/fee")));

    internal static EntryId ItemFee(string letterId, InstallmentRef installment) =>
        new(Fit(string.Create(CultureInfo.InvariantCulture, $"{letterId}/fee/{installment.Item.Value}/{installment.Number}")));

    /// <summary>The one courtesy reminder an installment can get: the same id whichever run proposes it, so it is recorded once.</summary>
    internal static EntryId Courtesy(InstallmentRef installment) =>
        new(Fit(string.Create(CultureInfo.InvariantCulture, $"courtesy/{installment.Item.Value}/{installment.Number}")));

    internal static EntryId Note(string letterId) => new(Fit(letterId + "/note"));

    internal static EntryId RunDateOverride(string letterId) => new(Fit(letterId + "/override"));

    internal static EntryId Cancellation(string letterId) => new(Fit(letterId + "/cancel"));

    internal static EntryId Number(string letterId) => new(Fit(letterId + "/number"));

    internal static EntryId CancellationNote(string letterId) => new(Fit(letterId + "/cancel/note"));

    internal static EntryId FeeReversal(EntryId fee) => new(Fit(fee.Value + "/cancel"));

    /// <summary>
    /// Whether an entry was written by a run: every id a run derives starts with the run id and a slash (or, for a run id
    /// so long that ids are shortened, with as much of it as a shortened id keeps).
    /// </summary>
    internal static bool BelongsTo(EntryId entry, DunningRunId run) => BelongsTo(entry, RunPrefix(run));

    /// <summary>Whether an entry was written by the run whose <see cref="RunPrefix"/> is given: for loops over whole journals.</summary>
    internal static bool BelongsTo(EntryId entry, string runPrefix) => entry.Value.StartsWith(runPrefix, StringComparison.Ordinal);

    /// <summary>What every id a run derives starts with (see <see cref="BelongsTo(EntryId, DunningRunId)"/>).</summary>
    internal static string RunPrefix(DunningRunId run)
    {
        var prefix = run.Value + "/";
        var kept = Identifier.MaxLength - HashLength - 1;
        return prefix.Length > kept ? prefix[..kept] : prefix;
    }

    private static string Fit(string text)
    {
        if (text.Length <= Identifier.MaxLength)
        {
            return text;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
        return string.Concat(text.AsSpan(0, Identifier.MaxLength - HashLength - 1), "~", hash);
    }
}
