using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>
/// One debt in the sense of BGB §366: an open invoice installment (the principal) together with the costs and interest
/// charged on its invoice, or a charge that stands alone.
/// </summary>
/// <remarks>
/// Charges point at an item, not an installment; they join the earliest-due open installment of that item. When the
/// item has no open installment (or the charge names none) the charge is a debt of its own.
/// </remarks>
internal sealed class Debt
{
    private List<OpenInstallment>? _costs;
    private List<OpenInstallment>? _interest;

    internal Debt(int account, OpenInstallment main, ClaimComponent component)
    {
        Account = account;
        Main = main;
        MainComponent = component;
        var item = main.Item;
        DocumentNumber = item.DocumentNumber;
        DocumentDay = AllocationIndex.Day(item.DocumentDate);
        DueDay = AllocationIndex.Day(main.DueDate);
        IsInvoice = item.Kind == ItemKind.Invoice;
        NumberHash = ReferenceMatcher.Hash(DocumentNumber);
    }

    /// <summary>The index of the account in <see cref="AllocationIndex.Accounts"/>.</summary>
    internal int Account { get; }

    /// <summary>The principal installment, or the charge when it stands alone.</summary>
    internal OpenInstallment Main { get; }

    /// <summary>Principal for invoice installments; costs or interest for a charge standing alone.</summary>
    internal ClaimComponent MainComponent { get; }

    internal string DocumentNumber { get; }

    internal int DocumentDay { get; }

    internal int DueDay { get; }

    /// <summary>Whether the main part is invoice principal (only principal bears interest or gets cash discount).</summary>
    internal bool IsInvoice { get; }

    internal ulong NumberHash { get; }

    internal IReadOnlyList<OpenInstallment> Costs => (IReadOnlyList<OpenInstallment>?)_costs ?? [];

    internal IReadOnlyList<OpenInstallment> Interest => (IReadOnlyList<OpenInstallment>?)_interest ?? [];

    internal bool HasCharges => _costs is not null || _interest is not null;

    internal void Attach(OpenInstallment charge)
    {
        var list = charge.Item.Kind == ItemKind.Interest ? (_interest ??= []) : (_costs ??= []);
        var at = list.Count;
        while (at > 0 && ChargeOrder(list[at - 1], charge) > 0)
        {
            at--;
        }

        list.Insert(at, charge);
    }

    /// <summary>The installments of a component, in the order they are settled.</summary>
    internal IReadOnlyList<OpenInstallment>? Part(ClaimComponent component) => component switch
    {
        _ when component == MainComponent => null,
        ClaimComponent.Costs => _costs,
        ClaimComponent.Interest => _interest,
        _ => null,
    };

    /// <summary>Charges of one kind are settled oldest first, then by id.</summary>
    private static int ChargeOrder(OpenInstallment left, OpenInstallment right)
    {
        var byDate = left.Item.DocumentDate.CompareTo(right.Item.DocumentDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(left.Item.Id.Value, right.Item.Id.Value);
    }
}

/// <summary>The open debts of one account (or of a payer and the customers it pays for) in one currency.</summary>
/// <remarks>Built once per account version; allocating a payment reads it and never changes it.</remarks>
internal sealed class AllocationIndex
{
    private AllocationIndex(IReadOnlyList<CustomerAccount> accounts, Currency currency, Debt[] debts)
    {
        Accounts = accounts;
        Currency = currency;
        Debts = debts;
    }

    /// <summary>The accounts; the first received the payment and keeps any unapplied credit.</summary>
    internal IReadOnlyList<CustomerAccount> Accounts { get; }

    internal Currency Currency { get; }

    /// <summary>The debts in the order the accounts list their items.</summary>
    internal Debt[] Debts { get; }

    internal static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    internal static AllocationIndex Build(IReadOnlyList<CustomerAccount> accounts, Currency currency)
    {
        var debts = new List<Debt>();
        List<OpenInstallment>? charges = null;
        for (var a = 0; a < accounts.Count; a++)
        {
            var firstOfAccount = debts.Count;
            charges?.Clear();
            foreach (var item in accounts[a].Items)
            {
                if (!item.IsClaim || item.Currency != currency || item.OpenValue <= 0m || item.IsReversed)
                {
                    continue;
                }

                var installments = item.InstallmentStates;
                if (item.Kind == ItemKind.Invoice)
                {
                    foreach (var installment in installments)
                    {
                        if (installment.IsOpen)
                        {
                            debts.Add(new Debt(a, installment, ClaimComponent.Principal));
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
                AttachCharges(a, debts, firstOfAccount, charges);
            }
        }

        return new AllocationIndex(accounts, currency, [.. debts]);
    }

    private static void AttachCharges(int account, List<Debt> debts, int firstOfAccount, List<OpenInstallment> charges)
    {
        Dictionary<EntryId, Debt>? principalByItem = null;
        foreach (var charge in charges)
        {
            if (charge.Item.Origin is ChargePosted { RelatedItem: { } related })
            {
                if (principalByItem is null)
                {
                    principalByItem = [];
                    for (var i = firstOfAccount; i < debts.Count; i++)
                    {
                        var debt = debts[i];
                        if (debt.IsInvoice && (!principalByItem.TryGetValue(debt.Main.Item.Id, out var earlier) || IsEarlier(debt, earlier)))
                        {
                            principalByItem[debt.Main.Item.Id] = debt;
                        }
                    }
                }

                if (principalByItem.TryGetValue(related, out var principal))
                {
                    principal.Attach(charge);
                    continue;
                }
            }

            var kind = charge.Item.Kind == ItemKind.Interest ? ClaimComponent.Interest : ClaimComponent.Costs;
            debts.Add(new Debt(account, charge, kind));
        }
    }

    private static bool IsEarlier(Debt debt, Debt other) =>
        debt.DueDay < other.DueDay || (debt.DueDay == other.DueDay && debt.Main.Number < other.Main.Number);
}
