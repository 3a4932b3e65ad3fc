namespace Debitor.Core;

/// <summary>
/// Thrown when two amounts in different currencies meet in one operation (addition, subtraction,
/// comparison). Amounts in different currencies are never added or compared.
/// </summary>
public sealed class CurrencyMismatchException : DebitorException
{
    /// <summary>Initializes a new instance for the two currencies that met.</summary>
    /// <param name="expected">The currency of the left operand (or of the account).</param>
    /// <param name="actual">The currency that did not match.</param>
    public CurrencyMismatchException(Currency expected, Currency actual)
        : base($"Currencies do not match: {Describe(expected)} and {Describe(actual)}. Amounts in different currencies are never combined.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The currency of the left operand (or of the account).</summary>
    public Currency Expected { get; }

    /// <summary>The currency that did not match.</summary>
    public Currency Actual { get; }

    private static string Describe(Currency currency) => currency.Code.Length == 0 ? "(no currency)" : currency.Code;
}
