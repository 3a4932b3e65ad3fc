using Debitor.Core.Banking;

namespace Debitor.Core.Tests.Banking;

public sealed class IsoCountryCodesTests
{
    [Fact]
    public void All_AssignedCodesAndKosovo_Are250()
    {
        Assert.Equal(250, IsoCountryCodes.All.Count);
        Assert.Equal(IsoCountryCodes.All.Order(StringComparer.Ordinal), IsoCountryCodes.All);
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("XK")]
    [InlineData("SS")]
    [InlineData("BQ")]
    [InlineData("AX")]
    public void Contains_AssignedCode_True(string code)
    {
        Assert.True(IsoCountryCodes.Contains(code[0], code[1]));
    }

    [Theory]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("YU")]
    [InlineData("AN")]
    [InlineData("EL")]
    [InlineData("de")]
    [InlineData("1A")]
    public void Contains_UnassignedWithdrawnOrMalformed_False(string code)
    {
        Assert.False(IsoCountryCodes.Contains(code[0], code[1]));
    }
}
