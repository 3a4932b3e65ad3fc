namespace Debitor.Core.Payments;

/// <summary>
/// Finds document numbers in a payment's reference text without regular expressions: the text is cut into tokens
/// once per payment, each token is hashed in normalized form, and each open item's document number (hashed once
/// when the index is built) is compared by hash, then confirmed character by character.
/// </summary>
/// <remarks>
/// <para>Normalized form: letters and digits only, upper case (invariant); <c>-</c>, <c>/</c>, <c>.</c> and
/// <c>_</c> are ignored, so "RE-2026/001" matches "re2026001".</para>
/// <para>Tokens are maximal runs of letters, digits and those four separators. A token must contain a digit
/// (document numbers do; words such as "Rechnung" are skipped). A token that contains <c>/</c> or <c>.</c> is also
/// tried part by part ("RE-1/RE-2" designates RE-1 and RE-2; "Nr.4711" designates 4711).</para>
/// </remarks>
internal static class ReferenceMatcher
{
    /// <summary>At most this many tokens of a reference are considered; bank references are short.</summary>
    internal const int MaxTokens = 32;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>One token: where it is in the reference and the hash of its normalized form.</summary>
    internal readonly record struct Token(int Start, int Length, ulong Hash);

    /// <summary>Cuts a reference into tokens; returns how many were written to <paramref name="tokens"/>.</summary>
    internal static int Tokenize(ReadOnlySpan<char> reference, Span<Token> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < reference.Length && count < tokens.Length)
        {
            while (i < reference.Length && !IsTokenChar(reference[i]))
            {
                i++;
            }

            var start = i;
            var hasDigit = false;
            var hasSplit = false;
            while (i < reference.Length && IsTokenChar(reference[i]))
            {
                var c = reference[i];
                hasDigit |= char.IsDigit(c);
                hasSplit |= c is '/' or '.';
                i++;
            }

            if (!hasDigit)
            {
                continue;
            }

            count = Add(reference, start, i - start, tokens, count);
            if (hasSplit)
            {
                var partStart = start;
                for (var k = start; k <= i && count < tokens.Length; k++)
                {
                    if (k == i || reference[k] is '/' or '.')
                    {
                        if (partStart > start || k < i)
                        {
                            count = Add(reference, partStart, k - partStart, tokens, count);
                        }

                        partStart = k + 1;
                    }
                }
            }
        }

        return count;
    }

    /// <summary>The hash of a text's normalized form.</summary>
    internal static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = FnvOffset;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = unchecked((hash ^ char.ToUpperInvariant(c)) * FnvPrime);
            }
        }

        return hash;
    }

    /// <summary>Whether two texts have the same normalized form.</summary>
    internal static bool NormalizedEquals(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < left.Length && !char.IsLetterOrDigit(left[i]))
            {
                i++;
            }

            while (j < right.Length && !char.IsLetterOrDigit(right[j]))
            {
                j++;
            }

            if (i == left.Length || j == right.Length)
            {
                return i == left.Length && j == right.Length;
            }

            if (char.ToUpperInvariant(left[i]) != char.ToUpperInvariant(right[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    private static int Add(ReadOnlySpan<char> reference, int start, int length, Span<Token> tokens, int count)
    {
        var text = reference.Slice(start, length);
        if (count >= tokens.Length || !ContainsDigit(text))
        {
            return count;
        }

        var hash = Hash(text);
        for (var k = 0; k < count; k++)
        {
            if (tokens[k].Hash == hash && NormalizedEquals(reference.Slice(tokens[k].Start, tokens[k].Length), text))
            {
                return count;
            }
        }

        tokens[count] = new Token(start, length, hash);
        return count + 1;
    }

    private static bool ContainsDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '/' or '.' or '_';
}
