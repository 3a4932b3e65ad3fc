namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 12: every mutating use case (see <see cref="UseCases.All"/>) under every injected fault must either complete on
/// retry with the same final state as an undisturbed run, or refuse with nothing changed — and then complete on retry.
/// "State" is what a user can observe: every journal, every delivered document, the stored files, the outbox.
/// </summary>
public sealed class FaultInjectionMatrixTests
{
    public static TheoryData<string, Fault> Matrix()
    {
        var data = new TheoryData<string, Fault>();
        foreach (var useCase in UseCases.All)
        {
            foreach (var fault in Enum.GetValues<Fault>().Where(f => f != Fault.None))
            {
                data.Add(useCase.Name, fault);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task UseCase_UnderFault_CompletesOnRetryWithTheUndisturbedState(string name, Fault fault)
    {
        var useCase = UseCases.All.Single(u => u.Name == name);
        var (expected, appendsUndisturbed, documentsUndisturbed) = await RunAsync(useCase, Fault.None);

        var (actual, _, _) = await RunAsync(useCase, fault);

        Assert.Equal(expected, actual);
        _ = appendsUndisturbed;
        _ = documentsUndisturbed;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task UseCase_UnderFault_FaultReallyHappensWhereTheUseCaseReachesIt(string name, Fault fault)
    {
        var useCase = UseCases.All.Single(u => u.Name == name);
        var (_, appends, documents) = await RunAsync(useCase, Fault.None);
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        await useCase.Arrange(harness);
        harness.Arm(fault);

        await Record.ExceptionAsync(() => useCase.Act(harness, UseCases.Actor, useCase.Target));

        var reached = fault switch
        {
            Fault.StoreFailsOnFirstAppend or Fault.StoreThrowsAfterFirstAppend => appends >= 1,
            Fault.StoreFailsOnSecondAppend or Fault.StoreThrowsAfterSecondAppend => appends >= 2,
            Fault.OutputFailsOnce => documents >= 1,
            _ => true,
        };
        Assert.Equal(reached, harness.Fired(fault));
    }

    [Fact]
    public async Task ProcessDunningRunRow_Undisturbed_IssuesALetterWithNotices()
    {
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        var row = UseCases.All.Single(u => u.Name == "ProcessDunningRun");

        await row.Act(harness, UseCases.Actor, row.Target);

        Assert.NotEmpty(harness.Letters.Letters);
        Assert.Contains(harness.Letters.Letters, l => l.Lines.Any(x => x.IssuesNotice));
    }

    [Fact]
    public void Matrix_CoversEveryUseCaseAndFault()
    {
        Assert.Equal(UseCases.All.Count * (Enum.GetValues<Fault>().Length - 1), Matrix().Count);
        Assert.Equal(UseCases.All.Count, UseCases.All.Select(u => u.Name).Distinct().Count());
    }

    /// <summary>Runs a use case under a fault; when the first call fails, the fault is gone and the call is made again.</summary>
    private static async Task<(List<object> State, int Appends, int Documents)> RunAsync(UseCase useCase, Fault fault)
    {
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        await useCase.Arrange(harness);
        var before = await harness.SnapshotAsync();
        var appendsBefore = harness.Store.Appends;
        var documentsBefore = harness.Output.Inner.Documents.Count;
        harness.Arm(fault);

        var failure = await Record.ExceptionAsync(() => useCase.Act(harness, UseCases.Actor, useCase.Target));
        if (failure is not null)
        {
            Assert.True(failure is InjectedFaultException, $"{useCase.Name} failed with {failure}");
            await useCase.Act(harness, UseCases.Actor, useCase.Target);
        }

        var after = await harness.SnapshotAsync();
        Assert.NotEqual(before, after);
        return (after, harness.Store.Appends - appendsBefore, harness.Output.Inner.Documents.Count - documentsBefore);
    }
}
