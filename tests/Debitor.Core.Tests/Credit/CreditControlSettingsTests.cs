using Debitor.Core.Credit;
using Debitor.Core.Ledger;

namespace Debitor.Core.Tests.Credit;

public sealed class CreditControlSettingsTests
{
    [Fact]
    public void Default_HasNoReleasePeriodsNoInternalDueDateNoDeliveryStop()
    {
        var settings = CreditControlSettings.Default;

        Assert.Empty(settings.ReleasePeriods);
        Assert.Null(settings.InternalOverdueDays);
        Assert.Null(settings.DeliveryStopDays);
        Assert.Empty(settings.WarningOnly);
        Assert.All(Enum.GetValues<PaymentMethod>(), m => Assert.Equal(0, settings.ReleaseDaysFor(m)));
    }

    [Fact]
    public void WithReleasePeriod_SetsAndReplaces()
    {
        var settings = CreditControlSettings.Default
            .WithReleasePeriod(PaymentMethod.Cheque, 10)
            .WithReleasePeriod(PaymentMethod.DirectDebit, 5)
            .WithReleasePeriod(PaymentMethod.Cheque, 12);

        Assert.Equal(12, settings.ReleaseDaysFor(PaymentMethod.Cheque));
        Assert.Equal(5, settings.ReleaseDaysFor(PaymentMethod.DirectDebit));
        Assert.Equal(2, settings.ReleasePeriods.Count);
        Assert.Equal(settings, CreditControlSettings.Default.WithReleasePeriod(PaymentMethod.DirectDebit, 5).WithReleasePeriod(PaymentMethod.Cheque, 12));
    }

    [Fact]
    public void ReleasePeriods_TwiceForOneMethod_Throws() =>
        Assert.Throws<ArgumentException>(() => CreditControlSettings.Default with
        {
            ReleasePeriods = [new PaymentReleasePeriod(PaymentMethod.Cheque, 1), new PaymentReleasePeriod(PaymentMethod.Cheque, 2)],
        });

    [Fact]
    public void PaymentReleasePeriod_NegativeDays_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentReleasePeriod(PaymentMethod.Cheque, -1));

    [Fact]
    public void PaymentReleasePeriod_UndefinedMethod_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new PaymentReleasePeriod((PaymentMethod)42, 1));

    [Fact]
    public void DeliveryStopDays_Zero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditControlSettings.Default with { DeliveryStopDays = 0 });

    [Fact]
    public void InternalOverdueDays_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditControlSettings.Default with { InternalOverdueDays = -1 });

    [Fact]
    public void WarningOnly_IsDistinctAndOrdered() =>
        Assert.Equal(
            [CreditRefusalReason.CreditLimitExceeded, CreditRefusalReason.Overdue],
            (CreditControlSettings.Default with { WarningOnly = [CreditRefusalReason.Overdue, CreditRefusalReason.CreditLimitExceeded, CreditRefusalReason.Overdue] }).WarningOnly);
}
