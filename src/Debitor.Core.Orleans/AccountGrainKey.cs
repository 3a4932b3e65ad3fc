using System.Globalization;

namespace Debitor.Core.Orleans;

/// <summary>
/// The key of a customer account's grain: company and customer in one string. The company is written with its length
/// first (<c>5:ACME1/K-10001</c>), so any identifier (a slash or colon included) gives exactly one key and back.
/// </summary>
public static class AccountGrainKey
{
    /// <summary>The key of an account.</summary>
    /// <param name="company">The company.</param>
    /// <param name="customer">The customer.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">An identifier is <c>default</c>.</exception>
    public static string Format(CompanyId company, CustomerId customer)
    {
        if (company.IsEmpty)
        {
            throw new ArgumentException("A company is required.", nameof(company));
        }

        if (customer.IsEmpty)
        {
            throw new ArgumentException("A customer is required.", nameof(customer));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{company.Value.Length}:{company.Value}/{customer.Value}");
    }

    /// <summary>Reads a key.</summary>
    /// <param name="key">A key made by <see cref="Format"/>.</param>
    /// <returns>The company and the customer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not such a key.</exception>
    public static (CompanyId Company, CustomerId Customer) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0
            && int.TryParse(key.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            && length > 0
            && colon + 1 + length < key.Length
            && key[colon + 1 + length] == '/')
        {
            return (new CompanyId(key.Substring(colon + 1, length)), new CustomerId(key[(colon + 2 + length)..]));
        }

        throw new ArgumentException($"'{key}' is not an account grain key (length:company/customer).", nameof(key));
    }
}
