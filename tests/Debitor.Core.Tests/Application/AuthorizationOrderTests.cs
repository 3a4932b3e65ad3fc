using Debitor.Core.Application;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Application;

/// <summary>
/// Issue 12, defect 8: an actor without permission learns nothing — not whether a customer, an item or a referenced payer
/// exists or is archived. Every mutating use case authorizes before it validates references.
/// </summary>
public sealed class AuthorizationOrderTests
{
    private static readonly Actor Nobody = new(new UserId("nobody"));

    public static TheoryData<string> Names() => [.. UseCases.All.Select(u => u.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task UseCase_ActorWithoutPermission_IsRefusedAlikeForExistingAndUnknownCustomers(string name)
    {
        var useCase = UseCases.All.Single(u => u.Name == name);
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        await useCase.Arrange(harness);
        var before = await harness.SnapshotAsync();

        await Assert.ThrowsAsync<AuthorizationException>(() => useCase.Act(harness, Nobody, useCase.Target));
        await Assert.ThrowsAsync<AuthorizationException>(() => useCase.Act(harness, Nobody, new CustomerId("C-404")));

        Assert.Equal(before, await harness.SnapshotAsync());
    }

    [Theory]
    [InlineData("C-2000")]
    [InlineData("C-404")]
    [InlineData("C-3000")]
    public async Task ChangeSettingsAsync_ActorWithoutPermission_LearnsNothingAboutThePayer(string payer)
    {
        // The reproduction: unknown, archived or existing payer — the answer must not differ.
        using var harness = new FaultHarness();
        await UseCases.ArrangeBaseAsync(harness);
        await harness.Accounts.ArchiveCustomerAsync(Accountant, UseCases.Other, Id("archived"), "Geschäftsaufgabe");

        var exception = await Record.ExceptionAsync(() => harness.Accounts.ChangeSettingsAsync(Nobody, Id("s-1"), NewCustomer() with { Payer = new CustomerId(payer) }));

        Assert.IsType<AuthorizationException>(exception);
    }
}
