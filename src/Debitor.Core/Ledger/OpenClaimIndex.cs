using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Debitor.Core.Ledger;

/// <summary>What an open claim installment carries besides amounts and dates.</summary>
[Flags]
internal enum ClaimFlags : byte
{
    None = 0,

    /// <summary>An installment of an invoice (dunned); otherwise a fee, interest or cost item (only listed).</summary>
    Invoice = 1,

    /// <summary>Handed over to a lawyer.</summary>
    Lawyer = 2,

    /// <summary>Handed over to a collection agency.</summary>
    CollectionAgency = 4,

    /// <summary>Covered by an active payment agreement.</summary>
    Agreement = 8,

    /// <summary>Not a claim but an open payment or credit note.</summary>
    Credit = 16,

    /// <summary>Handed over to the court dunning procedure.</summary>
    CourtDunning = 32,

    /// <summary>A claim founded before the customer's insolvency proceedings opened.</summary>
    Insolvency = 64,
}

/// <summary>
/// One open claim installment, or one open credit, in compact form: everything a dunning run reads, without following
/// references.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal readonly struct OpenClaim
{
    private readonly object _source;

    private OpenClaim(object source, Currency currency, decimal open, int dueDay, ClaimFlags flags)
    {
        _source = source;
        Currency = currency;
        Open = open;
        DueDay = dueDay;
        Flags = flags;
        LastNoticeDay = int.MinValue;
        PausedThroughDay = int.MinValue;
        ArisesDay = int.MaxValue;
    }

    private OpenClaim(OpenInstallment installment)
        : this(installment, installment.Item.Currency, installment.OpenValue, DayNumber(installment.DueDate), FlagsOf(installment.Item))
    {
        var state = installment.Dunning;
        Level = state.Level;
        Notices = state.NoticeCount;
        LastNoticeDay = state.NoticeCount > 0 && state.LastNoticeDate is { } last ? DayNumber(last) : int.MinValue;
        PausedThroughDay = installment.Item.Pause is not { } pause ? int.MinValue : pause.Until is { } until ? DayNumber(until) : int.MaxValue;
        ArisesDay = DayNumber(Collections.Limitation.ArisesOn(installment));
    }

    /// <summary>The claim installment; only for entries that are not <see cref="IsCredit"/>.</summary>
    internal OpenInstallment Installment => Unsafe.As<OpenInstallment>(_source);

    /// <summary>The payment or credit note; only for entries that are <see cref="IsCredit"/>.</summary>
    internal OpenItem CreditItem => Unsafe.As<OpenItem>(_source);

    internal Currency Currency { get; }

    /// <summary>The open amount (for a credit, the part not yet applied or refunded).</summary>
    internal decimal Open { get; }

    /// <summary>The effective due date as a day number; <see cref="int.MaxValue"/> for credits, so they are never overdue.</summary>
    internal int DueDay { get; }

    /// <summary>The day of the last notice; <see cref="int.MinValue"/> when never dunned.</summary>
    internal int LastNoticeDay { get; }

    /// <summary>The last paused day; <see cref="int.MinValue"/> when not paused, <see cref="int.MaxValue"/> until resumed.</summary>
    internal int PausedThroughDay { get; }

    internal int Level { get; }

    /// <summary>The day the claim arose for limitation (<see cref="Collections.Limitation.ArisesOn"/>); <see cref="int.MaxValue"/> for credits.</summary>
    internal int ArisesDay { get; }

    internal int Notices { get; }

    internal ClaimFlags Flags { get; }

    internal bool IsCredit => (Flags & ClaimFlags.Credit) != 0;

    /// <summary>A date as a day number (<see cref="DateOnly.DayNumber"/>): dates compare and add as integers.</summary>
    internal static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    internal static OpenClaim Claim(OpenInstallment installment) => new(installment);

    internal static OpenClaim Credit(OpenItem item) => new(item, item.Currency, item.OpenValue, int.MaxValue, ClaimFlags.Credit);

    private static ClaimFlags FlagsOf(OpenItem item) =>
        (item.Kind == ItemKind.Invoice ? ClaimFlags.Invoice : ClaimFlags.None)
        | item.LegalStatus switch
        {
            LegalStatus.Lawyer => ClaimFlags.Lawyer,
            LegalStatus.CollectionAgency => ClaimFlags.CollectionAgency,
            LegalStatus.CourtDunning => ClaimFlags.CourtDunning,
            LegalStatus.Insolvency => ClaimFlags.Insolvency,
            _ => ClaimFlags.None,
        }
        | (item.IsCoveredByAgreement ? ClaimFlags.Agreement : ClaimFlags.None);
}

/// <summary>
/// The open claim installments and open credits of an account in compact form, in posting order. Built once per account
/// view on first use (the view is immutable, so it never goes stale) and read by dunning runs, which then touch one array
/// per account instead of the object graph of items, installments, definitions and states.
/// </summary>
internal static class OpenClaimIndex
{
    internal static OpenClaim[] Build(CustomerAccount account)
    {
        var count = 0;
        foreach (var item in account.ItemList)
        {
            if (item.OpenValue <= 0m || item.IsReversed)
            {
                continue;
            }

            if (!item.IsClaim)
            {
                count++;
                continue;
            }

            foreach (var installment in item.InstallmentStates)
            {
                count += installment.OpenValue > 0m ? 1 : 0;
            }
        }

        var entries = new OpenClaim[count];
        var next = 0;
        foreach (var item in account.ItemList)
        {
            if (item.OpenValue <= 0m || item.IsReversed)
            {
                continue;
            }

            if (!item.IsClaim)
            {
                entries[next++] = OpenClaim.Credit(item);
                continue;
            }

            foreach (var installment in item.InstallmentStates)
            {
                if (installment.OpenValue > 0m)
                {
                    entries[next++] = OpenClaim.Claim(installment);
                }
            }
        }

        return entries;
    }
}
