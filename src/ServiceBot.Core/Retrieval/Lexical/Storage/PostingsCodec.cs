using System.Runtime.CompilerServices;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// One term's postings on disk. Documents are delta-coded as LEB128 integers, the lowest bit telling that
/// the frequency is 1 (most are), so a typical posting takes one or two bytes. A list longer than one block
/// starts with a skip table, one (last document, byte offset within the list) entry per block of
/// <see cref="BlockSize"/>, so that finding one document, as the second stage does for each candidate and
/// query term, decodes at most one short block.
/// </summary>
internal static unsafe class PostingsCodec
{
    public const int BlockSize = 64;
    public const int SkipEntrySize = 8;

    public static int BlockCount(int documentFrequency) => (documentFrequency + BlockSize - 1) / BlockSize;

    /// <summary>Encodes documents (ascending) with their frequencies (≥ 1) into <paramref name="output"/>.</summary>
    public static void Write(ByteBuffer output, ReadOnlySpan<int> documents, ReadOnlySpan<int> frequencies)
    {
        var count = documents.Length;
        var skipStart = output.Length;
        var blocks = count > BlockSize ? BlockCount(count) : 0;
        for (var i = 0; i < blocks * SkipEntrySize; i += 4) output.WriteInt32(0);
        var dataStart = output.Length;
        long previous = -1;
        for (var i = 0; i < count; i++)
        {
            if (blocks > 0 && i % BlockSize == 0)
            {
                var entry = skipStart + i / BlockSize * SkipEntrySize;
                output.PatchInt32(entry, documents[Math.Min(i + BlockSize, count) - 1]);
                // A list is encoded in one buffer, under 2 GiB, so an offset within it fits 32 bits.
                output.PatchInt32(entry + 4, (int)checked((uint)(output.Length - dataStart)));
            }
            var delta = (ulong)(documents[i] - previous);
            var single = frequencies[i] == 1;
            output.WriteVarUInt64(delta << 1 | (single ? 1UL : 0));
            if (!single) output.WriteVarUInt64((ulong)frequencies[i]);
            previous = documents[i];
        }
    }

    /// <summary>Reads the postings of a term whose list starts at <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PostingsCursor Read(byte* start, int documentFrequency)
    {
        var blocks = documentFrequency > BlockSize ? BlockCount(documentFrequency) : 0;
        return new PostingsCursor(start + blocks * SkipEntrySize, documentFrequency, -1);
    }

    /// <summary>The frequency of <paramref name="document"/> in the list, or 0 when it is not there.</summary>
    public static int Find(byte* start, int documentFrequency, int document)
    {
        var cursor = Read(start, documentFrequency);
        if (documentFrequency > BlockSize)
        {
            // The first block whose last document is at or past the one sought.
            int low = 0, high = BlockCount(documentFrequency) - 1;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (Unsafe.ReadUnaligned<int>(start + middle * SkipEntrySize) < document) low = middle + 1;
                else high = middle;
            }
            if (low > 0)
            {
                var offset = Unsafe.ReadUnaligned<uint>(start + low * SkipEntrySize + 4);
                var previous = Unsafe.ReadUnaligned<int>(start + (low - 1) * SkipEntrySize);
                cursor = new PostingsCursor(cursor.Position + offset, documentFrequency - low * BlockSize, previous);
            }
        }
        while (cursor.MoveNext())
        {
            if (cursor.Document == document) return cursor.Frequency;
            if (cursor.Document > document) return 0;
        }
        return 0;
    }
}

/// <summary>Walks one term's postings in document order.</summary>
internal unsafe struct PostingsCursor(byte* position, int remaining, int previous)
{
    private byte* _position = position;
    private int _remaining = remaining;

    public readonly byte* Position => _position;

    public int Document { get; private set; } = previous;

    public int Frequency { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        if (_remaining == 0) return false;
        _remaining--;
        var code = VarInt.ReadUInt64(ref _position);
        Document += (int)(code >> 1);
        Frequency = (code & 1) != 0 ? 1 : (int)VarInt.ReadUInt64(ref _position);
        return true;
    }
}
