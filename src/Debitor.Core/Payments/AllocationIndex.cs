using System.Buffers;
using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>
/// One debt in the sense of BGB §366: an open invoice installment (the principal) together with the costs and interest
/// charged on its invoice, or a charge that stands alone.
/// </summary>
/// <remarks>
/// Charges point at an item, not an installment; they join the earliest-due open installment of that item. When the
/// item has no open installment (or the charge names none) the charge is a debt of its own.
/// A small struct kept in an array and filled in place: building the index for 50 items writes 50 × 40 bytes, with
/// one object reference each, and allocates nothing per item.
/// </remarks>
internal struct Debt
{
    /// <summary>The principal installment, or the charge when it stands alone.</summary>
    internal OpenInstallment Main;

    /// <summary>Costs and interest charged on the claim; <see langword="null"/> for none (the usual case).</summary>
    internal DebtCharges? Charges;

    /// <summary>The index of the account in <see cref="AllocationIndex.Accounts"/>.</summary>
    internal int Account;

    /// <summary>The document date, packed by <see cref="AllocationIndex.Day"/> (comparable, not a day count).</summary>
    internal int DocumentDay;

    /// <summary>The due date, packed by <see cref="AllocationIndex.Day"/> (comparable, not a day count).</summary>
    internal int DueDay;

    /// <summary>The document number's <see cref="ReferenceMatcher.Tail"/>: a reference token can only match when it ends alike.</summary>
    internal uint DocumentTail;

    /// <summary>Principal for invoice installments; costs or interest for a charge standing alone.</summary>
    internal ClaimComponent MainComponent;

    /// <summary>Whether the main part is invoice principal (only principal bears interest or gets cash discount).</summary>
    internal bool IsInvoice;

    internal readonly string DocumentNumber => Main.Item.DocumentNumber;

    internal readonly List<OpenInstallment>? Costs => Charges?.Costs;

    internal readonly List<OpenInstallment>? Interest => Charges?.Interest;

    internal readonly bool HasCharges => Charges is not null;

    /// <summary>Fills the debt for an invoice installment: the principal of a claim.</summary>
    internal void SetPrincipal(int account, OpenInstallment main, InvoicePosted invoice)
    {
        Main = main;
        Charges = null;
        Account = account;
        DocumentDay = AllocationIndex.Day(invoice.DocumentDate);
        DueDay = AllocationIndex.Day(main.DueDate);
        DocumentTail = ReferenceMatcher.Tail(invoice.DocumentNumber);
        MainComponent = ClaimComponent.Principal;
        IsInvoice = true;
    }

    /// <summary>Fills the debt for a charge standing alone.</summary>
    internal void SetCharge(int account, OpenInstallment charge, ClaimComponent component)
    {
        Main = charge;
        Charges = null;
        Account = account;
        var item = charge.Item;
        DocumentDay = AllocationIndex.Day(item.DocumentDate);
        DueDay = AllocationIndex.Day(charge.DueDate);
        DocumentTail = ReferenceMatcher.Tail(item.DocumentNumber);
        MainComponent = component;
        IsInvoice = false;
    }

    internal void Attach(OpenInstallment charge) => (Charges ??= new DebtCharges()).Attach(charge);

    /// <summary>The charges of a component attached to the claim; <see langword="null"/> for the main component or none.</summary>
    internal readonly List<OpenInstallment>? Part(ClaimComponent component) =>
        component == MainComponent ? null : component == ClaimComponent.Costs ? Costs : component == ClaimComponent.Interest ? Interest : null;
}

/// <summary>The costs and the interest charged on one claim, each oldest first.</summary>
internal sealed class DebtCharges
{
    internal List<OpenInstallment>? Costs { get; private set; }

    internal List<OpenInstallment>? Interest { get; private set; }

    internal void Attach(OpenInstallment charge)
    {
        var list = charge.Item.Kind == ItemKind.Interest ? (Interest ??= []) : (Costs ??= []);
        var at = list.Count;
        while (at > 0 && ChargeOrder(list[at - 1], charge) > 0)
        {
            at--;
        }

        list.Insert(at, charge);
    }

    /// <summary>Charges of one kind are settled oldest first, then by id.</summary>
    private static int ChargeOrder(OpenInstallment left, OpenInstallment right)
    {
        var byDate = left.Item.DocumentDate.CompareTo(right.Item.DocumentDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(left.Item.Id.Value, right.Item.Id.Value);
    }
}

/// <summary>The open debts of one account (or of a payer and the customers it pays for) in one currency.</summary>
/// <remarks>Built for an account version; allocating a payment reads it and never changes it.</remarks>
internal sealed class AllocationIndex
{
    private static readonly Debt[] NoDebts = [];

    private readonly bool _pooled;

