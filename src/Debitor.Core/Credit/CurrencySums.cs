using System.Runtime.CompilerServices;

namespace Debitor.Core.Credit;

/// <summary>
/// Running totals per currency without a dictionary: accounts hold one or a few currencies, so a short array searched
/// from the last currency used is faster than hashing. Adds exactly (<see cref="ExactSum"/>); never adds amounts of
/// different currencies. Not thread-safe.
/// </summary>
internal sealed class CurrencySums
{
    private Currency[] _currencies = new Currency[2];
    private ExactSum[] _sums = new ExactSum[2];
    private int _count;
    private int _last;

    public int Count => _count;

    public IEnumerable<Currency> Currencies => _currencies.Take(_count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Currency currency, decimal amount) => Slot(currency).Add(amount);

    public decimal Get(Currency currency)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_currencies[i].Equals(currency))
            {
                return _sums[i].Value;
            }
        }

        return 0m;
    }

    /// <summary>The totals ordered by currency code; zero totals included only when <paramref name="keepZero"/>.</summary>
    public IReadOnlyList<Money> ToList(bool keepZero = true)
    {
        var result = new List<Money>(_count);
        for (var i = 0; i < _count; i++)
        {
            var value = _sums[i].Value;
            if (keepZero || value != 0m)
            {
                result.Add(new Money(value, _currencies[i]));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Currency.Code, b.Currency.Code));
        return ValueList<Money>.From(result);
    }

    /// <summary>The running sum of a currency, created on first use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ExactSum Slot(Currency currency) =>
        _count > 0 && _currencies[_last].Equals(currency) ? _sums[_last] : Find(currency);

    private ExactSum Find(Currency currency)
    {

        for (var i = 0; i < _count; i++)
        {
            if (_currencies[i].Equals(currency))
            {
                _last = i;
                return _sums[i];
            }
        }

        if (_count == _currencies.Length)
        {
            Array.Resize(ref _currencies, _count * 2);
            Array.Resize(ref _sums, _count * 2);
        }

        _currencies[_count] = currency;
        _sums[_count] = new ExactSum();
        _last = _count++;
        return _sums[_last];
    }
}
