using Debitor.Core.Dunning;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Dunning;

public sealed class DunningRunRequestTests
{
    [Fact]
    public void Constructor_ManualRunOverTheCompany()
    {
        var request = new DunningRunRequest(new DunningRunId("r"), Company, Today);

        Assert.Equal((DunningRunMode.Manual, (BranchId?)null, (CustomerId?)null, (int?)null, false, false),
            (request.Mode, request.Branch, request.Customer, request.Level, request.OnlyWhenCreditLimitExceeded, request.PostFees));
    }

    [Fact]
    public void Constructor_RefusesMissingValues()
    {
        Assert.ThrowsAny<ArgumentException>(() => new DunningRunRequest(default, Company, Today));
        Assert.ThrowsAny<ArgumentException>(() => new DunningRunRequest(new DunningRunId("r"), default, Today));
        Assert.ThrowsAny<ArgumentException>(() => new DunningRunRequest(new DunningRunId("r"), Company, Today) { Level = 0 });
        Assert.ThrowsAny<ArgumentException>(() => new DunningRunRequest(new DunningRunId("r"), Company, Today) { Mode = (DunningRunMode)5 });
    }

    [Fact]
    public void RunId_FollowsTheIdentifierRules()
    {
        Assert.ThrowsAny<ArgumentException>(() => new DunningRunId(" r"));
        Assert.True(default(DunningRunId).IsEmpty);
        Assert.Equal("r", new DunningRunId("r").ToString());
        Assert.Equal(string.Empty, default(DunningRunId).ToString());
    }
}
