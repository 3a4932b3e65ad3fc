using System.Globalization;

namespace Debitor.Core.Banking;

/// <summary>The outcome of <see cref="IdentifierText.Normalize"/>.</summary>
internal enum IdentifierTextStatus
{
    /// <summary>Only letters, digits and single inner spaces: the normalized text is in the buffer.</summary>
    Valid,

    /// <summary>Nothing but white space.</summary>
    Empty,

    /// <summary>A character other than a letter, a digit or a single inner space.</summary>
    InvalidCharacter,
}

/// <summary>
/// Turns what a person typed into the electronic form shared by the bank identifiers:
/// upper-case ASCII letters and digits, nothing else.
/// </summary>
/// <remarks>
/// Surrounding white space is trimmed; a single space between two characters is dropped (print format);
/// ASCII lower-case letters become upper case. Any other character — a second space in a row,
/// a tab or line break inside, a hyphen, a dot, a slash, a non-ASCII letter — is refused:
/// silently dropping punctuation could turn a mistyped identifier into someone else's.
/// </remarks>
internal static class IdentifierText
{
    /// <summary>Normalizes <paramref name="input"/> into <paramref name="destination"/> without allocating.</summary>
    /// <param name="input">The text as given.</param>
    /// <param name="destination">
    /// Receives the normalized characters; characters beyond its length are checked and counted but not written.
    /// </param>
    /// <param name="length">The normalized length, which may exceed the length of <paramref name="destination"/>.</param>
    /// <param name="changed">
    /// <see langword="false"/> when the input was already in electronic form, so the caller may keep the input string.
    /// </param>
    /// <param name="invalidAt">For <see cref="IdentifierTextStatus.InvalidCharacter"/>, the index of the refused character in <paramref name="input"/>; otherwise -1.</param>
    /// <returns>Whether the text is usable.</returns>
    public static IdentifierTextStatus Normalize(
        ReadOnlySpan<char> input,
        Span<char> destination,
        out int length,
        out bool changed,
        out int invalidAt)
    {
        int start = 0;
        int end = input.Length;
        while (start < end && char.IsWhiteSpace(input[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(input[end - 1]))
        {
            end--;
        }

        length = 0;
        invalidAt = -1;
        changed = start != 0 || end != input.Length;
        if (start == end)
        {
            return IdentifierTextStatus.Empty;
        }

        for (int i = start; i < end; i++)
        {
            char c = input[i];
            if (char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            {
                // Already in electronic form.
            }
            else if (char.IsAsciiLetterLower(c))
            {
                c = (char)(c - ('a' - 'A'));
                changed = true;
            }
            else if (c == ' ' && input[i - 1] != ' ')
            {
                // A single inner space: trimming guarantees a non-space on both sides, unless doubled.
                changed = true;
                continue;
            }
            else
            {
                invalidAt = i;
                return IdentifierTextStatus.InvalidCharacter;
            }

            if (length < destination.Length)
            {
                destination[length] = c;
            }

            length++;
        }

        return IdentifierTextStatus.Valid;
    }

    /// <summary>Whether <paramref name="c"/> is an upper-case ASCII letter.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for <c>A</c>–<c>Z</c>.</returns>
    public static bool IsUpperLetter(char c) => char.IsAsciiLetterUpper(c);

    /// <summary>Whether <paramref name="c"/> is an ASCII decimal digit.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for <c>0</c>–<c>9</c>.</returns>
    public static bool IsDigit(char c) => char.IsAsciiDigit(c);

    /// <summary>Whether every character of <paramref name="text"/> is an ASCII decimal digit.</summary>
    /// <param name="text">The characters.</param>
    /// <returns><see langword="true"/> when all are digits (also for an empty span).</returns>
    public static bool AreDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every character of <paramref name="text"/> is an upper-case ASCII letter or a digit.</summary>
    /// <param name="text">The characters.</param>
    /// <returns><see langword="true"/> when all are upper-case letters or digits (also for an empty span).</returns>
    public static bool AreUpperAlphanumeric(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!IsDigit(c) && !IsUpperLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every character of <paramref name="text"/> is an ASCII letter (either case) or digit.</summary>
    /// <param name="text">The characters.</param>
    /// <returns><see langword="true"/> when all are ASCII letters or digits (also for an empty span).</returns>
    public static bool AreAsciiLettersOrDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes a refused character for an error message, making invisible ones visible.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The character in quotes, or its code point for white space and control characters.</returns>
    public static string Describe(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : string.Create(CultureInfo.InvariantCulture, $"'{c}'");
}
