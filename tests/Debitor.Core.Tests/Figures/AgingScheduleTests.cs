using Debitor.Core.Figures;

namespace Debitor.Core.Tests.Figures;

public sealed class AgingScheduleTests
{
    [Fact]
    public void Standard_IsNotDueThenThirtyDayBucketsAndOverNinety() =>
        Assert.Equal(["not due", "1-30", "31-60", "61-90", "over 90"], AgingSchedule.Standard.Buckets.Select(b => b.Label));

    [Fact]
    public void Buckets_HaveInclusiveRanges() =>
        Assert.Equal(
            [new AgingBucket(0, null, 0), new AgingBucket(1, 1, 15), new AgingBucket(2, 16, 45), new AgingBucket(3, 46, null)],
            new AgingSchedule(15, 45).Buckets);

    [Fact]
    public void NoBounds_GivesNotDueAndOverdue() =>
        Assert.Equal(["not due", "over 0"], new AgingSchedule().Buckets.Select(b => b.Label));

    [Theory]
    [InlineData(0, 30)]
    [InlineData(30, 30)]
    [InlineData(60, 30)]
    public void Constructor_BoundsNotStrictlyIncreasingFromOne_Throws(int first, int second) =>
        Assert.Throws<ArgumentException>(() => new AgingSchedule(first, second));

    [Fact]
    public void Equality_IsByBounds() => Assert.Equal(AgingSchedule.Standard, new AgingSchedule(30, 60, 90));
}
