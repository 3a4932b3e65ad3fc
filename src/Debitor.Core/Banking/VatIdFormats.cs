namespace Debitor.Core.Banking;

/// <summary>
/// The VAT identification number formats of the EU member states and of Northern Ireland (XI), as data.
/// </summary>
/// <remarks>
/// Greece uses the prefix EL, not its ISO code GR. Compiled from the formats the European Commission
/// documents for VIES, as known in 2025; see docs/banking.md. The table never changes and is safe to use
/// from any thread.
/// </remarks>
internal static class VatIdFormats
{
    private static readonly VatIdFormat[] Entries =
    [
        new("AT", "'U'8n", VatIdCheck.Austria),                      // Austria
        new("BE", "'0'9n|'1'9n", VatIdCheck.Belgium),               // Belgium
        new("BG", "9n|10n", VatIdCheck.None),                       // Bulgaria
        new("CY", "8n1a", VatIdCheck.None),                         // Cyprus
        new("CZ", "8n|9n|10n", VatIdCheck.None),                    // Czechia
        new("DE", "9n", VatIdCheck.Mod11Of10),                      // Germany
        new("DK", "8n", VatIdCheck.Denmark),                        // Denmark
        new("EE", "9n", VatIdCheck.None),                           // Estonia
        new("EL", "9n", VatIdCheck.None),                           // Greece
        new("ES", "1a7n1a|1a7n1n|1n7n1a", VatIdCheck.None),         // Spain: first and last not both digits
        new("FI", "8n", VatIdCheck.None),                           // Finland
        new("FR", "2c9n", VatIdCheck.France),                       // France: key, then the SIREN
        new("HR", "11n", VatIdCheck.Mod11Of10),                     // Croatia (OIB)
        new("HU", "8n", VatIdCheck.None),                           // Hungary
        new("IE", "7n1a|7n2a|1n1a5n1a", VatIdCheck.None),           // Ireland: current and old formats
        new("IT", "11n", VatIdCheck.Italy),                         // Italy
        new("LT", "9n|12n", VatIdCheck.None),                       // Lithuania
        new("LU", "8n", VatIdCheck.None),                           // Luxembourg
        new("LV", "11n", VatIdCheck.None),                          // Latvia
        new("MT", "8n", VatIdCheck.None),                           // Malta
        new("NL", "9n'B'2n", VatIdCheck.None),                      // Netherlands
        new("PL", "10n", VatIdCheck.None),                          // Poland
        new("PT", "9n", VatIdCheck.None),                           // Portugal
        new("RO", "2n|3n|4n|5n|6n|7n|8n|9n|10n", VatIdCheck.None),  // Romania
        new("SE", "10n'01'", VatIdCheck.None),                      // Sweden
        new("SI", "8n", VatIdCheck.None),                           // Slovenia
        new("SK", "10n", VatIdCheck.None),                          // Slovakia
        new("XI", "9n|12n|'GD'3n|'HA'3n", VatIdCheck.None),         // Northern Ireland (UK VAT number formats)
    ];

    private static readonly VatIdFormat?[] ByPrefix = Index(Entries);

    /// <summary>Gets every format, in prefix order.</summary>
    public static IReadOnlyList<VatIdFormat> All => Entries;

    /// <summary>Gets the length of the longest VAT number of any country, prefix included.</summary>
    public static int MaxLength { get; } = 2 + Entries.Max(entry => entry.MaxNumberLength);

    /// <summary>Finds the format for a prefix given as two characters.</summary>
    /// <param name="first">The first letter of the prefix.</param>
    /// <param name="second">The second letter of the prefix.</param>
    /// <returns>The format, or <see langword="null"/> when the prefix is not known.</returns>
    public static VatIdFormat? Find(char first, char second)
    {
        return char.IsAsciiLetterUpper(first) && char.IsAsciiLetterUpper(second)
            ? ByPrefix[((first - 'A') * 26) + (second - 'A')]
            : null;
    }

    private static VatIdFormat?[] Index(VatIdFormat[] entries)
    {
        var byPrefix = new VatIdFormat?[26 * 26];
        foreach (var entry in entries)
        {
            byPrefix[((entry.Prefix[0] - 'A') * 26) + (entry.Prefix[1] - 'A')] = entry;
        }

        return byPrefix;
    }
}
