using System.Buffers.Binary;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>A growable byte sink for the index encoders: little-endian fixed widths and LEB128 variable-length integers.</summary>
internal sealed class ByteBuffer(int capacity = 4096)
{
    private byte[] _bytes = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void WriteVarUInt64(ulong value)
    {
        var span = Reserve(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        Length += i;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
        Length += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), value);
        Length += 8;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>Overwrites eight bytes already written, e.g. a table reserved before the data it points into.</summary>
    public void PatchInt64(int position, long value) => BinaryPrimitives.WriteInt64LittleEndian(_bytes.AsSpan(position, 8), value);

    public void PatchInt32(int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(position, 4), value);

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + count));
        return _bytes.AsSpan(Length);
    }
}
