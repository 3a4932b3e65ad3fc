using Debitor.Core.Agreements;
using Debitor.Core.Collections;
using Debitor.Core.Customers;
using Debitor.Core.Files;
using Debitor.Core.FollowUps;

namespace Debitor.Core.Ledger;

/// <summary>The collection-work part of an account view: agreements, hand-overs, follow-ups, files, master data, the pin.</summary>
internal sealed class CollectionState
{
    public List<PaymentAgreement> Agreements { get; } = [];

    public List<HandOverCase> HandOvers { get; } = [];

    public List<FollowUp> FollowUps { get; } = [];

    public List<StoredFile> Files { get; } = [];

    public CustomerMasterData MasterData { get; set; } = CustomerMasterData.Empty;

    public EntryId? PinnedComment { get; set; }

    /// <summary>The insolvency proceedings opened over the customer's assets, if any (issue 17).</summary>
    public InsolvencyOpened? Insolvency { get; set; }

    /// <summary>The numbers of the letters sent to this account, by letter id (issue 17).</summary>
    public Dictionary<string, LetterNumber> LetterNumbers { get; } = new(StringComparer.Ordinal);
}
