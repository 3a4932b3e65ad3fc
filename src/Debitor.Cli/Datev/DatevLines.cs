using System.Runtime.CompilerServices;

namespace Debitor.Cli.Datev;

/// <summary>The account a data line changes, taken from its raw bytes (D16.269); <see cref="DatevKey.None"/> when it cannot be told so.</summary>
/// <param name="line">The line's bytes in the file's encoding, without its line break.</param>
internal delegate long DatevLineKey(ReadOnlySpan<byte> line);

/// <summary>
/// Tells the account of a raw DATEV line without reading the whole line (D16.269), so that an import can group a file's
/// lines by account before it reads them. The reading is strict: a field that is not plainly unquoted, or quoted and
/// closed before its separator, or that holds anything but digits (blanks around them aside), gives
/// <see cref="None"/>; CsvHelper reads such a field the same way, so a key other than <see cref="None"/> is the account
/// the full reading finds, or the line is refused by it.
/// </summary>
/// <remarks>
/// The methods that read a window (here and in <see cref="DatevLineReader"/>, <see cref="DatevLineWindow"/> and
/// <see cref="GroupedLineStream"/>) run a million times within the first second of an import, before the runtime's
/// tiering would optimize them: they are compiled optimized at once (<see cref="MethodImplOptions.AggressiveOptimization"/>).
/// </remarks>
internal static class DatevKey
{
    /// <summary>No account could be told from the line's bytes.</summary>
    public const long None = -1;

    /// <summary>The key of a master-data line: its account (column "Konto").</summary>
    public static DatevLineKey Account(int konto) => [MethodImpl(MethodImplOptions.AggressiveOptimization)] (line) => Digits(line, konto);

    /// <summary>
    /// The key of a booking line: the debtor account among "Konto" and "Gegenkonto", as the booking's reading decides it
    /// (<paramref name="isDebtor"/>); <see cref="None"/> when either is no number or neither is a debtor account.
    /// </summary>
    public static DatevLineKey Booking(int konto, int gegenkonto, Func<long, bool> isDebtor) => [MethodImpl(MethodImplOptions.AggressiveOptimization)] (line) =>
    {
        var first = Digits(line, konto);
        var second = Digits(line, gegenkonto);
        return first == None || second == None ? None : isDebtor(first) ? first : isDebtor(second) ? second : None;
    };

    /// <summary>The field's digits as a number (blanks and tabs around them aside); <see cref="None"/> for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long Digits(ReadOnlySpan<byte> line, int index)
    {
        if (index < 0 || !TryField(line, index, out var field))
        {
            return None;
        }

        field = field.Trim(" \t"u8);
        if (field.Length is 0 or > 18)
        {
            return None;
        }

        long value = 0;
        foreach (var b in field)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return None;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }

    /// <summary>
    /// The bytes of field <paramref name="index"/> (0-based) of a semicolon-separated line: unquoted up to the next
    /// separator, or quoted (<c>""</c> inside is a quote) with the separator or the line's end right after the closing
    /// quote. Fails for a line that ends before the field and for any other use of quotes before it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryField(ReadOnlySpan<byte> line, int index, out ReadOnlySpan<byte> field)
    {
        field = default;
        var position = 0;
        for (var i = 0; ; i++)
        {
            ReadOnlySpan<byte> value;
            int end;
            if (position < line.Length && line[position] == (byte)'"')
            {
                var close = position + 1;
                while (true)
                {
                    var quote = line[close..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        return false;
                    }

                    close += quote;
                    if (close + 1 < line.Length && line[close + 1] == (byte)'"')
                    {
                        close += 2;
                        continue;
                    }

                    break;
                }

                value = line[(position + 1)..close];
                end = close + 1;
                if (end < line.Length && line[end] != (byte)';')
                {
                    return false;
                }
            }
            else
            {
                var rest = line[position..];
                var stop = rest.IndexOfAny((byte)';', (byte)'"');
                if (stop >= 0 && rest[stop] == (byte)'"')
                {
                    return false;
                }

                end = stop < 0 ? line.Length : position + stop;
                value = line[position..end];
            }

            if (i == index)
            {
                field = value;
                return true;
            }

            if (end >= line.Length)
            {
                return false;
            }

            position = end + 1;
        }
    }
}

