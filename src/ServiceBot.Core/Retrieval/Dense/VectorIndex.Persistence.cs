using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ServiceBot.Retrieval.Dense;

/// <summary>
/// File layout, all little-endian: magic "SBVI", uint32 version, int32 dimensions, int32 count,
/// count ids (7-bit length-prefixed UTF-8), then count x dimensions float32 rows (already normalised).
/// </summary>
public sealed partial class VectorIndex
{
    private static ReadOnlySpan<byte> Magic => "SBVI"u8;
    private const uint FormatVersion = 1;

    /// <summary>Writes the index to <paramref name="path"/>, replacing the file only once it is complete.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var snapshot = _snapshot;
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Dimensions);
            writer.Write(snapshot.Count);
            for (var i = 0; i < snapshot.Count; i++) writer.Write(snapshot.Ids[i]);
            var floats = snapshot.Vectors.AsSpan(0, snapshot.Count * Dimensions);
            if (BitConverter.IsLittleEndian) writer.Write(MemoryMarshal.AsBytes(floats));
            else foreach (var value in floats) writer.Write(value);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">Not a vector index file, an unknown version, or truncated.</exception>
    public static VectorIndex Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = new BinaryReader(stream, Encoding.UTF8);

        Span<byte> magic = stackalloc byte[4];
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) != magic.Length || !magic.SequenceEqual(Magic))
            throw new InvalidDataException($"'{path}' is not a vector index file (bad magic).");
        var header = new byte[12];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) != header.Length)
            throw Truncated(path);
        var version = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (version != FormatVersion)
            throw new InvalidDataException($"'{path}' has vector index format version {version}; only {FormatVersion} is supported.");
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
        var count = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        if (dimensions < 1 || count < 0 || (long)dimensions * count > Array.MaxLength)
            throw new InvalidDataException($"'{path}' has an invalid header ({count} vectors of {dimensions} dimensions).");

        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            // BinaryReader signals a cut-off string only by EndOfStreamException.
            try { ids[i] = reader.ReadString(); }
            catch (EndOfStreamException) { throw Truncated(path); }
        }

        var vectors = new float[count * dimensions];
        var bytes = MemoryMarshal.AsBytes(vectors.AsSpan());
        if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) != bytes.Length)
            throw Truncated(path);
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < vectors.Length; i++)
                vectors[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReverseEndianness(BitConverter.SingleToInt32Bits(vectors[i])));
        if (stream.ReadByte() != -1)
            throw new InvalidDataException($"'{path}' has bytes after the last vector; it is not a complete vector index file.");

        return new VectorIndex(dimensions, vectors, ids);
    }

    private static InvalidDataException Truncated(string path) => new($"'{path}' is truncated; the vector index file is incomplete.");
}
