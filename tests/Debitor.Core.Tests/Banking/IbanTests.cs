using Debitor.Core.Banking;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Banking;

public sealed class IbanTests
{
    /// <summary>Example IBANs of the IBAN registry, one per country.</summary>
    private static readonly string[] Examples =
    [
        "AD1200012030200359100100",
        "AE070331234567890123456",
        "AL47212110090000000235698741",
        "AT611904300234573201",
        "AZ21NABZ00000000137010001944",
        "BA391290079401028494",
        "BE68539007547034",
        "BG80BNBG96611020345678",
        "BH67BMAG00001299123456",
        "BI4210000100010000332045181",
        "BR1800360305000010009795493C1",
        "BY13NBRB3600900000002Z00AB00",
        "CH9300762011623852957",
        "CR05015202001026284066",
        "CY17002001280000001200527600",
        "CZ6508000000192000145399",
        "DE89370400440532013000",
        "DJ2100010000000154000100186",
        "DK5000400440116243",
        "DO28BAGR00000001212453611324",
        "EE382200221020145685",
        "EG380019000500000000263180002",
        "ES9121000418450200051332",
        "FI2112345600000785",
        "FK88SC123456789012",
        "FO6264600001631634",
        "FR1420041010050500013M02606",
        "GB29NWBK60161331926819",
        "GE29NB0000000101904917",
        "GI75NWBK000000007099453",
        "GL8964710001000206",
        "GR1601101250000000012300695",
        "GT82TRAJ01020000001210029690",
        "HN88CABF00000000000250005469",
        "HR1210010051863000160",
        "HU42117730161111101800000000",
        "IE29AIBK93115212345678",
        "IL620108000000099999999",
        "IQ98NBIQ850123456789012",
        "IS140159260076545510730339",
        "IT60X0542811101000000123456",
        "JO94CBJO0010000000000131000302",
        "KW81CBKU0000000000001234560101",
        "KZ86125KZT5004100100",
        "LB62099900000001001901229114",
        "LC55HEMM000100010012001200023015",
        "LI21088100002324013AA",
        "LT121000011101001000",
        "LU280019400644750000",
        "LV80BANK0000435195001",
        "LY83002048000020100120361",
        "MC5811222000010123456789030",
        "MD24AG000225100013104168",
        "ME25505000012345678951",
        "MK07250120000058984",
        "MN121234123456789123",
        "MR1300020001010000123456753",
        "MT84MALT011000012345MTLCAST001S",
        "MU17BOMM0101101030300200000MUR",
        "NI45BAPR00000013000003558124",
        "NL91ABNA0417164300",
        "NO9386011117947",
        "OM810180000001299123456",
        "PK36SCBL0000001123456702",
        "PL61109010140000071219812874",
        "PS92PALS000000000400123456702",
        "PT50000201231234567890154",
        "QA58DOHB00001234567890ABCDEFG",
        "RO49AAAA1B31007593840000",
        "RS35260005601001611379",
        "RU0204452560040702810412345678901",
        "SA0380000000608010167519",
        "SC18SSCB11010000000000001497USD",
        "SD2129010501234001",
        "SE4550000000058398257466",
        "SI56263300012039086",
        "SK3112000000198742637541",
        "SM86U0322509800000000270100",
        "SO211000001001000100141",
        "ST23000100010051845310146",
        "SV62CENR00000000000000700025",
        "TL380080012345678910157",
        "TN5910006035183598478831",
        "TR330006100519786457841326",
        "UA213223130000026007233566001",
        "VA59001123000012345678",
        "VG96VPVG0000012345678901",
        "XK051212012345678906",
        "YE15CBYE0001018861234567891234",
    ];

    public static TheoryData<string> RegistryExamples => new(Examples);

    [Theory]
    [MemberData(nameof(RegistryExamples))]
    public void Parse_RegistryExample_RoundTrips(string text)
    {
        var iban = Iban.Parse(text);

        Assert.Equal(text, iban.ToString());
        Assert.Equal(text[..2], iban.CountryCode);
        Assert.Equal(text[4..], iban.Bban);
    }

    [Theory]
    [MemberData(nameof(RegistryExamples))]
    public void TryParse_RegistryExampleInElectronicFormat_ReusesTheInputString(string text)
    {
        Assert.True(Iban.TryParse(text, out var iban));
        Assert.Same(text, iban.ToString());
    }

    [Fact]
    public void RegistryExamples_CoverEveryRegistryCountry()
    {
        var covered = Examples.Select(text => text[..2]).ToHashSet();
        var missing = IbanRegistry.All.Select(entry => entry.CountryCode).Where(code => !covered.Contains(code));

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("de89 3704 0044 0532 0130 00")]
    [InlineData("de89370400440532013000")]
    [InlineData("  DE89370400440532013000\t\n")]
    [InlineData("DE89 37040044 0532013000")]
    public void Parse_PrintFormatLowerCaseOrSurroundingWhiteSpace_GivesElectronicFormat(string text)
    {
        Assert.Equal("DE89370400440532013000", Iban.Parse(text).ToString());
    }

