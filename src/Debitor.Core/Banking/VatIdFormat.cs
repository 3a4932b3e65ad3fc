using System.Globalization;

namespace Debitor.Core.Banking;

/// <summary>
/// The format of one country's VAT identification numbers: the prefix, the number patterns and the check-digit algorithm.
/// </summary>
/// <remarks>
/// <para>
/// A pattern describes the number after the prefix as alternatives separated by <c>|</c>. Each alternative is a
/// sequence of runs, a count and a class (<c>n</c> digit, <c>a</c> upper-case letter, <c>c</c> either), and of
/// literal characters in single quotes. For example <c>'U'8n</c> is <c>U</c> followed by eight digits, and
/// <c>9n'B'2n</c> is nine digits, <c>B</c> and two digits.
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
internal sealed class VatIdFormat
{
    private readonly Run[][] _alternatives;

    /// <summary>Initializes a format.</summary>
    /// <param name="prefix">The two-letter prefix, for example <c>DE</c> or <c>EL</c>.</param>
    /// <param name="pattern">The patterns of the number after the prefix.</param>
    /// <param name="check">The check-digit algorithm.</param>
    /// <exception cref="ArgumentException">The pattern cannot be read.</exception>
    public VatIdFormat(string prefix, string pattern, VatIdCheck check)
    {
        Prefix = prefix;
        Pattern = pattern;
        Check = check;
        _alternatives = Array.ConvertAll(pattern.Split('|'), alternative => Compile(alternative, prefix));
        MaxNumberLength = _alternatives.Max(runs => runs.Sum(run => run.Length));
    }

    /// <summary>Gets the two-letter prefix.</summary>
    public string Prefix { get; }

    /// <summary>Gets the patterns as written.</summary>
    public string Pattern { get; }

    /// <summary>Gets the check-digit algorithm.</summary>
    public VatIdCheck Check { get; }

    /// <summary>Gets the length of the longest number the patterns allow.</summary>
    public int MaxNumberLength { get; }

    /// <summary>Whether a number (after the prefix) fits one of the patterns.</summary>
    /// <param name="number">The number in upper case.</param>
    /// <returns><see langword="true"/> when an alternative matches.</returns>
    public bool Matches(ReadOnlySpan<char> number)
    {
        foreach (var runs in _alternatives)
        {
            if (Matches(runs, number))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(Run[] runs, ReadOnlySpan<char> number)
    {
        int position = 0;
        foreach (var run in runs)
        {
            if (position + run.Length > number.Length)
            {
                return false;
            }

            var part = number.Slice(position, run.Length);
            bool fits = run.Kind switch
            {
                RunKind.Literal => part.SequenceEqual(run.Literal),
                RunKind.Digits => IdentifierText.AreDigits(part),
                RunKind.Letters => !part.ContainsAnyExceptInRange('A', 'Z'),
                _ => IdentifierText.AreUpperAlphanumeric(part),
            };
            if (!fits)
            {
                return false;
            }

            position += run.Length;
        }

        return position == number.Length;
    }

    private static Run[] Compile(string alternative, string prefix)
    {
        var runs = new List<Run>();
        int count = 0;
        for (int i = 0; i < alternative.Length; i++)
        {
            char c = alternative[i];
            if (IdentifierText.IsDigit(c))
            {
                count = (count * 10) + (c - '0');
            }
            else if (c == '\'')
            {
                int end = alternative.IndexOf('\'', i + 1);
                if (count != 0 || end <= i + 1)
                {
                    throw new ArgumentException($"The VAT pattern '{alternative}' of {prefix} has a bad literal.", nameof(alternative));
                }

                runs.Add(new Run(RunKind.Literal, end - i - 1, alternative[(i + 1)..end]));
                i = end;
            }
            else
            {
                var kind = c switch
                {
                    'n' => RunKind.Digits,
                    'a' => RunKind.Letters,
                    'c' => RunKind.Alphanumeric,
                    _ => throw new ArgumentException($"The VAT pattern '{alternative}' of {prefix} has an unknown class '{c}'.", nameof(alternative)),
                };
                if (count == 0)
                {
                    throw new ArgumentException($"The VAT pattern '{alternative}' of {prefix} has a class without a count.", nameof(alternative));
                }

                runs.Add(new Run(kind, count, string.Empty));
                count = 0;
            }
        }

        if (count != 0 || runs.Count == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The VAT pattern '{alternative}' of {prefix} is incomplete."),
                nameof(alternative));
        }

        return [.. runs];
    }

    private enum RunKind
    {
        Literal,
        Digits,
        Letters,
        Alphanumeric,
    }

    private readonly record struct Run(RunKind Kind, int Length, string Literal);
}
