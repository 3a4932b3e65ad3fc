namespace Debitor.Core.Banking;

/// <summary>The national check-digit algorithms of VAT identification numbers that the library verifies.</summary>
internal enum VatIdCheck
{
    /// <summary>Only the format is checked.</summary>
    None,

    /// <summary>ISO 7064 MOD 11,10 over all digits, the last being the check digit (Germany, Croatia).</summary>
    Mod11Of10,

    /// <summary>Austrian UID: <c>U</c>, seven digits weighted 1,2,1,2,1,2,1 (digit sums of the products), check = (96 − sum) mod 10.</summary>
    Austria,

    /// <summary>Belgian enterprise number: the last two digits are 97 minus the first eight digits modulo 97.</summary>
    Belgium,

    /// <summary>Danish CVR: digits weighted 2,7,6,5,4,3,2,1 add up to a multiple of 11.</summary>
    Denmark,

    /// <summary>French key: when both key characters are digits, key = (12 + 3 × (SIREN mod 97)) mod 97.</summary>
    France,

    /// <summary>Italian partita IVA: the Luhn check over the eleven digits.</summary>
    Italy,
}
