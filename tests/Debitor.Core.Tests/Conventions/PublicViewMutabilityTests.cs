using System.Collections;
using System.Reflection;
using Debitor.Cli.Portfolio;
using Debitor.Core.Dunning;
using Debitor.Core.Ledger;

namespace Debitor.Core.Tests.Conventions;

/// <summary>
/// Issue 12, defect 10: no public view can be modified through a cast. Walks every public property reachable from real
/// accounts (the sample portfolio after a processed run: items with installments, settlements, uses, communications,
/// agreements, hand-overs, files) and from the run's proposal, and fails on any collection that a caster could change:
/// an array, or a list, collection or dictionary that is not read-only.
/// </summary>
public sealed class PublicViewMutabilityTests
{
    private const int MaxDepth = 10;

    /// <summary>
    /// The dunning engine's views (letters, proposals, run results) are rewritten for issue 11 in parallel; they join this
    /// scan in issue 12's second phase by deleting this exemption.
    /// </summary>
    private static readonly string[] ExemptNamespaces = [];
    private const int ElementsPerCollection = 25;

    [Fact]
    public async Task PublicViews_OfSamplePortfolio_CannotBeMutatedThroughACast()
    {
        var sample = SamplePortfolio.Create();
        var asOf = PortfolioLoader.Date(sample.AsOf, "asOf");
        var host = await PortfolioLoader.LoadAsync(sample, asOf, CancellationToken.None);
        var proposal = await host.Dunning.PreviewAsync(host.Actor, new DunningRunRequest(new DunningRunId("run"), host.Company, asOf));
        var processed = await host.Dunning.ProcessAsync(host.Actor, proposal);
        var store = host.Store;
        var roots = new List<object> { proposal, processed };
        foreach (var customer in await store.ListCustomersAsync(CancellationToken.None))
        {
            roots.Add(CustomerAccount.FromJournal(await store.LoadAsync(customer, CancellationToken.None)));
        }

        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var root in roots)
        {
            Walk(root, root.GetType().Name, 0, visited, offenders);
        }

        roots.AddRange(await EveryKindOfViewAsync());
        Assert.True(roots.Count > 100, "the sample portfolio should give many accounts to scan");
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Walk_MutableCollectionBehindReadOnlyInterface_IsFound()
    {
        var offenders = new SortedSet<string>(StringComparer.Ordinal);

        Walk(new Holder(new List<int> { 1 }), "Holder", 0, new HashSet<object>(ReferenceEqualityComparer.Instance), offenders);

        Assert.Equal("Holder.Values (List`1)", Assert.Single(offenders));
    }

    /// <summary>
    /// Accounts and results after every mutating use case (agreements, hand-overs, files, follow-ups, payments from a payer,
    /// returns, write-offs, interest invoices, blocks), with the statements, credit figures and documents they give.
    /// </summary>
    private static async Task<List<object>> EveryKindOfViewAsync()
    {
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        var results = new List<object>();
        foreach (var useCase in UseCases.All)
        {
            // One after the other on one portfolio, some refuse (an item already under an agreement); the state is what counts.
            await Record.ExceptionAsync(async () =>
            {
                await useCase.Arrange(harness);
                await useCase.Act(harness, UseCases.Actor, useCase.Target);
            });
        }

        var actor = UseCases.Actor;
        foreach (var customer in await harness.Store.ListCustomersAsync(default))
        {
            results.Add(await harness.Accounts.GetAccountAsync(actor, customer));
            results.Add(await harness.Statements.GetOpenItemsStatementAsync(actor, customer));
            results.Add(await harness.Statements.GetAccountStatementAsync(actor, customer));
            results.Add(await harness.Credit.GetPositionAsync(actor, customer));
            results.Add(await harness.Credit.GetHeadlineAsync(actor, customer));
            results.Add(await harness.Figures.GetMonthlySeriesAsync(actor, customer));
        }

        results.Add(await harness.Figures.GetPortfolioAgingAsync(actor, TestData.Company));
        results.Add(await harness.Payments.ApplyPaymentAsync(actor, UseCases.Payer, new Core.Payments.IncomingPayment(new EntryId("pay-scan"), new Core.Money(10m, Currency.EUR), TestData.Today)));
        results.AddRange(harness.Output.Inner.Documents);
        results.AddRange(harness.Outbox.Documents);
        return results;
    }

    /// <summary>Whether a cast could change the collection: arrays, and lists, collections and dictionaries that say they are not read-only.</summary>
    internal static bool IsMutable(object value)
    {
        if (value is Array array)
        {
            // An empty array has nothing to change.
            return array.Length > 0;
        }

        if (value is IList { IsReadOnly: false } || value is IDictionary { IsReadOnly: false })
        {
            return true;
        }

        foreach (var contract in value.GetType().GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>)))
        {
            if (contract.GetProperty(nameof(ICollection<int>.IsReadOnly))!.GetValue(value) is false)
            {
                return true;
            }
        }

        return false;
    }

    private static void Walk(object value, string path, int depth, HashSet<object> visited, SortedSet<string> offenders)
    {
        var type = value.GetType();
        if (depth > MaxDepth || type.IsPrimitive || type.IsEnum || value is string || !visited.Add(value))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true } || property.DeclaringType?.Namespace?.StartsWith("Debitor", StringComparison.Ordinal) != true)
            {
                continue;
            }

            object? child;
            try
            {
                child = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            if (child is null)
            {
                continue;
            }

            var childPath = $"{type.Name}.{property.Name}";
            if (child is IEnumerable sequence and not string)
            {
                if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && IsMutable(child) && !ExemptNamespaces.Contains(type.Namespace))
                {
                    offenders.Add($"{childPath} ({child.GetType().Name})");
                }

                foreach (var element in sequence.Cast<object?>().Take(ElementsPerCollection))
                {
                    if (element is not null)
                    {
                        Walk(element, childPath + "[]", depth + 1, visited, offenders);
                    }
                }
            }
            else if (child.GetType().Namespace?.StartsWith("Debitor", StringComparison.Ordinal) == true)
            {
                Walk(child, childPath, depth + 1, visited, offenders);
            }
        }
    }

    private sealed record Holder(IReadOnlyList<int> Values);
}
