using Debitor.Core.Banking;

namespace Debitor.Core.Tests.Banking;

public sealed class VatIdTests
{
    [Theory]
    [InlineData("DE136695976", "DE", "136695976")]
    [InlineData("ATU13585627", "AT", "U13585627")]
    [InlineData("BE0428759497", "BE", "0428759497")]
    [InlineData("DK13585628", "DK", "13585628")]
    [InlineData("FR40303265045", "FR", "40303265045")]
    [InlineData("IT00743110157", "IT", "00743110157")]
    [InlineData("HR33392005961", "HR", "33392005961")]
    public void Parse_ValidNumberWithCheckDigits_ExposesPrefixAndNumber(string text, string country, string number)
    {
        var vatId = VatId.Parse(text);

        Assert.Equal(text, vatId.ToString());
        Assert.Equal(country, vatId.CountryCode);
        Assert.Equal(number, vatId.Number);
    }

    [Theory]
    [InlineData("BG123456789")]
    [InlineData("BG1234567890")]
    [InlineData("CY12345678L")]
    [InlineData("CZ12345678")]
    [InlineData("CZ123456789")]
    [InlineData("CZ1234567890")]
    [InlineData("EE123456789")]
    [InlineData("EL123456789")]
    [InlineData("ESA1234567B")]
    [InlineData("ESA12345678")]
    [InlineData("ES12345678Z")]
    [InlineData("FI12345678")]
    [InlineData("FRXX123456789")]
    [InlineData("HU12345678")]
    [InlineData("IE1234567T")]
    [InlineData("IE1234567WA")]
    [InlineData("IE1S23456T")]
    [InlineData("LT123456789")]
    [InlineData("LT123456789012")]
    [InlineData("LU12345678")]
    [InlineData("LV12345678901")]
    [InlineData("MT12345678")]
    [InlineData("NL123456789B01")]
    [InlineData("PL1234567890")]
    [InlineData("PT123456789")]
    [InlineData("RO12")]
    [InlineData("RO1234567890")]
    [InlineData("SE123456789001")]
    [InlineData("SI12345678")]
    [InlineData("SK1234567890")]
    [InlineData("XI123456789")]
    [InlineData("XI123456789012")]
    [InlineData("XIGD123")]
    [InlineData("XIHA123")]
    public void Parse_NationalFormatWithoutVerifiedCheck_Valid(string text)
    {
        Assert.True(VatId.TryParse(text, out var vatId));
        Assert.Equal(text, vatId.ToString());
    }

    [Theory]
    [InlineData("de 136 695 976")]
    [InlineData("De136695976")]
    [InlineData(" DE136695976\n")]
    public void Parse_LowerCaseSpacesOrSurroundingWhiteSpace_GivesElectronicFormat(string text)
    {
        Assert.Equal("DE136695976", VatId.Parse(text).ToString());
    }

    [Theory]
    [InlineData("DE136695975", "check digits")]
    [InlineData("DE136695967", "check digits")]
    [InlineData("ATU13585626", "check digits")]
    [InlineData("BE0428759496", "check digits")]
    [InlineData("DK13585629", "check digits")]
    [InlineData("FR41303265045", "check digits")]
    [InlineData("IT00743110158", "check digits")]
    [InlineData("HR33392005962", "check digits")]
    [InlineData("DE13669597", "structure")]
    [InlineData("DE1366959760", "structure")]
    [InlineData("AT13585627", "structure")]
    [InlineData("BE2428759497", "structure")]
    [InlineData("ES123456789", "structure")]
    [InlineData("NL123456789A01", "structure")]
    [InlineData("SE123456789002", "structure")]
    [InlineData("RO1", "structure")]
    [InlineData("XIGD1234", "structure")]
    [InlineData("GR123456789", "'EL'")]
    [InlineData("GB123456789", "unknown country")]
    [InlineData("CH123456789", "unknown country")]
    [InlineData("1E136695976", "prefix")]
    [InlineData("DE-136695976", "character")]
    [InlineData("DE136.695.976", "character")]
    [InlineData("", "empty")]
    public void Parse_InvalidNumber_ThrowsFormatExceptionNamingTheReason(string text, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => VatId.Parse(text));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.False(VatId.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Parse_LongerThanAnyFormat_ThrowsWithoutOverrunningTheBuffer()
    {
        Assert.Throws<FormatException>(() => VatId.Parse("SE1234567890010000000"));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => VatId.Parse(null!));
        Assert.False(VatId.TryParse(null, out _));
    }

    [Fact]
    public void HasValidCheckDigits_GermanMod11Of10_OnlyTheRightDigitPasses()
    {
        for (char digit = '0'; digit <= '9'; digit++)
        {
            Assert.Equal(digit == '6', VatId.HasValidCheckDigits(VatIdCheck.Mod11Of10, "13669597" + digit));
        }
    }

    [Fact]
    public void HasValidCheckDigits_Austria_MatchesTheDocumentedFormula()
    {
        // The documented form of the rule, check = (10 - ((sum + 4) mod 10)) mod 10, computed independently
        // for a spread of seven-digit bodies.
        for (int body = 0; body < 10_000_000; body += 123_457)
        {
            string digits = body.ToString("0000000");
            int sum = 0;
            for (int i = 0; i < 7; i++)
            {
                int d = digits[i] - '0';
                int product = i % 2 == 0 ? d : d * 2;
                sum += (product / 10) + (product % 10);
            }

            int check = (10 - ((sum + 4) % 10)) % 10;
            Assert.True(VatId.HasValidCheckDigits(VatIdCheck.Austria, $"U{digits}{check}"), digits);
            Assert.False(VatId.HasValidCheckDigits(VatIdCheck.Austria, $"U{digits}{(check + 1) % 10}"), digits);
        }
    }

    [Fact]
    public void HasValidCheckDigits_FrenchKeyWithLetters_NotVerified()
    {
        Assert.True(VatId.TryParse("FRK7399859412", out _));
    }

    [Fact]
    public void Equals_SameNumberDifferentSpelling_AreEqual()
    {
        var a = VatId.Parse("ATU13585627");
        var b = VatId.Parse("atu 1358 5627", null);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(VatId.TryParse("ATU13585627", null, out _));
    }

    [Fact]
    public void Default_IsEmptyEverywhere()
    {
        var vatId = default(VatId);

        Assert.Equal(string.Empty, vatId.ToString());
        Assert.Equal(string.Empty, vatId.CountryCode);
        Assert.Equal(string.Empty, vatId.Number);
        Assert.NotEqual(VatId.Parse("DE136695976"), vatId);
    }

    [Fact]
    public void MaxLength_LongestFormat_IsFourteen()
    {
        Assert.Equal(14, VatIdFormats.MaxLength);
    }
}
