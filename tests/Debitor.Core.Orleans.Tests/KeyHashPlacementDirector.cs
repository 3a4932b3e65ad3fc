using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Debitor.Core.Orleans.Tests;

/// <summary>
/// Places each grain by a stable sum of its key's characters over the compatible silos in address order, so a test knows
/// in advance that two accounts whose keys differ by one in the last digit (K-10001, K-10002) live on different silos of a
/// two-silo cluster. Random placement only made that likely, and the test that needs it was flaky under load.
/// </summary>
internal sealed class KeyHashPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToString(), StringComparer.Ordinal).ToArray();
        var sum = 0;
        foreach (var c in target.GrainIdentity.Key.ToString())
        {
            sum = unchecked(sum + c);
        }

        return Task.FromResult(silos[(sum & int.MaxValue) % silos.Length]);
    }
}