    private AllocationIndex(IReadOnlyList<CustomerAccount> accounts, Currency currency, Debt[] debts, int count, bool pooled)
    {
        Accounts = accounts;
        Currency = currency;
        Debts = debts;
        Count = count;
        _pooled = pooled;
    }

    /// <summary>The accounts; the first received the payment and keeps any unapplied credit.</summary>
    internal IReadOnlyList<CustomerAccount> Accounts { get; }

    internal Currency Currency { get; }

    /// <summary>The debts in the order the accounts list their items; the first <see cref="Count"/> are used.</summary>
    internal Debt[] Debts { get; }

    internal int Count { get; }

    /// <summary>
    /// A date as an order-preserving positive number (year, month and day packed in bits: cheap, and enough for
    /// comparing and sorting). Not a day count: date arithmetic is done on <see cref="LocalDate"/>.
    /// </summary>
    internal static int Day(LocalDate date) => ((date.Year + 10_000) << 9) | (date.Month << 5) | date.Day;

    /// <summary>Builds the index.</summary>
    /// <param name="accounts">The accounts, the receiving one first.</param>
    /// <param name="currency">The payment's currency.</param>
    /// <param name="pooled">Rent the debt array from the shared pool; the caller must call <see cref="Release"/> when done
    /// (for a one-shot allocation: the result holds no reference to the array).</param>
    internal static AllocationIndex Build(IReadOnlyList<CustomerAccount> accounts, Currency currency, bool pooled = false)
    {
        var debts = NoDebts;
        var count = 0;
        List<OpenInstallment>? charges = null;
        for (var a = 0; a < accounts.Count; a++)
        {
            var firstOfAccount = count;
            charges?.Clear();
            var items = accounts[a].Items;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.OpenValue <= 0m || !item.IsClaim || item.Currency != currency || item.IsReversed)
                {
                    continue;
                }

                var installments = item.InstallmentStates;
                if (item.Origin is InvoicePosted invoice)
                {
                    foreach (var installment in installments)
                    {
                        if (installment.OpenValue > 0m)
                        {
                            if (count == debts.Length)
                            {
                                Grow(ref debts, Math.Max(16, Math.Max(items.Count, count * 2)), pooled);
                            }

                            debts[count++].SetPrincipal(a, installment, invoice);
                        }
                    }
                }
                else if (installments.Length > 0 && installments[0].IsOpen)
                {
                    (charges ??= []).Add(installments[0]);
                }
            }

            if (charges is { Count: > 0 })
            {
                AttachCharges(a, ref debts, ref count, firstOfAccount, charges, pooled);
            }
        }

        return new AllocationIndex(accounts, currency, debts, count, pooled);
    }

    /// <summary>Gives a pooled debt array back (cleared, it holds references). No-op for an index that is not pooled.</summary>
    internal void Release()
    {
        if (_pooled && Debts.Length > 0)
        {
            ArrayPool<Debt>.Shared.Return(Debts, clearArray: true);
        }
    }

    private static void Grow(ref Debt[] debts, int size, bool pooled)
    {
        if (!pooled)
        {
            Array.Resize(ref debts, size);
            return;
        }

        var larger = ArrayPool<Debt>.Shared.Rent(size);
        debts.AsSpan().CopyTo(larger);
        if (debts.Length > 0)
        {
            ArrayPool<Debt>.Shared.Return(debts, clearArray: true);
        }

        debts = larger;
    }

    private static void AttachCharges(int account, ref Debt[] debts, ref int count, int firstOfAccount, List<OpenInstallment> charges, bool pooled)
    {
        Dictionary<EntryId, int>? principalByItem = null;
        foreach (var charge in charges)
        {
            if (charge.Item.Origin is ChargePosted { RelatedItem: { } related })
            {
                if (principalByItem is null)
                {
                    principalByItem = [];
                    for (var i = firstOfAccount; i < count; i++)
                    {
                        ref readonly var debt = ref debts[i];
                        if (debt.IsInvoice && (!principalByItem.TryGetValue(debt.Main.Item.Id, out var earlier) || IsEarlier(debt, debts[earlier])))
                        {
                            principalByItem[debt.Main.Item.Id] = i;
                        }
                    }
                }

                if (principalByItem.TryGetValue(related, out var principal))
                {
                    debts[principal].Attach(charge);
                    continue;
                }
            }

            if (count == debts.Length)
            {
                Grow(ref debts, Math.Max(16, count * 2), pooled);
            }

            var kind = charge.Item.Kind == ItemKind.Interest ? ClaimComponent.Interest : ClaimComponent.Costs;
            debts[count++].SetCharge(account, charge, kind);
        }
    }

    private static bool IsEarlier(in Debt debt, in Debt other) =>
        debt.DueDay < other.DueDay || (debt.DueDay == other.DueDay && debt.Main.Number < other.Main.Number);
}
