using Debitor.Core.Banking;

namespace Debitor.Core.Tests.Banking;

public sealed class BicTests
{
    [Theory]
    [InlineData("DEUTDEFF", "DEUT", "DE", "FF", "")]
    [InlineData("DEUTDEFF500", "DEUT", "DE", "FF", "500")]
    [InlineData("NEDSNL2A", "NEDS", "NL", "2A", "")]
    [InlineData("COBADEFFXXX", "COBA", "DE", "FF", "XXX")]
    [InlineData("BNPAFRPPXXX", "BNPA", "FR", "PP", "XXX")]
    [InlineData("UBSWCHZH80A", "UBSW", "CH", "ZH", "80A")]
    [InlineData("RZBAATWW", "RZBA", "AT", "WW", "")]
    [InlineData("NBKOXKPR", "NBKO", "XK", "PR", "")]
    [InlineData("1234DEFF", "1234", "DE", "FF", "")]
    public void Parse_ValidBic_ExposesItsParts(string text, string party, string country, string location, string branch)
    {
        var bic = Bic.Parse(text);

        Assert.Equal(text, bic.ToString());
        Assert.Equal(party, bic.PartyPrefix);
        Assert.Equal(country, bic.CountryCode);
        Assert.Equal(location, bic.LocationCode);
        Assert.Equal(branch, bic.BranchCode);
    }

    [Theory]
    [InlineData("deutdeff500")]
    [InlineData(" DEUTDEFF500 ")]
    [InlineData("DEUT DE FF 500")]
    public void Parse_LowerCaseSpacesOrSurroundingWhiteSpace_GivesElectronicFormat(string text)
    {
        Assert.Equal("DEUTDEFF500", Bic.Parse(text).ToString());
    }

    [Fact]
    public void TryParse_ElectronicFormat_ReusesTheInputString()
    {
        const string text = "DEUTDEFF500";

        Assert.True(Bic.TryParse(text, out var bic));
        Assert.Same(text, bic.ToString());
    }

    [Theory]
    [InlineData("DEUTDEF", "length")]
    [InlineData("DEUTDEFF5", "length")]
    [InlineData("DEUTDEFF5000", "length")]
    [InlineData("DEUT1EFF", "country")]
    [InlineData("DEUTQQFF", "unknown country")]
    [InlineData("DEUTUKFF", "unknown country")]
    [InlineData("DEUT-DE-FF", "character")]
    [InlineData("DEUTDEFF.500", "character")]
    [InlineData("DEUT  DEFF", "character")]
    [InlineData("", "empty")]
    public void Parse_InvalidBic_ThrowsFormatExceptionNamingTheReason(string text, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => Bic.Parse(text));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.False(Bic.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Bic.Parse(null!));
        Assert.False(Bic.TryParse(null, out _));
    }

    [Theory]
    [InlineData("DEUTDEFF", true)]
    [InlineData("DEUTDEFFXXX", true)]
    [InlineData("DEUTDEFF500", false)]
    public void IsPrimaryOffice_BranchCode_TrueForNoneOrXxx(string text, bool expected)
    {
        Assert.Equal(expected, Bic.Parse(text).IsPrimaryOffice);
    }

    [Fact]
    public void Equals_ShortAndXxxForm_AreDifferentValues()
    {
        Assert.NotEqual(Bic.Parse("DEUTDEFF"), Bic.Parse("DEUTDEFFXXX"));
    }

    [Fact]
    public void Equals_SameBicDifferentSpelling_AreEqual()
    {
        var a = Bic.Parse("DEUTDEFF500");
        var b = Bic.Parse("deut deff 500", null);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Default_IsEmptyEverywhere()
    {
        var bic = default(Bic);

        Assert.Equal(string.Empty, bic.ToString());
        Assert.Equal(string.Empty, bic.PartyPrefix);
        Assert.Equal(string.Empty, bic.CountryCode);
        Assert.Equal(string.Empty, bic.LocationCode);
        Assert.Equal(string.Empty, bic.BranchCode);
        Assert.False(bic.IsPrimaryOffice);
        Assert.NotEqual(Bic.Parse("DEUTDEFF"), bic);
    }
}
