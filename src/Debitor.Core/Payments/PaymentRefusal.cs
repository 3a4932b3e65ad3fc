using System.Globalization;
using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>Why a payment was refused. A refused payment changes nothing.</summary>
public enum PaymentRefusalReason
{
    /// <summary>The customer the payment was received from does not exist.</summary>
    UnknownCustomer,

    /// <summary>The amount is zero or negative.</summary>
    AmountNotPositive,

    /// <summary>The amount has a fraction of the currency's minor unit.</summary>
    AmountNotRounded,

    /// <summary>An item the payer designated explicitly is in another currency than the payment.</summary>
    CurrencyMismatch,

    /// <summary>The value date lies further in the future than the configured limit allows.</summary>
    ValueDateTooFarAhead,
}

/// <summary>A payment that is not applied, and why. A business answer, not an error: nothing was changed.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Message">The reason in words (invariant English).</param>
public sealed record PaymentRefusal(PaymentRefusalReason Reason, string Message);

/// <summary>The checks that may refuse a payment before anything is allocated or posted.</summary>
internal static class PaymentChecks
{
    /// <summary>Returns the refusal, or <see langword="null"/> when the payment may be applied.</summary>
    internal static PaymentRefusal? Check(IncomingPayment payment, IReadOnlyList<CustomerAccount> accounts, LocalDate today, int maxDaysAhead)
    {
        var amount = payment.Amount;
        if (!amount.IsPositive)
        {
            return new PaymentRefusal(PaymentRefusalReason.AmountNotPositive, $"The amount must be greater than zero; it is {amount}.");
        }

        if (!amount.IsRounded)
        {
            return new PaymentRefusal(PaymentRefusalReason.AmountNotRounded, $"The amount {amount} has a fraction of a minor unit of {amount.Currency.Code}.");
        }

        var latest = today.PlusDays(maxDaysAhead);
        if (payment.ValueDate > latest)
        {
            return new PaymentRefusal(
                PaymentRefusalReason.ValueDateTooFarAhead,
                string.Create(CultureInfo.InvariantCulture, $"The value date {payment.ValueDate:yyyy-MM-dd} is after {latest:yyyy-MM-dd}, the latest accepted ({maxDaysAhead} days after {today:yyyy-MM-dd})."));
        }

        foreach (var designated in payment.DesignatedItems)
        {
            foreach (var account in accounts)
            {
                if (account.FindItem(designated) is { IsClaim: true } item && item.Currency != amount.Currency)
                {
                    return new PaymentRefusal(
                        PaymentRefusalReason.CurrencyMismatch,
                        $"The payment is in {amount.Currency.Code} but the designated item '{designated}' of customer '{account.Id}' is in {item.Currency.Code}; amounts in different currencies are never combined.");
                }
            }
        }

        return null;
    }
}
