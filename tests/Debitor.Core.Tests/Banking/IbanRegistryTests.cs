using Debitor.Core.Banking;

namespace Debitor.Core.Tests.Banking;

public sealed class IbanRegistryTests
{
    [Fact]
    public void All_CurrentRegistry_Has89Countries()
    {
        Assert.Equal(89, IbanRegistry.All.Count);
    }

    [Fact]
    public void All_Entries_AreInCountryCodeOrderWithoutDuplicates()
    {
        var codes = IbanRegistry.All.Select(entry => entry.CountryCode).ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void All_Entries_AreIsoCountriesOrKosovo()
    {
        Assert.All(IbanRegistry.All, entry => Assert.True(IsoCountryCodes.Contains(entry.CountryCode[0], entry.CountryCode[1]), entry.CountryCode));
    }

    [Theory]
    [InlineData("BI", 27)]
    [InlineData("DJ", 27)]
    [InlineData("FK", 18)]
    [InlineData("HN", 28)]
    [InlineData("LY", 25)]
    [InlineData("MN", 20)]
    [InlineData("NI", 28)]
    [InlineData("OM", 23)]
    [InlineData("RU", 33)]
    [InlineData("SD", 18)]
    [InlineData("SO", 23)]
    [InlineData("YE", 30)]
    public void Find_RecentAddition_IsListedWithItsLength(string code, int length)
    {
        Assert.Equal(length, IbanRegistry.Find(code[0], code[1])?.Length);
    }

    [Theory]
    [InlineData('U', 'S')]
    [InlineData('G', 'G')]
    [InlineData('R', 'E')]
    [InlineData('d', 'e')]
    [InlineData('1', '2')]
    [InlineData('[', 'A')]
    public void Find_NotAnIbanCountryCode_Null(char first, char second)
    {
        Assert.Null(IbanRegistry.Find(first, second));
    }
}
