using System.Globalization;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;

namespace Debitor.Core.Banking;

/// <summary>Guard clauses for the arguments of the banking factories.</summary>
internal static class BankingGuards
{
    /// <summary>Throws unless <paramref name="input"/> is <paramref name="minLength"/> to <paramref name="maxLength"/> ASCII digits.</summary>
    /// <param name="guardClause">The guard clause.</param>
    /// <param name="input">The argument.</param>
    /// <param name="minLength">The fewest digits allowed.</param>
    /// <param name="maxLength">The most digits allowed.</param>
    /// <param name="parameterName">The name of the argument, filled in by the compiler.</param>
    /// <returns>The argument.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not digits of an allowed length.</exception>
    public static string NotDigits(
        this IGuardClause guardClause,
        string input,
        int minLength,
        int maxLength,
        [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        Guard.Against.Null(input, parameterName);
        if (input.Length < minLength || input.Length > maxLength || !IdentifierText.AreDigits(input))
        {
            string expected = minLength == maxLength
                ? string.Create(CultureInfo.InvariantCulture, $"{minLength} digits")
                : string.Create(CultureInfo.InvariantCulture, $"{minLength} to {maxLength} digits");
            throw new ArgumentException($"'{input}' is not {expected}.", parameterName);
        }

        return input;
    }

    /// <summary>Throws unless <paramref name="input"/> is exactly <paramref name="length"/> ASCII letters (either case) or digits.</summary>
    /// <param name="guardClause">The guard clause.</param>
    /// <param name="input">The argument.</param>
    /// <param name="length">The required length.</param>
    /// <param name="parameterName">The name of the argument, filled in by the compiler.</param>
    /// <returns>The argument.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not letters and digits of the required length.</exception>
    public static string NotAlphanumeric(
        this IGuardClause guardClause,
        string input,
        int length,
        [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        Guard.Against.Null(input, parameterName);
        if (input.Length != length || !IdentifierText.AreAsciiLettersOrDigits(input))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{input}' is not {length} letters or digits."),
                parameterName);
        }

        return input;
    }
}
