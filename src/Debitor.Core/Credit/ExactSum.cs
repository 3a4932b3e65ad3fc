using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Debitor.Core.Credit;

/// <summary>
/// Adds <see cref="decimal"/> values exactly, several times faster than <c>decimal +</c>: each value's 96-bit mantissa is
/// added into a 128-bit integer kept per scale (number of decimal places), and the scales are combined once, at the end.
/// The result is the same as adding with <c>decimal +</c> whenever that is exact (always, for amounts of money).
/// </summary>
/// <remarks>
/// Amounts of one currency nearly always share one scale, so the first scale seen is kept in fields and the others in
/// an array made on first need. Not thread-safe: one instance per computation.
/// </remarks>
internal sealed class ExactSum
{
    private const int Scales = 29;
    private int _firstScale = -1;
    private Int128 _first;
    private Int128[]? _others;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(decimal value)
    {
        // decimal is laid out as OLE's DECIMAL (flags with scale and sign, high 32 bits, low 64 bits of the mantissa),
        // which interop guarantees; reading it directly saves copying the bits out.
        ref readonly var bits = ref Unsafe.As<decimal, DecimalBits>(ref Unsafe.AsRef(in value));
        var mantissa = (Int128)(((UInt128)bits.High << 64) | bits.Low);
        var scale = (bits.Flags >> 16) & 0xFF;
        if (scale == _firstScale)
        {
            _first += bits.Flags < 0 ? -mantissa : mantissa;
        }
        else
        {
            AddAtScale(bits.Flags < 0 ? -mantissa : mantissa, scale);
        }
    }

    public void Add(ExactSum other)
    {
        if (other._firstScale >= 0)
        {
            AddAtScale(other._first, other._firstScale);
        }

        if (other._others is { } others)
        {
            for (var scale = 0; scale < Scales; scale++)
            {
                if (others[scale] != 0)
                {
                    AddAtScale(others[scale], scale);
                }
            }
        }
    }

    /// <exception cref="OverflowException">The sum does not fit into a <see cref="decimal"/>.</exception>
    public decimal Value
    {
        get
        {
            var total = _firstScale >= 0 ? ToDecimal(_first, _firstScale) : 0m;
            if (_others is { } others)
            {
                for (var scale = 0; scale < Scales; scale++)
                {
                    if (others[scale] != 0)
                    {
                        total += ToDecimal(others[scale], scale);
                    }
                }
            }

            return total;
        }
    }

    private void AddAtScale(Int128 mantissa, int scale)
    {
        if (_firstScale < 0)
        {
            _firstScale = scale;
            _first = mantissa;
        }
        else if (scale == _firstScale)
        {
            _first += mantissa;
        }
        else
        {
            (_others ??= new Int128[Scales])[scale] += mantissa;
        }
    }

    private static decimal ToDecimal(Int128 mantissa, int scale)
    {
        var negative = mantissa < 0;
        var magnitude = (UInt128)(negative ? -mantissa : mantissa);
        if (magnitude >> 96 != 0)
        {
            throw new OverflowException("The sum is too large for a decimal.");
        }

        return unchecked(new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale));
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct DecimalBits
    {
        public readonly int Flags;
        public readonly uint High;
        public readonly ulong Low;
    }
}
