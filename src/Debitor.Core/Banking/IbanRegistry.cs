namespace Debitor.Core.Banking;

/// <summary>
/// The countries and territories of the SWIFT IBAN registry (ISO 13616), as data:
/// one entry per IBAN country code with its total length and BBAN structure.
/// </summary>
/// <remarks>
/// <para>
/// Compiled from knowledge of the registry as it stood in 2025 (89 IBAN country codes);
/// docs/banking.md says how to update it.
/// Territories that use another country's code (for example Réunion and New Caledonia use FR,
/// Jersey and the Isle of Man use GB, Åland uses FI) have no entry of their own.
/// </para>
/// <para>
/// Lookup is by an array indexed by the two letters: no hashing, no allocation. The table is built once
/// and never changes, so it is safe to use from any thread.
/// </para>
/// </remarks>
internal static class IbanRegistry
{
    private static readonly IbanCountryFormat[] Entries =
    [
        new("AD", 24, "4n4n12c"),          // Andorra
        new("AE", 23, "3n16n"),            // United Arab Emirates
        new("AL", 28, "8n16c"),            // Albania
        new("AT", 20, "5n11n"),            // Austria
        new("AZ", 28, "4a20c"),            // Azerbaijan
        new("BA", 20, "3n3n8n2n"),         // Bosnia and Herzegovina
        new("BE", 16, "3n7n2n"),           // Belgium
        new("BG", 22, "4a4n2n8c"),         // Bulgaria
        new("BH", 22, "4a14c"),            // Bahrain
        new("BI", 27, "5n5n11n2n"),        // Burundi
        new("BR", 29, "8n5n10n1a1c"),      // Brazil
        new("BY", 28, "4c4n16c"),          // Belarus
        new("CH", 21, "5n12c"),            // Switzerland
        new("CR", 22, "4n14n"),            // Costa Rica
        new("CY", 28, "3n5n16c"),          // Cyprus
        new("CZ", 24, "4n6n10n"),          // Czechia
        new("DE", 22, "8n10n"),            // Germany
        new("DJ", 27, "5n5n11n2n"),        // Djibouti
        new("DK", 18, "4n9n1n"),           // Denmark
        new("DO", 28, "4c20n"),            // Dominican Republic
        new("EE", 20, "2n2n11n1n"),        // Estonia
        new("EG", 29, "4n4n17n"),          // Egypt
        new("ES", 24, "4n4n1n1n10n"),      // Spain
        new("FI", 18, "3n11n"),            // Finland (also Åland)
        new("FK", 18, "2a12n"),            // Falkland Islands
        new("FO", 18, "4n9n1n"),           // Faroe Islands
        new("FR", 27, "5n5n11c2n"),        // France (also its overseas departments and territories)
        new("GB", 22, "4a6n8n"),           // United Kingdom (also Guernsey, Isle of Man, Jersey)
        new("GE", 22, "2a16n"),            // Georgia
        new("GI", 23, "4a15c"),            // Gibraltar
        new("GL", 18, "4n9n1n"),           // Greenland
        new("GR", 27, "3n4n16c"),          // Greece
        new("GT", 28, "4c20c"),            // Guatemala
        new("HN", 28, "4a20n"),            // Honduras
        new("HR", 21, "7n10n"),            // Croatia
        new("HU", 28, "3n4n1n15n1n"),      // Hungary
        new("IE", 22, "4a6n8n"),           // Ireland
        new("IL", 23, "3n3n13n"),          // Israel
        new("IQ", 23, "4a3n12n"),          // Iraq
        new("IS", 26, "4n2n6n10n"),        // Iceland
        new("IT", 27, "1a5n5n12c"),        // Italy
        new("JO", 30, "4a4n18c"),          // Jordan
        new("KW", 30, "4a22c"),            // Kuwait
        new("KZ", 20, "3n13c"),            // Kazakhstan
        new("LB", 28, "4n20c"),            // Lebanon
        new("LC", 32, "4a24c"),            // Saint Lucia
        new("LI", 21, "5n12c"),            // Liechtenstein
        new("LT", 20, "5n11n"),            // Lithuania
        new("LU", 20, "3n13c"),            // Luxembourg
        new("LV", 21, "4a13c"),            // Latvia
        new("LY", 25, "3n3n15n"),          // Libya
        new("MC", 27, "5n5n11c2n"),        // Monaco
        new("MD", 24, "2c18c"),            // Moldova
        new("ME", 22, "3n13n2n"),          // Montenegro
        new("MK", 19, "3n10c2n"),          // North Macedonia
        new("MN", 20, "4n12n"),            // Mongolia
        new("MR", 27, "5n5n11n2n"),        // Mauritania
        new("MT", 31, "4a5n18c"),          // Malta
        new("MU", 30, "4a2n2n12n3n3a"),    // Mauritius
        new("NI", 28, "4a20n"),            // Nicaragua
        new("NL", 18, "4a10n"),            // Netherlands
        new("NO", 15, "4n6n1n"),           // Norway
        new("OM", 23, "3n16c"),            // Oman
        new("PK", 24, "4a16c"),            // Pakistan
        new("PL", 28, "8n16n"),            // Poland
        new("PS", 29, "4a21c"),            // Palestine
        new("PT", 25, "4n4n11n2n"),        // Portugal
        new("QA", 29, "4a21c"),            // Qatar
        new("RO", 24, "4a16c"),            // Romania
        new("RS", 22, "3n13n2n"),          // Serbia
        new("RU", 33, "9n5n15c"),          // Russia
        new("SA", 24, "2n18c"),            // Saudi Arabia
        new("SC", 31, "4a2n2n16n3a"),      // Seychelles
        new("SD", 18, "2n12n"),            // Sudan
        new("SE", 24, "3n16n1n"),          // Sweden
        new("SI", 19, "5n8n2n"),           // Slovenia
        new("SK", 24, "4n6n10n"),          // Slovakia
        new("SM", 27, "1a5n5n12c"),        // San Marino
        new("SO", 23, "4n3n12n"),          // Somalia
        new("ST", 25, "4n4n11n2n"),        // Sao Tome and Principe
        new("SV", 28, "4a20n"),            // El Salvador
        new("TL", 23, "3n14n2n"),          // Timor-Leste
        new("TN", 24, "2n3n13n2n"),        // Tunisia
        new("TR", 26, "5n1n16c"),          // Türkiye
        new("UA", 29, "6n19c"),            // Ukraine
        new("VA", 22, "3n15n"),            // Vatican City State
        new("VG", 24, "4a16n"),            // British Virgin Islands
        new("XK", 20, "4n10n2n"),          // Kosovo
        new("YE", 30, "4a4n18c"),          // Yemen
    ];

    private static readonly IbanCountryFormat?[] ByCode = Index(Entries);

    /// <summary>Gets every registry entry, in country code order.</summary>
    public static IReadOnlyList<IbanCountryFormat> All => Entries;

    /// <summary>Finds the entry for a country code given as two characters.</summary>
    /// <param name="first">The first letter of the country code.</param>
    /// <param name="second">The second letter of the country code.</param>
    /// <returns>The entry, or <see langword="null"/> when the characters are not a registry country code.</returns>
    public static IbanCountryFormat? Find(char first, char second)
    {
        return char.IsAsciiLetterUpper(first) && char.IsAsciiLetterUpper(second)
            ? ByCode[((first - 'A') * 26) + (second - 'A')]
            : null;
    }

    private static IbanCountryFormat?[] Index(IbanCountryFormat[] entries)
    {
        var byCode = new IbanCountryFormat?[26 * 26];
        foreach (var entry in entries)
        {
            int index = ((entry.CountryCode[0] - 'A') * 26) + (entry.CountryCode[1] - 'A');
            if (byCode[index] is not null)
            {
                throw new InvalidOperationException($"The IBAN registry lists {entry.CountryCode} twice.");
            }

            byCode[index] = entry;
        }

        return byCode;
    }
}
