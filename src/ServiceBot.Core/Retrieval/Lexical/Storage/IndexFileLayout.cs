using System.Buffers.Binary;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// The parts of an index file. The file starts with a magic and the format version and ends with a table of
/// every part's 64-bit offset and length, then a trailer (table offset, end magic): the build writes the parts
/// in whatever order it produces them, and a truncated file is recognised by its missing trailer.
/// </summary>
internal static class IndexFileLayout
{
    public static ReadOnlySpan<byte> Magic => "SBLX"u8;
    private static ReadOnlySpan<byte> EndMagic => "SBLE"u8;

    public const int HeaderLength = 8;
    private const int TrailerLength = 16;

    public const int Meta = 0;
    public const int IdOffsets = 1;
    public const int IdBytes = 2;
    public const int GroupOf = 3;
    public const int Previous = 4;
    public const int Next = 5;
    public const int Positions = 6;
    private const int FirstField = 7;
    private const int PartsPerField = 4;

    /// <summary>The four inverted fields, in file order: words, bigrams, question words, question bigrams.</summary>
    public const int FieldCount = 4;

    public const int SectionCount = FirstField + FieldCount * PartsPerField;

    public static int Lengths(int field) => FirstField + field * PartsPerField;
    public static int Postings(int field) => FirstField + field * PartsPerField + 1;
    public static int TermBlocks(int field) => FirstField + field * PartsPerField + 2;
    public static int TermBlockOffsets(int field) => FirstField + field * PartsPerField + 3;

    public static void WriteHeader(Stream output, int version)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], version);
        output.Write(header);
    }

    public static void WriteFooter(Stream output, IndexSection[] sections)
    {
        var table = output.Position;
        var buffer = new ByteBuffer(sections.Length * 16 + TrailerLength);
        foreach (var section in sections)
        {
            buffer.WriteInt64(section.Offset);
            buffer.WriteInt64(section.Length);
        }
        buffer.WriteInt64(table);
        buffer.WriteInt32(sections.Length);
        buffer.WriteBytes(EndMagic);
        output.Write(buffer.Written);
    }

    /// <summary>The parts of a mapped file whose header has been checked; every part must lie inside the file.</summary>
    public static unsafe IndexSection[] ReadSections(MappedIndexFile file, string path)
    {
        var truncated = new InvalidDataException($"{path} is truncated. Rebuild the index.");
        if (file.Length < HeaderLength + TrailerLength) throw truncated;
        var trailer = new ReadOnlySpan<byte>(file.At(file.Length - TrailerLength), TrailerLength);
        if (!trailer[12..].SequenceEqual(EndMagic)) throw truncated;
        var table = BinaryPrimitives.ReadInt64LittleEndian(trailer);
        var count = BinaryPrimitives.ReadInt32LittleEndian(trailer[8..]);
        if (count != SectionCount || table < HeaderLength || table + count * 16L != file.Length - TrailerLength) throw truncated;
        var entries = new ReadOnlySpan<byte>(file.At(table), count * 16);
        var sections = new IndexSection[count];
        for (var i = 0; i < count; i++)
        {
            var section = new IndexSection(BinaryPrimitives.ReadInt64LittleEndian(entries[(i * 16)..]), BinaryPrimitives.ReadInt64LittleEndian(entries[(i * 16 + 8)..]));
            if (section.Offset < HeaderLength || section.Length < 0 || section.End > table)
                throw new InvalidDataException($"{path} is inconsistent. Rebuild the index.");
            sections[i] = section;
        }
        return sections;
    }
}
