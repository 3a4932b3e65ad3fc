namespace Debitor.Core.Dunning;

/// <summary>A letter as a processing hands it out: what it states, without the account views it was computed from (D16.252).</summary>
public sealed partial class DunningLetter
{
    private readonly LetterSource? _source;

    /// <summary>
    /// A copy of an issued letter that states exactly what <paramref name="letter"/> states (every public member reads the
    /// same) but holds its lines, credits, fees, debtors and stored source instead of the account views and the run's
    /// accounts it was computed from, so that the letters a large processing hands out do not keep every view alive.
    /// </summary>
    private DunningLetter(DunningLetter letter, RunScope detached)
    {
        _scope = detached;
        _totals = letter._totals;
        _recipientMasterData = letter._recipientMasterData;
        _recipientVersion = letter._recipientVersion;
        _onlyLevel = letter._onlyLevel;
        _main = letter._main;
        _levelCount = letter._levelCount;
        _id = letter.Id;
        _content = letter.Content;
        _debtors = letter.Debtors;
        _source = letter.Source();
        Recipient = letter.Recipient;
        Currency = letter.Currency;
        Level = letter.Level;
        Scheme = letter.Scheme;
        HeaderTextKey = letter.HeaderTextKey;
        FooterTextKey = letter.FooterTextKey;
        PaymentDeadline = letter.PaymentDeadline;
        Number = letter.Number;
    }

    /// <summary>
    /// The letter detached from its views (see the private constructor): <paramref name="detached"/> is a scope of the same
    /// run context holding no accounts and no notice filter (<see cref="DetachedScope"/>).
    /// </summary>
    internal DunningLetter Detach(RunScope detached) => new(this, detached);

    /// <summary>The scope detached letters of a run share: the run's request, settings, schemes and contact, no accounts, no filter.</summary>
    internal static RunScope DetachedScope(RunContext context) => new(context, [], null);
}
