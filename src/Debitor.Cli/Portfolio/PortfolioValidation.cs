using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Debitor.Cli.Portfolio;

/// <summary>
/// Checks a portfolio read from JSON before anything is loaded (issue 12, defect 9): every field the format requires is
/// present (no <c>null</c> where the document type does not allow one, no <c>null</c> list element), and every
/// <c>dunningDays</c> key is a level number. A malformed portfolio is refused with a <see cref="FormatException"/> naming
/// the document and the field, e.g. <c>portfolio.json: customers[3].documents[0] is null</c>.
/// </summary>
internal static class PortfolioValidation
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static PortfolioDocument Check(PortfolioDocument portfolio, string document)
    {
        Walk(portfolio, string.Empty, document);
        for (var c = 0; c < portfolio.Customers.Count; c++)
        {
            foreach (var key in portfolio.Customers[c].DunningDays?.Keys ?? Enumerable.Empty<string>())
            {
                Level(key, $"{document}: customers[{c}].dunningDays");
            }
        }

        return portfolio;
    }

    /// <summary>A <c>dunningDays</c> key as a dunning level; refused naming where it is when it is not a whole number from 1.</summary>
    public static int Level(string key, string where) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level >= 1
            ? level
            : throw new FormatException($"{where} has the key '{key}'; a key is a dunning level, a whole number from 1 to {int.MaxValue}.");

    private static void Walk(object value, string path, string document)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var field = path.Length == 0 ? JsonNamingPolicy.CamelCase.ConvertName(property.Name) : $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
            var child = property.GetValue(value);
            if (child is null)
            {
                if (Nullability.Create(property).ReadState == NullabilityState.NotNull)
                {
                    throw new FormatException($"{document}: {field} is null; give a value or leave the field out.");
                }

                continue;
            }

            if (child is string || child.GetType().IsValueType)
            {
                continue;
            }

            if (child is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Value is null)
                    {
                        throw new FormatException($"{document}: {field}.{entry.Key} is null.");
                    }
                }

                continue;
            }

            if (child is IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var element = list[i] ?? throw new FormatException($"{document}: {field}[{i}] is null; remove it or give a value.");
                    if (element is not string && !element.GetType().IsValueType)
                    {
                        Walk(element, $"{field}[{i}]", document);
                    }
                }

                continue;
            }

            Walk(child, field, document);
        }
    }
}
