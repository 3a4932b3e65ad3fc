namespace Debitor.Core.Payments;

/// <summary>
/// Finds document numbers in a payment's reference text without regular expressions. The reference is cut into tokens
/// once per payment, and the set of the tokens' last characters is kept as a bit mask. Each open item's document number
/// is then checked in constant time for the usual case: its last character (normalized) is looked up in the mask, and
/// only on a hit compared with the tokens, from the end, where document numbers differ most.
/// </summary>
/// <remarks>
/// <para>Normalized form: letters and digits only, upper case (invariant); everything else is ignored, so
/// "RE-2026/001" matches "re2026001".</para>
/// <para>Tokens are maximal runs of letters, digits and <c>-</c>, <c>/</c>, <c>.</c>, <c>_</c>. A token must contain a
/// digit (document numbers do; words such as "Rechnung" are skipped). A token that contains <c>/</c> or <c>.</c> is
/// also tried part by part ("RE-1/RE-2" designates RE-1 and RE-2; "Nr.4711" designates 4711).</para>
/// </remarks>
internal static class ReferenceMatcher
{
    /// <summary>At most this many tokens of a reference are considered; bank references are short.</summary>
    internal const int MaxTokens = 32;

    /// <summary>One token: where it is in the reference and its <see cref="Tail"/>.</summary>
    internal readonly record struct Token(int Start, int Length, uint Tail)
    {
        internal char Last => (char)(Tail & 0xFFFF);
    }

    /// <summary>The tokens of one reference and the mask of their last characters.</summary>
    internal ref struct Tokens
    {
        private readonly ReadOnlySpan<char> _reference;
        private readonly ReadOnlySpan<Token> _tokens;
        private readonly ulong _low;
        private readonly ulong _high;
        private readonly bool _nonAscii;

        internal Tokens(ReadOnlySpan<char> reference, ReadOnlySpan<Token> tokens)
        {
            _reference = reference;
            _tokens = tokens;
            foreach (var token in tokens)
            {
                var c = token.Last;
                if (c < 64)
                {
                    _low |= 1UL << c;
                }
                else if (c < 128)
                {
                    _high |= 1UL << (c - 64);
                }
                else
                {
                    _nonAscii = true;
                }
            }
        }

        internal readonly bool IsEmpty => _tokens.IsEmpty;

        /// <summary>
        /// Whether a text with this <see cref="Tail"/> can be one of the tokens: a bit test, then a look at the few
        /// tokens. <see langword="false"/> is certain; <see langword="true"/> is confirmed by <see cref="Contains"/>.
        /// </summary>
        internal readonly bool MayContain(uint tail)
        {
            var last = (char)(tail & 0xFFFF);
            if (last == '\0')
            {
                return false;
            }

            var candidate = last < 64 ? (_low & (1UL << last)) != 0 : last < 128 ? (_high & (1UL << (last - 64))) != 0 : _nonAscii;
            if (candidate)
            {
                foreach (var token in _tokens)
                {
                    if (token.Tail == tail)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether a document number is one of the tokens.</summary>
        /// <param name="documentNumber">The document number.</param>
        /// <param name="tail">Its <see cref="Tail"/>, computed once per item.</param>
        internal readonly bool Contains(string documentNumber, uint tail)
        {
            foreach (var token in _tokens)
            {
                if (token.Tail == tail && NormalizedEquals(documentNumber, _reference.Slice(token.Start, token.Length)))
                {
                    return true;
                }
            }

            return false;
        }
    }

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
                hasDigit |= char.IsAsciiDigit(c) || (c >= 128 && char.IsDigit(c));
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

    /// <summary>Whether two texts have the same normalized form. Compares from the end.</summary>
    internal static bool NormalizedEquals(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        int i = left.Length - 1, j = right.Length - 1;
        while (true)
        {
            while (i >= 0 && !IsAlphanumeric(left[i]))
            {
                i--;
            }

            while (j >= 0 && !IsAlphanumeric(right[j]))
            {
                j--;
            }

            if (i < 0 || j < 0)
            {
                return i < 0 && j < 0;
            }

            if (Upper(left[i]) != Upper(right[j]))
            {
                return false;
            }

            i--;
            j--;
        }
    }

    /// <summary>
    /// The last two letters or digits of a text, upper case, as one number: the last in the low 16 bits, the one
    /// before in the high 16 bits; <c>'\0'</c> where there is none. Equal normalized texts have equal tails, so the tail
    /// rules out nearly every non-matching pair before a character-by-character comparison.
    /// </summary>
    internal static uint Tail(ReadOnlySpan<char> text)
    {
        uint tail = 0;
        var found = 0;
        for (var i = text.Length - 1; i >= 0 && found < 2; i--)
        {
            if (IsAlphanumeric(text[i]))
            {
                tail |= (uint)Upper(text[i]) << (16 * found++);
            }
        }

        return tail;
    }

    // ASCII fast paths; the unsigned range checks wrap on purpose.
    private static bool IsAlphanumeric(char c) =>
        c < 128 ? unchecked((uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 'z' - 'a') : char.IsLetterOrDigit(c);

    private static char Upper(char c) =>
        c < 128 ? (unchecked((uint)(c - 'a')) <= 'z' - 'a' ? (char)(c & ~0x20) : c) : char.ToUpperInvariant(c);

    private static int Add(ReadOnlySpan<char> reference, int start, int length, Span<Token> tokens, int count)
    {
        var text = reference.Slice(start, length);
        if (count >= tokens.Length || !ContainsDigit(text))
        {
            return count;
        }

        var tail = Tail(text);
        for (var k = 0; k < count; k++)
        {
            if (tokens[k].Tail == tail && NormalizedEquals(reference.Slice(tokens[k].Start, tokens[k].Length), text))
            {
                return count;
            }
        }

        tokens[count] = new Token(start, length, tail);
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

    private static bool IsTokenChar(char c) => IsAlphanumeric(c) || c is '-' or '/' or '.' or '_';
}
