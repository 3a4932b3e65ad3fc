namespace Debitor.Core.Credit;

/// <summary>
/// Running totals per currency without a dictionary: accounts hold one or a few currencies, so a short array searched
/// from the last currency used is faster than hashing. Never adds amounts of different currencies.
/// </summary>
internal sealed class CurrencySums
{
    private Currency[] _currencies = new Currency[2];
    private decimal[] _sums = new decimal[2];
    private int _count;
    private int _last;

    public int Count => _count;

    public void Add(Currency currency, decimal amount)
    {
        var index = IndexOf(currency); // first: it may replace the arrays
        _sums[index] += amount;
    }

    public decimal Get(Currency currency)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_currencies[i].Equals(currency))
            {
                return _sums[i];
            }
        }

        return 0m;
    }

    public void AddAll(CurrencySums other)
    {
        for (var i = 0; i < other._count; i++)
        {
            Add(other._currencies[i], other._sums[i]);
        }
    }

    /// <summary>The totals ordered by currency code; zero totals included only when <paramref name="keepZero"/>.</summary>
    public IReadOnlyList<Money> ToList(bool keepZero = true)
    {
        var result = new List<Money>(_count);
        for (var i = 0; i < _count; i++)
        {
            if (keepZero || _sums[i] != 0m)
            {
                result.Add(new Money(_sums[i], _currencies[i]));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Currency.Code, b.Currency.Code));
        return ValueList<Money>.From(result);
    }

    public IEnumerable<Currency> Currencies => _currencies.Take(_count);

    private int IndexOf(Currency currency)
    {
        if (_count > 0 && _currencies[_last].Equals(currency))
        {
            return _last;
        }

        for (var i = 0; i < _count; i++)
        {
            if (_currencies[i].Equals(currency))
            {
                return _last = i;
            }
        }

        if (_count == _currencies.Length)
        {
            Array.Resize(ref _currencies, _count * 2);
            Array.Resize(ref _sums, _count * 2);
        }

        _currencies[_count] = currency;
        _sums[_count] = 0m;
        return _last = _count++;
    }
}
