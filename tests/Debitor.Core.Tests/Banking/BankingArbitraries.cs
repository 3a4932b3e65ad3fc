using Debitor.Core.Banking;
using FsCheck;
using FsCheck.Fluent;

namespace Debitor.Core.Tests.Banking;

/// <summary>A valid IBAN in electronic format, built by <see cref="BankingArbitraries"/>.</summary>
public sealed record ValidIban(string Text)
{
    public override string ToString() => Text;
}

/// <summary>FsCheck arbitraries that produce only valid banking values.</summary>
public static class BankingArbitraries
{
    private const string Digits = "0123456789";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumerics = Digits + Letters;

    /// <summary>
    /// A valid IBAN for a random registry country: the BBAN structure filled with random characters of the
    /// allowed class, the check digits computed.
    /// </summary>
    public static Arbitrary<ValidIban> ValidIbans() =>
        (from format in Gen.Elements(IbanRegistry.All.ToArray())
         from bban in Gen.CollectToArray(Enumerable.Range(0, format.BbanLength).Select(i => Gen.Elements(CharactersOf(format.ClassAt(i)).ToCharArray())))
         select new ValidIban(Iban.Create(format.CountryCode, new string(bban)).ToString()))
        .ToArbitrary();

    private static string CharactersOf(int classBits) => classBits switch
    {
        IbanCountryFormat.Digit => Digits,
        IbanCountryFormat.Letter => Letters,
        _ => Alphanumerics,
    };
}
