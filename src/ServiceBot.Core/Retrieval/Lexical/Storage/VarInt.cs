namespace ServiceBot.Retrieval.Lexical;

/// <summary>Decodes the LEB128 integers <see cref="ByteBuffer"/> writes, straight from mapped memory.</summary>
internal static unsafe class VarInt
{
    public static ulong ReadUInt64(ref byte* position)
    {
        var p = position;
        ulong value = *p++;
        if (value >= 0x80)
        {
            value &= 0x7F;
            var shift = 7;
            ulong next;
            do
            {
                next = *p++;
                value |= (next & 0x7F) << shift;
                shift += 7;
            }
            while (next >= 0x80);
        }
        position = p;
        return value;
    }

    public static int ReadInt32(ref byte* position) => checked((int)ReadUInt64(ref position));

    /// <summary>Reads from a stream (the build's sorted runs); the end of the stream inside a number is an error.</summary>
    public static ulong ReadUInt64(Stream stream)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var next = stream.ReadByte();
            if (next < 0) throw new EndOfStreamException();
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80) return value;
        }
    }
}
