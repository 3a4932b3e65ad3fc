using Debitor.Core.Payments;
using static Debitor.Core.Tests.TestData;

namespace Debitor.Core.Tests.Payments;

public sealed class IncomingPaymentTests
{
    [Fact]
    public void Constructor_NegativeAmount_IsAccepted_TheUseCaseRefusesIt()
    {
        var payment = new IncomingPayment(Id("p"), Eur(-1m), Today);

        Assert.Equal(Eur(-1m), payment.Amount);
    }

    [Fact]
    public void Constructor_AmountWithoutCurrency_Throws()
    {
        Assert.Throws<ArgumentException>(() => new IncomingPayment(Id("p"), default, Today));
    }

    [Fact]
    public void Constructor_IdTooLong_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new IncomingPayment(Id(new string('p', 151)), Eur(1m), Today));

        Assert.Equal("id", exception.ParamName);
    }

    [Fact]
    public void Equality_ComparesDesignatedItemsByContent()
    {
        Assert.Equal(
            new IncomingPayment(Id("p"), Eur(1m), Today, designatedItems: [Id("a")]),
            new IncomingPayment(Id("p"), Eur(1m), Today, designatedItems: [Id("a")]));
    }
}
