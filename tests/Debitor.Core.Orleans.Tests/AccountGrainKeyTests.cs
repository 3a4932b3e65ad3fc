using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Debitor.Core.Orleans.Tests;

public sealed class AccountGrainKeyTests
{
    [Fact]
    public void Format_CompanyAndCustomer_LengthPrefixedKey()
    {
        Assert.Equal("5:ACME1/K-10001", AccountGrainKey.Format(new CompanyId("ACME1"), new CustomerId("K-10001")));
    }

    [Property]
    public Property Parse_FormattedKey_GivesCompanyAndCustomerBack()
    {
        var identifier = Gen.Elements('a', 'Z', '0', '/', ':', ' ', '-', 'ü', '|').ArrayOf().Where(c => c.Length is > 0 and < 40)
            .Select(c => new string(c).Trim()).Where(s => s.Length > 0);
        return Prop.ForAll(identifier.ToArbitrary(), identifier.ToArbitrary(), (company, customer) =>
        {
            var key = AccountGrainKey.Format(new CompanyId(company), new CustomerId(customer));
            var (c, k) = AccountGrainKey.Parse(key);
            return c.Value == company && k.Value == customer;
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("ACME/K-1")]
    [InlineData("9:ACME/K-1")]
    [InlineData("4:ACME")]
    [InlineData("4:ACME/")]
    [InlineData("0:/K-1")]
    public void Parse_NotAKey_ThrowsArgumentException(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => AccountGrainKey.Parse(key));
    }

    [Fact]
    public void Format_DefaultIdentifier_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => AccountGrainKey.Format(default, new CustomerId("K-1")));
        Assert.Throws<ArgumentException>(() => AccountGrainKey.Format(new CompanyId("A"), default));
    }
}
