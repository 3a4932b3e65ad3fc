using Debitor.Core.Payments;

namespace Debitor.Core.Tests.Payments;

public sealed class ReferenceMatcherTests
{
    private static string[] Tokens(string reference)
    {
        Span<ReferenceMatcher.Token> tokens = stackalloc ReferenceMatcher.Token[ReferenceMatcher.MaxTokens];
        var count = ReferenceMatcher.Tokenize(reference, tokens);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = reference.Substring(tokens[i].Start, tokens[i].Length);
        }

        return result;
    }

    [Fact]
    public void Tokenize_SkipsWordsWithoutDigits()
    {
        Assert.Equal(["RE-2026-001", "RE-2026-002"], Tokens("Rechnung RE-2026-001, RE-2026-002 danke"));
    }

    [Fact]
    public void Tokenize_SlashOrDot_AlsoTriesTheParts()
    {
        Assert.Equal(["RE-1/RE-2", "RE-1", "RE-2"], Tokens("RE-1/RE-2"));
        Assert.Equal(["Nr.4711", "4711"], Tokens("Nr.4711"));
    }

    [Fact]
    public void Tokenize_SameNormalizedTokenTwice_KeepsOne()
    {
        Assert.Equal(["RE-1"], Tokens("RE-1 re1 Re_1"));
    }

    [Fact]
    public void Tokenize_ManyTokens_StopsAtTheLimit()
    {
        var reference = string.Join(" ", Enumerable.Range(1, 100).Select(i => "R" + i));

        Assert.Equal(ReferenceMatcher.MaxTokens, Tokens(reference).Length);
    }

    private static bool Matches(ReferenceMatcher.Tokens tokens, string documentNumber)
    {
        var tail = ReferenceMatcher.Tail(documentNumber);
        return tokens.MayContain(tail) && tokens.Contains(documentNumber, tail);
    }

    [Fact]
    public void Tokens_Contains_FindsTheDocumentNumbersOfTheReference()
    {
        const string reference = "Rechnung re-2026-0042 und RE-2026-0043/RE-2026-0044";
        Span<ReferenceMatcher.Token> found = stackalloc ReferenceMatcher.Token[ReferenceMatcher.MaxTokens];
        var tokens = new ReferenceMatcher.Tokens(reference, found[..ReferenceMatcher.Tokenize(reference, found)]);

        Assert.True(Matches(tokens, "RE-2026-0042"));
        Assert.True(Matches(tokens, "RE-2026-0043"));
        Assert.True(Matches(tokens, "RE 2026 0044"));
        Assert.False(Matches(tokens, "RE-2026-0045"));
        Assert.False(Matches(tokens, "RE-2026-004"));
        Assert.False(Matches(tokens, "---"));
    }

    [Theory]
    [InlineData("RE-2026/0042", "re20260042", true)]
    [InlineData("RE-2026/0042", "RE 2026 0042", true)]
    [InlineData("RE-2026/0042", "RE-2026/0043", false)]
    [InlineData("4711", "47110", false)]
    [InlineData("", "---", true)]
    [InlineData("Ä-1", "ä1", true)]
    public void NormalizedEquals_IgnoresCaseAndSeparators(string left, string right, bool equal)
    {
        Assert.Equal(equal, ReferenceMatcher.NormalizedEquals(left, right));
        if (equal)
        {
            Assert.Equal(ReferenceMatcher.Tail(left), ReferenceMatcher.Tail(right));
        }
    }
}