    [Theory]
    [InlineData("DE89-3704-0044-0532-0130-00")]
    [InlineData("DE89.3704.0044.0532.0130.00")]
    [InlineData("DE89/3704/0044/0532/0130/00")]
    [InlineData("DE89  3704 0044 0532 0130 00")]
    [InlineData("DE89\t3704004405320130 00")]
    [InlineData("DE89370400440532013000_")]
    [InlineData("DE8937040044053201300\u00D6")]
    public void Parse_OtherSeparatorOrCharacter_ThrowsFormatExceptionNamingTheCharacter(string text)
    {
        var exception = Assert.Throws<FormatException>(() => Iban.Parse(text));

        Assert.Contains("character", exception.Message, StringComparison.Ordinal);
        Assert.False(Iban.TryParse(text, out _));
    }

    [Theory]
    [InlineData("XX89370400440532013000", "unknown country")]
    [InlineData("US89370400440532013000", "unknown country")]
    [InlineData("DE8937040044053201300", "length")]
    [InlineData("DE893704004405320130000", "length")]
    [InlineData("DE89370400440532013000DE89370400440532013000", "length")]
    [InlineData("GB29NWBK6016133192681X", "structure")]
    [InlineData("GB2912BK60161331926819", "structure")]
    [InlineData("DE88370400440532013000", "check digits")]
    [InlineData("DE89370400440532013001", "check digits")]
    [InlineData("DEAB370400440532013000", "check digits")]
    [InlineData("12", "country code")]
    [InlineData("D", "country code")]
    [InlineData("   ", "empty")]
    [InlineData("", "empty")]
    public void Parse_InvalidIban_ThrowsFormatExceptionNamingTheReason(string text, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => Iban.Parse(text));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.False(Iban.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Theory]
    [InlineData("DE00370400440532013000")]
    [InlineData("DE01370400440532013000")]
    [InlineData("DE99370400440532013000")]
    public void Parse_CheckDigitsOutOfRange_ThrowsEvenWhenMod97Passes(string text)
    {
        // 00, 01 and 99 are congruent to 97, 98 and 02 modulo 97, so only the range check refuses them.
        var exception = Assert.Throws<FormatException>(() => Iban.Parse(text));

        Assert.Contains("check digits", exception.Message, StringComparison.Ordinal);
        Assert.Contains("range", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCountry_MessageNamesTheCountry()
    {
        var exception = Assert.Throws<FormatException>(() => Iban.Parse("XX89370400440532013000"));

        Assert.Contains("'XX'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongLength_MessageNamesBothLengths()
    {
        var exception = Assert.Throws<FormatException>(() => Iban.Parse("DE8937040044053201300"));

        Assert.Contains("21 characters instead of 22 for DE", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Iban.Parse(null!));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(Iban.TryParse(null, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void ParseWithProvider_ValidIban_IgnoresTheProvider()
    {
        var iban = Iban.Parse("DE89370400440532013000", System.Globalization.CultureInfo.GetCultureInfo("tr-TR"));

        Assert.Equal("DE89370400440532013000", iban.ToString());
        Assert.True(Iban.TryParse("de89370400440532013000", System.Globalization.CultureInfo.GetCultureInfo("tr-TR"), out _));
    }

    [Theory]
    [InlineData("DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    [InlineData("NO9386011117947", "NO93 8601 1117 947")]
    [InlineData("BE68539007547034", "BE68 5390 0754 7034")]
    [InlineData("MT84MALT011000012345MTLCAST001S", "MT84 MALT 0110 0001 2345 MTLC AST0 01S")]
    public void ToPrintString_ValidIban_GroupsOfFour(string text, string expected)
    {
        Assert.Equal(expected, Iban.Parse(text).ToPrintString());
    }

    [Fact]
    public void Default_IsEmptyEverywhere()
    {
        var iban = default(Iban);

        Assert.Equal(string.Empty, iban.ToString());
        Assert.Equal(string.Empty, iban.ToPrintString());
        Assert.Equal(string.Empty, iban.CountryCode);
        Assert.Equal(string.Empty, iban.Bban);
        Assert.Equal(0, iban.GetHashCode());
    }

    [Fact]
    public void Equals_SameIbanParsedFromDifferentFormats_AreEqual()
    {
        var electronic = Iban.Parse("DE89370400440532013000");
        var printed = Iban.Parse("de89 3704 0044 0532 0130 00");

        Assert.Equal(electronic, printed);
        Assert.True(electronic == printed);
        Assert.False(electronic != printed);
        Assert.True(electronic.Equals((object)printed));
        Assert.Equal(electronic.GetHashCode(), printed.GetHashCode());
        Assert.NotEqual(default, electronic);
        Assert.NotEqual(Iban.Parse("GB29NWBK60161331926819"), electronic);
    }

    [Fact]
    public void FromGermanAccount_RegistryExample_GivesTheRegistryIban()
    {
        Assert.Equal(Iban.Parse("DE89370400440532013000"), Iban.FromGermanAccount("37040044", "532013000"));
    }

    [Fact]
    public void FromGermanAccount_TenDigitAccount_IsNotPadded()
    {
        Assert.Equal("DE89370400440532013000", Iban.FromGermanAccount("37040044", "0532013000").ToString());
    }

    [Theory]
    [InlineData("3704004", "532013000", "bankCode")]
    [InlineData("370400445", "532013000", "bankCode")]
    [InlineData("3704004A", "532013000", "bankCode")]
    [InlineData("37040044", "", "accountNumber")]
    [InlineData("37040044", "12345678901", "accountNumber")]
    [InlineData("37040044", "53201300-0", "accountNumber")]
    [InlineData("37040044", " 532013000", "accountNumber")]
    public void FromGermanAccount_MalformedArgument_ThrowsArgumentExceptionNamingIt(string bankCode, string accountNumber, string parameter)
    {
        var exception = Assert.Throws<ArgumentException>(() => Iban.FromGermanAccount(bankCode, accountNumber));

        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void FromGermanAccount_Null_ThrowsArgumentNullException()
    {
        Assert.Equal("bankCode", Assert.Throws<ArgumentNullException>(() => Iban.FromGermanAccount(null!, "1")).ParamName);
        Assert.Equal("accountNumber", Assert.Throws<ArgumentNullException>(() => Iban.FromGermanAccount("37040044", null!)).ParamName);
    }

    [Fact]
    public void Create_BbanNotFittingTheStructure_ThrowsArgumentException()
    {
        Assert.Equal("bban", Assert.Throws<ArgumentException>(() => Iban.Create("GB", "NWBK6016133192681X")).ParamName);
        Assert.Equal("countryCode", Assert.Throws<ArgumentException>(() => Iban.Create("US", "1234")).ParamName);
    }

    [Fact]
    public void TryParse_ElectronicFormat_DoesNotAllocate()
    {
        const string valid = "DE89370400440532013000";
        const string invalid = "DE88370400440532013000";
        Iban.TryParse(valid, out _);
        Iban.TryParse(invalid, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Iban.TryParse(valid, out _);
            Iban.TryParse(invalid, out _);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Property(Arbitrary = [typeof(BankingArbitraries)])]
    public void TryParse_GeneratedValidIban_Succeeds(ValidIban generated)
    {
        Assert.True(Iban.TryParse(generated.Text, out var iban));
        Assert.Equal(generated.Text, iban.ToString());
    }

    [Property(Arbitrary = [typeof(BankingArbitraries)])]
    public void Parse_PrintString_RoundTrips(ValidIban generated)
    {
        var iban = Iban.Parse(generated.Text);

        Assert.Equal(iban, Iban.Parse(iban.ToPrintString()));
        Assert.Equal(iban, Iban.Parse(iban.ToPrintString().ToLowerInvariant()));
        Assert.Equal(generated.Text, Iban.Parse(iban.ToString()).ToString());
    }

    [Property(Arbitrary = [typeof(BankingArbitraries)])]
    public Property TryParse_SingleCharacterSubstituted_Fails(ValidIban generated)
    {
        // Each position is replaced by a different character of the same kind (digit by digit, letter by letter).
        // MOD 97-10 catches every such substitution: the digit expansion changes by k·10^p with 0 < |k| ≤ 25 < 97.
        // A letter put in place of a digit (or the reverse) at an alphanumeric position is not used: it changes
        // the length of the digit expansion, and about one in 97 of those slips through the check.
        var gen =
            from position in Gen.Choose(0, generated.Text.Length - 1)
            let original = generated.Text[position]
            from replacement in Gen.Elements((char.IsAsciiDigit(original) ? Digits : Letters).ToCharArray())
            where replacement != original
            select (position, replacement);

        return Prop.ForAll(gen.ToArbitrary(), change =>
        {
            var chars = generated.Text.ToCharArray();
            chars[change.position] = change.replacement;
            return !Iban.TryParse(new string(chars), out _);
        });
    }

    [Property(Arbitrary = [typeof(BankingArbitraries)])]
    public Property TryParse_AdjacentCharactersSwapped_Fails(ValidIban generated)
    {
        // Swapping two different digits or two different letters changes the digit expansion by a non-multiple
        // of 97; so does swapping a letter and a digit, except when the letter's value is eleven times the digit
        // (B=11 with 1, M=22 with 2, X=33 with 3: "B1" and "1B" both read 111). Those pairs are left out.
        var gen = Gen.Choose(0, generated.Text.Length - 2)
            .Where(i => generated.Text[i] != generated.Text[i + 1] && !IsUndetectableSwap(generated.Text[i], generated.Text[i + 1]));

        return Prop.When(HasDetectableSwap(generated.Text), () => Prop.ForAll(gen.ToArbitrary(), i =>
        {
            var chars = generated.Text.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            return !Iban.TryParse(new string(chars), out _);
        }));
    }

    private const string Digits = "0123456789";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static bool IsUndetectableSwap(char a, char b) =>
        (a, b) is ('B', '1') or ('1', 'B') or ('M', '2') or ('2', 'M') or ('X', '3') or ('3', 'X');

    private static bool HasDetectableSwap(string text)
    {
        for (int i = 0; i < text.Length - 1; i++)
        {
            if (text[i] != text[i + 1] && !IsUndetectableSwap(text[i], text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }
}
