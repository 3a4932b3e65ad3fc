using System.Buffers;
using System.Text;

namespace Debitor.Cli.Output;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> of UTF-8 bytes that hands every piece written into it on to a
/// <see cref="TextWriter"/> as characters, so a <see cref="System.Text.Json.Utf8JsonWriter"/> over it never holds more
/// than one piece of the text (D16.263). A character split between two pieces is completed by the next one.
/// </summary>
/// <param name="writer">Where the characters go.</param>
/// <param name="pieceSize">The bytes of one piece (64 KiB; tests choose small pieces to split characters).</param>
internal sealed class TextWriterBuffer(TextWriter writer, int pieceSize = 64 * 1024) : IBufferWriter<byte>
{
    private readonly Decoder _decoder = new UTF8Encoding(false, true).GetDecoder();
    private byte[] _bytes = new byte[pieceSize];
    private char[] _chars = new char[pieceSize];

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _bytes.Length);
        Hand(count, false);
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes;
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _bytes;
    }

    /// <summary>Hands on what the decoder still holds; an incomplete character at the end is refused.</summary>
    public void Complete() => Hand(0, true);

    private void Ensure(int sizeHint)
    {
        if (sizeHint > _bytes.Length)
        {
            _bytes = new byte[sizeHint];
        }
    }

    private void Hand(int count, bool flush)
    {
        var needed = _decoder.GetCharCount(_bytes, 0, count, flush);
        if (needed > _chars.Length)
        {
            _chars = new char[needed];
        }

        var chars = _decoder.GetChars(_bytes, 0, count, _chars, 0, flush);
        writer.Write(_chars, 0, chars);
    }
}
