using Ardalis.GuardClauses;

namespace Debitor.Core;

/// <summary>Domain guards that refuse caller mistakes with an <see cref="ArgumentException"/> naming the argument.</summary>
internal static class GuardClauseExtensions
{
    /// <summary>Refuses an amount of money that is not greater than zero, or beyond <see cref="Bounds.MaxAmount"/>.</summary>
    internal static Money NotPositive(this IGuardClause guard, Money amount, string parameterName)
    {
        _ = guard;
        RequireCurrency(amount, parameterName);
        if (!amount.IsPositive)
        {
            throw new ArgumentException($"The amount must be greater than zero; it is {amount}.", parameterName);
        }

        return Bounds.Amount(amount, parameterName);
    }

    /// <summary>Refuses an amount with a fraction of its currency's minor unit (e.g. 1.005 EUR), or beyond <see cref="Bounds.MaxAmount"/>.</summary>
    internal static Money NotRounded(this IGuardClause guard, Money amount, string parameterName)
    {
        _ = guard;
        RequireCurrency(amount, parameterName);
        if (!amount.IsRounded)
        {
            throw new ArgumentException($"The amount {amount} has a fraction of a minor unit of {amount.Currency.Code}; round it first.", parameterName);
        }

        return Bounds.Amount(amount, parameterName);
    }

    /// <summary>Refuses an amount in another currency than expected.</summary>
    internal static Money OtherCurrency(this IGuardClause guard, Money amount, Currency expected, string parameterName)
    {
        _ = guard;
        if (amount.Currency != expected)
        {
            throw new ArgumentException($"The amount {amount} is not in {expected.Code}; amounts in different currencies are never combined.", parameterName);
        }

        return amount;
    }

    /// <summary>Refuses <c>default(Money)</c>.</summary>
    internal static void RequireCurrency(Money amount, string parameterName)
    {
        if (amount.Currency.Code.Length == 0)
        {
            throw new ArgumentException("The amount has no currency (default(Money)).", parameterName);
        }
    }
}
