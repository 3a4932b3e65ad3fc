using Debitor.Core.Documents;

namespace Debitor.Core.Tests.Documents;

public sealed class ReceivablesContactTests
{
    [Fact]
    public void Constructor_EmptyName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ReceivablesContact(" "));
    }

    [Fact]
    public void Default_HasANameAndNothingElse()
    {
        Assert.Equal(("Accounts receivable", null, null), (ReceivablesContact.Default.Name, ReceivablesContact.Default.Phone, ReceivablesContact.Default.Email));
    }
}