/// <summary>
/// The data lines of a DATEV file as raw bytes, in file order with their numbers (D16.269): the two header lines are
/// skipped, a line ends at LF, CR LF or a lone CR, and empty lines are left out, as CsvHelper leaves them out.
/// </summary>
internal sealed class DatevLineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private long _line;
    private int _headerLines = 2;

    public DatevLineReader(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    }

    /// <summary>The next data line and its number; <see langword="false"/> at the end of the file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out long line, out ReadOnlySpan<byte> bytes)
    {
        while (true)
        {
            if (!TryLine(out bytes))
            {
                line = 0;
                return false;
            }

            if (bytes.Length == 0)
            {
                continue;
            }

            if (_headerLines > 0)
            {
                _headerLines--;
                continue;
            }

            line = _line;
            return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryLine(out ReadOnlySpan<byte> bytes)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var stop = pending.IndexOfAny((byte)'\n', (byte)'\r');

            // A CR at the buffer's end may be followed by LF in the next read: read on before deciding.
            if (stop >= 0 && !(pending[stop] == (byte)'\r' && stop == pending.Length - 1 && !_eof))
            {
                bytes = pending[..stop];
                var breakLength = pending[stop] == (byte)'\r' && stop + 1 < pending.Length && pending[stop + 1] == (byte)'\n' ? 2 : 1;
                _start += stop + breakLength;
                _line++;
                return true;
            }

            if (_eof)
            {
                if (pending.Length == 0)
                {
                    bytes = default;
                    return false;
                }

                bytes = pending;
                _start = _end;
                _line++;
                return true;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            (_end, _start) = (_end - _start, 0);
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>
/// Raw data lines held by an import (D16.269): their bytes in blocks of a mebibyte, and for each its number and key. A
/// window of a booking batch holds about its file's size, not the million objects its read lines would be.
/// </summary>
internal sealed class DatevLineWindow
{
    private const int BlockBytes = 1 << 20;

    private readonly List<byte[]> _blocks = [];
    private Entry[] _entries = new Entry[1024];
    private int _block = -1;
    private int _used;

    private readonly record struct Entry(long Line, long Key, int Block, int Offset, int Length);

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long line, long key, ReadOnlySpan<byte> bytes)
    {
        if (_block < 0 || _used + bytes.Length > _blocks[_block].Length)
        {
            // The next block, kept from an earlier window when it is large enough (a window of one line takes none new).
            _block++;
            if (_block == _blocks.Count)
            {
                _blocks.Add(new byte[Math.Max(BlockBytes, bytes.Length)]);
            }
            else if (_blocks[_block].Length < bytes.Length)
            {
                _blocks[_block] = new byte[bytes.Length];
            }

            _used = 0;
        }

        bytes.CopyTo(_blocks[_block].AsSpan(_used));
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[Count++] = new Entry(line, key, _block, _used, bytes.Length);
        _used += bytes.Length;
    }

    public long Line(int index) => _entries[index].Line;

    public long Key(int index) => _entries[index].Key;

    public ReadOnlySpan<byte> Bytes(int index)
    {
        var entry = _entries[index];
        return _blocks[entry.Block].AsSpan(entry.Offset, entry.Length);
    }

    /// <summary>
    /// The indexes of the first <paramref name="count"/> lines grouped by key (each key's lines in file order, the keys in
    /// ascending order, lines without a key first), then the lines after them in file order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] ByKey(int count)
    {
        // One sort of key and place packed in a long: unique values, so the order within a key is file order. A key above
        // what 31 bits hold (DATEV's accounts never are, even with eight-digit ledger accounts) is replaced by its rank
        // among the window's distinct keys first.
        var small = true;
        for (var i = 0; i < count && small; i++)
        {
            small = _entries[i].Key < int.MaxValue;
        }

        Dictionary<long, int>? ranks = null;
        if (!small)
        {
            var distinct = new SortedSet<long>();
            for (var i = 0; i < count; i++)
            {
                distinct.Add(_entries[i].Key);
            }

            ranks = new Dictionary<long, int>(distinct.Count);
            foreach (var key in distinct)
            {
                ranks[key] = ranks.Count;
            }
        }

        var packed = new long[count];
        for (var i = 0; i < count; i++)
        {
            // None (−1) becomes 0 and sorts first.
            var key = ranks is null ? _entries[i].Key + 1 : ranks[_entries[i].Key];
            packed[i] = (key << 32) | (uint)i;
        }

        Array.Sort(packed);
        var order = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            order[i] = i < count ? (int)(packed[i] & uint.MaxValue) : i;
        }

        return order;
    }

    /// <summary>Forgets the window's lines; their blocks are filled again by the next window.</summary>
    public void Clear()
    {
        Count = 0;
        _block = -1;
    }
}

/// <summary>
/// A file's data lines, each ended by LF, in the order an import applies them (D16.269): window by window, each window's
/// lines grouped by account (<see cref="DatevLineWindow.ByKey"/>), a line without a key ending its window. Remembers
/// each served line's number in the file and key until <see cref="Release"/> lets them go.
/// </summary>
internal sealed class GroupedLineStream(DatevLineReader reader, DatevLineKey key, int windowLines) : Stream
{
    private readonly DatevLineWindow _window = new();
    private int[] _order = [];
    private int _next;
    private byte[] _line = new byte[256];
    private int _lineStart;
    private int _lineEnd;
    private bool _end;

    // What each served line was: its number in the file and its key, from place _first on.
    private long[] _numbers = new long[1 << 12];
    private long[] _keys = new long[1 << 12];
    private long _first;
    private long _released;
    private long _served;

    /// <summary>The number in the file of the line served at <paramref name="place"/> (0-based).</summary>
    public long LineOf(long place) => _numbers[Slot(place)];

    /// <summary>The key of the line served at <paramref name="place"/>.</summary>
    public long KeyOf(long place) => _keys[Slot(place)];

    /// <summary>The lines served before <paramref name="place"/> are not asked about any more (their room is taken back when it is needed).</summary>
    public void Release(long place) => _released = Math.Max(_released, Math.Min(place, _served));

    private int Slot(long place) => place >= _first && place < _served
        ? (int)(place - _first)
        : throw new ArgumentOutOfRangeException(nameof(place), place, $"Line {place} was not served or was released (served {_first}–{_served - 1}).");

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_lineStart == _lineEnd && !NextLine())
            {
                break;
            }

            var take = Math.Min(buffer.Length - written, _lineEnd - _lineStart);
            _line.AsSpan(_lineStart, take).CopyTo(buffer[written..]);
            (written, _lineStart) = (written + take, _lineStart + take);
        }

        return written;
    }

    /// <summary>Takes the next line to serve (its bytes and LF), reading the next window when this one is served.</summary>
    private bool NextLine()
    {
        if (_next == _order.Length && !NextWindow())
        {
            return false;
        }

        var index = _order[_next++];
        var bytes = _window.Bytes(index);
        if (_line.Length < bytes.Length + 1)
        {
            _line = new byte[Math.Max(bytes.Length + 1, _line.Length * 2)];
        }

        bytes.CopyTo(_line);
        _line[bytes.Length] = (byte)'\n';
        (_lineStart, _lineEnd) = (0, bytes.Length + 1);

        var slot = (int)(_served - _first);
        if (slot == _numbers.Length)
        {
            // Full: the released lines' room is taken back (at most once per array's length of lines, so each line is
            // moved a bounded number of times), or the arrays grow when the reader holds that many lines unreleased.
            var drop = (int)(_released - _first);
            if (drop > 0)
            {
                Array.Copy(_numbers, drop, _numbers, 0, slot - drop);
                Array.Copy(_keys, drop, _keys, 0, slot - drop);
                (_first, slot) = (_released, slot - drop);
            }

            if (slot > _numbers.Length / 2)
            {
                Array.Resize(ref _numbers, _numbers.Length * 2);
                Array.Resize(ref _keys, _keys.Length * 2);
            }
        }

        (_numbers[slot], _keys[slot]) = (_window.Line(index), _window.Key(index));
        _served++;
        return true;
    }

    /// <summary>Reads the next window: up to <c>windowLines</c> lines, or up to and with a line without a key, which stays last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextWindow()
    {
        _window.Clear();
        (_order, _next) = ([], 0);
        if (_end)
        {
            return false;
        }

        var barrier = false;
        while (_window.Count < windowLines && !barrier)
        {
            if (!reader.Next(out var line, out var bytes))
            {
                _end = true;
                break;
            }

            var lineKey = key(bytes);
            _window.Add(line, lineKey, bytes);
            barrier = lineKey == DatevKey.None;
        }

        _order = _window.ByKey(barrier ? _window.Count - 1 : _window.Count);
        return _order.Length > 0;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
