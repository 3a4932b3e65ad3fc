
namespace Debitor.Core.Interest;

/// <summary>
/// The German base rate (Basiszinssatz, §247 BGB) as published by the Deutsche Bundesbank for every half-year
/// since it replaced the discount-rate-linked base rate on 1 January 2002.
/// </summary>
/// <remarks>
/// Every published half-year is listed, also where the rate did not change (for example -0.88 % from
/// 1 July 2016 to 31 December 2022), so that the table can be compared line by line with the publication.
/// Complete up to and including the half-year starting 1 January 2026 (known through 30 June 2026).
/// </remarks>
internal static class GermanBaseRates
{
    /// <summary>The last day for which the table is known to be complete.</summary>
    internal static readonly LocalDate KnownThrough = new(2026, 6, 30);

    /// <summary>The published rates, oldest first: (first day of the half-year, rate in percent).</summary>
    internal static readonly (LocalDate ValidFrom, decimal RatePercent)[] Entries =
    [
        (new LocalDate(2002, 1, 1), 2.57m),
        (new LocalDate(2002, 7, 1), 2.47m),
        (new LocalDate(2003, 1, 1), 1.97m),
        (new LocalDate(2003, 7, 1), 1.22m),
        (new LocalDate(2004, 1, 1), 1.14m),
        (new LocalDate(2004, 7, 1), 1.13m),
        (new LocalDate(2005, 1, 1), 1.21m),
        (new LocalDate(2005, 7, 1), 1.17m),
        (new LocalDate(2006, 1, 1), 1.37m),
        (new LocalDate(2006, 7, 1), 1.95m),
        (new LocalDate(2007, 1, 1), 2.70m),
        (new LocalDate(2007, 7, 1), 3.19m),
        (new LocalDate(2008, 1, 1), 3.32m),
        (new LocalDate(2008, 7, 1), 3.19m),
        (new LocalDate(2009, 1, 1), 1.62m),
        (new LocalDate(2009, 7, 1), 0.12m),
        (new LocalDate(2010, 1, 1), 0.12m),
        (new LocalDate(2010, 7, 1), 0.12m),
        (new LocalDate(2011, 1, 1), 0.12m),
        (new LocalDate(2011, 7, 1), 0.37m),
        (new LocalDate(2012, 1, 1), 0.12m),
        (new LocalDate(2012, 7, 1), 0.12m),
        (new LocalDate(2013, 1, 1), -0.13m),
        (new LocalDate(2013, 7, 1), -0.38m),
        (new LocalDate(2014, 1, 1), -0.63m),
        (new LocalDate(2014, 7, 1), -0.73m),
        (new LocalDate(2015, 1, 1), -0.83m),
        (new LocalDate(2015, 7, 1), -0.83m),
        (new LocalDate(2016, 1, 1), -0.83m),
        (new LocalDate(2016, 7, 1), -0.88m),
        (new LocalDate(2017, 1, 1), -0.88m),
        (new LocalDate(2017, 7, 1), -0.88m),
        (new LocalDate(2018, 1, 1), -0.88m),
        (new LocalDate(2018, 7, 1), -0.88m),
        (new LocalDate(2019, 1, 1), -0.88m),
        (new LocalDate(2019, 7, 1), -0.88m),
        (new LocalDate(2020, 1, 1), -0.88m),
        (new LocalDate(2020, 7, 1), -0.88m),
        (new LocalDate(2021, 1, 1), -0.88m),
        (new LocalDate(2021, 7, 1), -0.88m),
        (new LocalDate(2022, 1, 1), -0.88m),
        (new LocalDate(2022, 7, 1), -0.88m),
        (new LocalDate(2023, 1, 1), 1.62m),
        (new LocalDate(2023, 7, 1), 3.12m),
        (new LocalDate(2024, 1, 1), 3.62m),
        (new LocalDate(2024, 7, 1), 3.37m),
        (new LocalDate(2025, 1, 1), 2.27m),
        (new LocalDate(2025, 7, 1), 1.27m),
        (new LocalDate(2026, 1, 1), 1.27m),
    ];
}
