using System.Globalization;
using Ardalis.GuardClauses;

namespace Debitor.Core.Banking;

/// <summary>
/// The key (clé RIB) of a French bank account identifier (relevé d'identité bancaire): bank code,
/// branch code, account number and a two-digit key.
/// </summary>
/// <remarks>
/// <para>
/// The bank code (code banque) and the branch code (code guichet) are five digits each; the account number
/// (numéro de compte) is eleven letters or digits. Letters count as digits by the RIB table: A, J → 1;
/// B, K, S → 2; C, L, T → 3; D, M, U → 4; E, N, V → 5; F, O, W → 6; G, P, X → 7; H, Q, Y → 8; I, R, Z → 9.
/// The key is 97 − ((89 × bank + 15 × branch + 3 × account) mod 97), written as two digits (01–97).
/// Letters may be given in either case.
/// </para>
/// <para>
/// In a French IBAN the RIB is the BBAN: <c>FR76 30002 00550 0000157845Z 02</c> carries bank 30002,
/// branch 00550, account 0000157845Z and key 02.
/// </para>
/// <para>The methods are pure and thread-safe.</para>
/// </remarks>
public static class FrenchRib
{
    private const int BankCodeLength = 5;
    private const int BranchCodeLength = 5;
    private const int AccountNumberLength = 11;

    /// <summary>Computes the RIB key of an account.</summary>
    /// <param name="bankCode">The five-digit bank code, for example <c>30002</c>.</param>
    /// <param name="branchCode">The five-digit branch code, for example <c>00550</c>.</param>
    /// <param name="accountNumber">The eleven-character account number, for example <c>0000157845Z</c>.</param>
    /// <returns>The key as two digits, <c>01</c> to <c>97</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="bankCode"/> or <paramref name="branchCode"/> is not five digits, or
    /// <paramref name="accountNumber"/> is not eleven letters or digits.
    /// </exception>
    public static string ComputeKey(string bankCode, string branchCode, string accountNumber)
    {
        Guard.Against.NotDigits(bankCode, BankCodeLength, BankCodeLength);
        Guard.Against.NotDigits(branchCode, BranchCodeLength, BranchCodeLength);
        Guard.Against.NotAlphanumeric(accountNumber, AccountNumberLength);
        return Key(bankCode, branchCode, accountNumber).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Whether a RIB is well formed and its key is right.</summary>
    /// <param name="bankCode">The bank code: five digits.</param>
    /// <param name="branchCode">The branch code: five digits.</param>
    /// <param name="accountNumber">The account number: eleven letters or digits.</param>
    /// <param name="key">The key: two digits.</param>
    /// <returns>
    /// <see langword="true"/> when every part is well formed and the key matches; <see langword="false"/>
    /// otherwise, also for <see langword="null"/> or malformed parts (it never throws).
    /// </returns>
    public static bool IsValid(string? bankCode, string? branchCode, string? accountNumber, string? key)
    {
        if (bankCode is not { Length: BankCodeLength } || !IdentifierText.AreDigits(bankCode)
            || branchCode is not { Length: BranchCodeLength } || !IdentifierText.AreDigits(branchCode)
            || accountNumber is not { Length: AccountNumberLength } || !IdentifierText.AreAsciiLettersOrDigits(accountNumber)
            || key is not { Length: 2 } || !IdentifierText.AreDigits(key))
        {
            return false;
        }

        return Key(bankCode, branchCode, accountNumber) == ((key[0] - '0') * 10) + (key[1] - '0');
    }

    private static int Key(string bankCode, string branchCode, string accountNumber)
    {
        long sum = (89L * Value(bankCode)) + (15L * Value(branchCode)) + (3L * Value(accountNumber));
        return 97 - (int)(sum % 97);
    }

    private static long Value(string text)
    {
        long value = 0;
        foreach (char c in text)
        {
            value = (value * 10) + RibDigit(c);
        }

        return value;
    }

    /// <summary>The RIB value of a digit or letter: the digit itself, or 1–9 by the RIB letter table.</summary>
    private static int RibDigit(char c)
    {
        if (IdentifierText.IsDigit(c))
        {
            return c - '0';
        }

        int letter = char.ToUpperInvariant(c) - 'A';

        // A–I → 1–9, J–R → 1–9, S–Z → 2–9: the letters run in three rows, the last one starting at 2.
        return letter < 18 ? (letter % 9) + 1 : letter - 18 + 2;
    }
}
