using Ardalis.GuardClauses;
using Debitor.Core.Ledger;

namespace Debitor.Core.Payments;

/// <summary>A small residual of a partly settled installment, proposed for write-off.</summary>
/// <param name="Target">The installment.</param>
/// <param name="DocumentNumber">Its item's document number.</param>
/// <param name="OpenAmount">What is still open; written off in full.</param>
public sealed record ResidualItem(InstallmentRef Target, string DocumentNumber, Money OpenAmount);

/// <summary>Finds small residuals: installments left open by a few cents after a payment or credit note.</summary>
/// <remarks>
/// <para>A residual is an open installment of a claim whose open amount is greater than zero and strictly below the
/// threshold for its currency, and that was partly settled by a payment or credit note on or before the as-of date.
/// A claim never paid at all is not a residual, however small; nor is an item handed over to a lawyer or collection
/// agency (it is theirs to settle). Currencies without a threshold are left alone.</para>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public static class ResidualWriteOffs
{
    /// <summary>Lists the residuals of an account.</summary>
    /// <param name="account">The account.</param>
    /// <param name="thresholds">One threshold per currency, each greater than zero.</param>
    /// <param name="asOf">Only installments settled in part on or before this date count.</param>
    /// <returns>The residuals, in the order the account lists its items.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> or <paramref name="thresholds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A threshold is not greater than zero or two share a currency.</exception>
    public static IReadOnlyList<ResidualItem> Find(CustomerAccount account, IReadOnlyList<Money> thresholds, LocalDate asOf)
    {
        Guard.Against.Null(account);
        CheckThresholds(thresholds, nameof(thresholds));
        var result = new List<ResidualItem>();
        foreach (var item in account.Items)
        {
            if (!item.IsClaim || item.IsReversed || item.LegalStatus != LegalStatus.None || item.OpenValue <= 0m
                || ThresholdFor(thresholds, item.Currency) is not { } threshold)
            {
                continue;
            }

            foreach (var installment in item.InstallmentStates)
            {
                if (installment.IsOpen && installment.OpenValue < threshold && WasSettledInPart(installment, asOf))
                {
                    result.Add(new ResidualItem(installment.Ref, item.DocumentNumber, installment.OpenAmount));
                }
            }
        }

        return result;
    }

    /// <summary>Refuses a threshold list that is null, has a non-positive entry or two entries in one currency.</summary>
    internal static void CheckThresholds(IReadOnlyList<Money> thresholds, string parameterName)
    {
        Guard.Against.Null(thresholds, parameterName);
        for (var i = 0; i < thresholds.Count; i++)
        {
            Guard.Against.NotPositive(thresholds[i], parameterName);
            for (var k = 0; k < i; k++)
            {
                if (thresholds[k].Currency == thresholds[i].Currency)
                {
                    throw new ArgumentException($"Two thresholds in {thresholds[i].Currency.Code}; give one per currency.", parameterName);
                }
            }
        }
    }

    private static decimal? ThresholdFor(IReadOnlyList<Money> thresholds, Currency currency)
    {
        foreach (var threshold in thresholds)
        {
            if (threshold.Currency == currency)
            {
                return threshold.Amount;
            }
        }

        return null;
    }

    private static bool WasSettledInPart(OpenInstallment installment, LocalDate asOf)
    {
        foreach (var settlement in installment.Settlements)
        {
            if (settlement.IsActive && settlement.Kind is SettlementKind.Payment or SettlementKind.CreditNote && settlement.Date <= asOf)
            {
                return true;
            }
        }

        return false;
    }
}
