namespace Debitor.Core.Calendar;

/// <summary>The sixteen German federal states (Bundesländer), whose laws add public holidays to the nationwide ones.</summary>
/// <remarks>
/// The values start at 1: <c>default(GermanState)</c> (0) is not a state, and the calendar factories reject it.
/// Each member names the ISO 3166-2 subdivision code of its state.
/// </remarks>
public enum GermanState
{
    /// <summary>Baden-Württemberg (DE-BW).</summary>
    BadenWuerttemberg = 1,

    /// <summary>Bayern, Bavaria (DE-BY).</summary>
    Bayern,

    /// <summary>Berlin (DE-BE).</summary>
    Berlin,

    /// <summary>Brandenburg (DE-BB).</summary>
    Brandenburg,

    /// <summary>Bremen (DE-HB).</summary>
    Bremen,

    /// <summary>Hamburg (DE-HH).</summary>
    Hamburg,

    /// <summary>Hessen, Hesse (DE-HE).</summary>
    Hessen,

    /// <summary>Mecklenburg-Vorpommern (DE-MV).</summary>
    MecklenburgVorpommern,

    /// <summary>Niedersachsen, Lower Saxony (DE-NI).</summary>
    Niedersachsen,

    /// <summary>Nordrhein-Westfalen, North Rhine-Westphalia (DE-NW).</summary>
    NordrheinWestfalen,

    /// <summary>Rheinland-Pfalz, Rhineland-Palatinate (DE-RP).</summary>
    RheinlandPfalz,

    /// <summary>Saarland (DE-SL).</summary>
    Saarland,

    /// <summary>Sachsen, Saxony (DE-SN).</summary>
    Sachsen,

    /// <summary>Sachsen-Anhalt, Saxony-Anhalt (DE-ST).</summary>
    SachsenAnhalt,

    /// <summary>Schleswig-Holstein (DE-SH).</summary>
    SchleswigHolstein,

    /// <summary>Thüringen, Thuringia (DE-TH).</summary>
    Thueringen,
}
