using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Debitor.Core.Serialization;

/// <summary>
/// The SHA-256 of a text's UTF-8 bytes, read from a <see cref="StringBuilder"/>'s chunks without building the string
/// (D16.203): the same bytes as <c>SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))</c>, a surrogate pair split
/// across two chunks included (the encoder keeps its state between chunks).
/// </summary>
internal static class Utf8Sha256
{
    /// <summary>Lower-case hexadecimal SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Of(StringBuilder text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var encoder = Encoding.UTF8.GetEncoder();
            var written = 0;
            foreach (var chunk in text.GetChunks())
            {
                written += encoder.GetBytes(chunk.Span, buffer.AsSpan(written), flush: false);
            }

            written += encoder.GetBytes([], buffer.AsSpan(written), flush: true);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
