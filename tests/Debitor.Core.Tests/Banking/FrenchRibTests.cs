using Debitor.Core.Banking;
using FsCheck.Xunit;

namespace Debitor.Core.Tests.Banking;

public sealed class FrenchRibTests
{
    // The key of this often-quoted RIB is 02, not 25: 89 × 30002 + 15 × 550 + 3 × 00001578459 (Z counts as 9)
    // = 7413805, which is 95 modulo 97, and 97 − 95 = 2. The IBAN built from it, FR70 3000 2005 5000 0015 7845 Z02,
    // passes the IBAN check with the key 02 inside it.
    [Fact]
    public void ComputeKey_WellKnownRib_Is02()
    {
        Assert.Equal("02", FrenchRib.ComputeKey("30002", "00550", "0000157845Z"));
        Assert.True(Iban.TryParse("FR7030002005500000157845Z02", out _));
    }

    [Fact]
    public void ComputeKey_RibOfTheRegistryExampleIban_MatchesTheKeyInTheIban()
    {
        // FR14 2004 1010 0505 0001 3M02 606: bank 20041, branch 01005, account 0500013M026, key 06.
        Assert.Equal("06", FrenchRib.ComputeKey("20041", "01005", "0500013M026"));
    }

    [Theory]
    [InlineData("30002", "00550", "0000157845Z", "02", true)]
    [InlineData("30002", "00550", "0000157845z", "02", true)]
    [InlineData("20041", "01005", "0500013M026", "06", true)]
    [InlineData("30002", "00550", "0000157845Z", "25", false)]
    [InlineData("30002", "00550", "0000157845Y", "02", false)]
    [InlineData("30002", "00551", "0000157845Z", "02", false)]
    [InlineData("3000", "00550", "0000157845Z", "02", false)]
    [InlineData("30002", "0055A", "0000157845Z", "02", false)]
    [InlineData("30002", "00550", "0000157845", "02", false)]
    [InlineData("30002", "00550", "0000157845-", "02", false)]
    [InlineData("30002", "00550", "0000157845Z", "2", false)]
    [InlineData("30002", "00550", "0000157845Z", "0A", false)]
    [InlineData(null, "00550", "0000157845Z", "02", false)]
    [InlineData("30002", null, "0000157845Z", "02", false)]
    [InlineData("30002", "00550", null, "02", false)]
    [InlineData("30002", "00550", "0000157845Z", null, false)]
    public void IsValid_Rib_ChecksFormAndKey(string? bank, string? branch, string? account, string? key, bool expected)
    {
        Assert.Equal(expected, FrenchRib.IsValid(bank, branch, account, key));
    }

    [Theory]
    [InlineData("AJ", "11")]
    [InlineData("BKS", "222")]
    [InlineData("CLT", "333")]
    [InlineData("IRZ", "999")]
    [InlineData("HQY", "888")]
    public void ComputeKey_Letters_CountByTheRibTable(string letters, string digits)
    {
        string account = letters.PadLeft(11, '0');
        string numeric = digits.PadLeft(11, '0');

        Assert.Equal(FrenchRib.ComputeKey("12345", "67890", numeric), FrenchRib.ComputeKey("12345", "67890", account));
    }

    [Theory]
    [InlineData("3000", "00550", "0000157845Z", "bankCode")]
    [InlineData("3000A", "00550", "0000157845Z", "bankCode")]
    [InlineData("30002", "005500", "0000157845Z", "branchCode")]
    [InlineData("30002", "00550", "0000157845", "accountNumber")]
    [InlineData("30002", "00550", "0000157845/", "accountNumber")]
    public void ComputeKey_MalformedArgument_ThrowsArgumentExceptionNamingIt(string bank, string branch, string account, string parameter)
    {
        var exception = Assert.Throws<ArgumentException>(() => FrenchRib.ComputeKey(bank, branch, account));

        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void ComputeKey_Null_ThrowsArgumentNullException()
    {
        Assert.Equal("accountNumber", Assert.Throws<ArgumentNullException>(() => FrenchRib.ComputeKey("30002", "00550", null!)).ParamName);
    }

    [Property]
    public bool ComputeKey_AnyWellFormedRib_GivesAKeyThatValidates(FsCheck.NonNegativeInt bank, FsCheck.NonNegativeInt branch, FsCheck.NonNegativeInt account)
    {
        string bankCode = (bank.Get % 100000).ToString("00000");
        string branchCode = (branch.Get % 100000).ToString("00000");
        string accountNumber = (account.Get % 1000000).ToString("00000") + "ABC123";

        string key = FrenchRib.ComputeKey(bankCode, branchCode, accountNumber);

        return key.Length == 2 && FrenchRib.IsValid(bankCode, branchCode, accountNumber, key);
    }
}
