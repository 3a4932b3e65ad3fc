namespace Debitor.Core.Banking;

/// <summary>
/// The officially assigned ISO 3166-1 alpha-2 country codes, plus XK (Kosovo), which SWIFT and the
/// European Commission use although ISO has not assigned it.
/// </summary>
/// <remarks>
/// As of 2025: 249 assigned codes plus XK. Codes that ISO has withdrawn (for example AN, CS, YU) or only
/// reserved (for example EU, UK) are not included. Lookup is by a table indexed by the two letters;
/// it never allocates and is safe to use from any thread.
/// </remarks>
internal static class IsoCountryCodes
{
    private const string Codes =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
        "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
        "DE DJ DK DM DO DZ " +
        "EC EE EG EH ER ES ET " +
        "FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY " +
        "HK HM HN HR HT HU " +
        "ID IE IL IM IN IO IQ IR IS IT " +
        "JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ " +
        "LA LB LC LI LK LR LS LT LU LV LY " +
        "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
        "NA NC NE NF NG NI NL NO NP NR NU NZ " +
        "OM " +
        "PA PE PF PG PH PK PL PM PN PR PS PT PW PY " +
        "QA " +
        "RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
        "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
        "UA UG UM US UY UZ " +
        "VA VC VE VG VI VN VU " +
        "WF WS " +
        "XK " +
        "YE YT " +
        "ZA ZM ZW";

    private static readonly bool[] Known = Index();

    /// <summary>Gets every code in the table, in alphabetical order.</summary>
    public static IReadOnlyList<string> All { get; } = Codes.Split(' ');

    /// <summary>Whether two characters form a known country code.</summary>
    /// <param name="first">The first character, an upper-case letter to be known.</param>
    /// <param name="second">The second character, an upper-case letter to be known.</param>
    /// <returns><see langword="true"/> for an assigned ISO 3166-1 alpha-2 code or XK.</returns>
    public static bool Contains(char first, char second)
    {
        return char.IsAsciiLetterUpper(first) && char.IsAsciiLetterUpper(second)
            && Known[((first - 'A') * 26) + (second - 'A')];
    }

    private static bool[] Index()
    {
        var known = new bool[26 * 26];
        for (int i = 0; i < Codes.Length; i += 3)
        {
            known[((Codes[i] - 'A') * 26) + (Codes[i + 1] - 'A')] = true;
        }

        return known;
    }
}
