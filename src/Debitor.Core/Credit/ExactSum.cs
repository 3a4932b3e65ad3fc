using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Debitor.Core.Credit;

/// <summary>
/// Adds <see cref="decimal"/> values exactly, several times faster than <c>decimal +</c>: each value's 96-bit mantissa is
/// added into a 128-bit integer kept per scale (number of decimal places), and the scales are combined once, at the end.
/// The result is the same as adding with <c>decimal +</c> whenever that is exact (always, for amounts of money).
/// </summary>
/// <remarks>Not thread-safe: one instance per computation.</remarks>
internal sealed class ExactSum
{
    private const int Scales = 29;
    private readonly Int128[] _byScale = new Int128[Scales];
    private int _usedScales;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(decimal value)
    {
        // decimal is laid out as OLE's DECIMAL (flags with scale and sign, high 32 bits, low 64 bits of the mantissa),
        // which interop guarantees; reading it directly saves copying the bits out.
        ref readonly var bits = ref Unsafe.As<decimal, DecimalBits>(ref Unsafe.AsRef(in value));
        var mantissa = (Int128)(((UInt128)bits.High << 64) | bits.Low);
        var scale = (bits.Flags >> 16) & 0xFF;
        _byScale[scale] += bits.Flags < 0 ? -mantissa : mantissa;
        _usedScales |= 1 << scale;
    }

    public void Add(ExactSum other)
    {
        for (var scale = 0; scale < Scales; scale++)
        {
            if ((other._usedScales & (1 << scale)) != 0)
            {
                _byScale[scale] += other._byScale[scale];
                _usedScales |= 1 << scale;
            }
        }
    }

    /// <exception cref="OverflowException">The sum does not fit into a <see cref="decimal"/>.</exception>
    public decimal Value
    {
        get
        {
            var total = 0m;
            for (var scale = 0; scale < Scales; scale++)
            {
                if ((_usedScales & (1 << scale)) != 0 && _byScale[scale] != 0)
                {
                    total += ToDecimal(_byScale[scale], scale);
                }
            }

            return total;
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

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct DecimalBits
    {
        public readonly int Flags;
        public readonly uint High;
        public readonly ulong Low;
    }
}
