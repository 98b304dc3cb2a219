using System.Runtime.CompilerServices;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// One term's postings on disk. Documents are delta-coded as LEB128 integers, the lowest bit telling that
/// the frequency is 1 (most are), so a typical posting takes one or two bytes. A list longer than one block
/// starts with a skip table, one (last document, byte offset within the list) entry per block of
/// <see cref="BlockSize"/>, so that finding the second stage's candidates (<see cref="PostingsSeeker"/>) decodes
/// only the blocks that hold them.
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
}

/// <summary>
/// Finds ascending documents in one term's postings in a single forward pass: a document in the block already
/// decoded continues from where the last one stopped, and a later block is reached through the skip table.
/// Finding many candidates this way decodes each block at most once, where a search per candidate decodes it again for each.
/// </summary>
internal unsafe struct PostingsSeeker
{
    private readonly byte* _start;
    private readonly int _documentFrequency;
    private readonly int _blocks;
    private PostingsCursor _cursor;
    private int _block;
    private bool _decoded;
    private bool _exhausted;

    public PostingsSeeker(byte* start, int documentFrequency)
    {
        _start = start;
        _documentFrequency = documentFrequency;
        _blocks = documentFrequency > PostingsCodec.BlockSize ? PostingsCodec.BlockCount(documentFrequency) : 0;
        _cursor = PostingsCodec.Read(start, documentFrequency);
    }

    /// <summary>The frequency of <paramref name="document"/>, or 0 when the list lacks it; documents must come in ascending order.</summary>
    public int Frequency(int document)
    {
        if (_exhausted) return 0;
        if (_decoded && _cursor.Document >= document) return _cursor.Document == document ? _cursor.Frequency : 0;
        if (_blocks > 0) SkipToBlockOf(document);
        if (_exhausted) return 0;
        while (_cursor.MoveNext())
        {
            _decoded = true;
            if (_cursor.Document >= document) return _cursor.Document == document ? _cursor.Frequency : 0;
        }
        _exhausted = true;
        return 0;
    }

    private void SkipToBlockOf(int document)
    {
        // The block of the last document decoded, or the one the cursor was placed at the start of.
        var current = _decoded ? (_documentFrequency - _cursor.Remaining - 1) / PostingsCodec.BlockSize : _block;
        if (LastDocument(current) >= document) return;
        // The first later block whose last document is at or past the one sought.
        int low = current + 1, high = _blocks;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (LastDocument(middle) < document) low = middle + 1;
            else high = middle;
        }
        if (low == _blocks)
        {
            _exhausted = true;
            return;
        }
        _block = low;
        var dataStart = _start + _blocks * PostingsCodec.SkipEntrySize;
        var offset = Unsafe.ReadUnaligned<uint>(_start + low * PostingsCodec.SkipEntrySize + 4);
        _cursor = new PostingsCursor(dataStart + offset, _documentFrequency - low * PostingsCodec.BlockSize, LastDocument(low - 1));
        _decoded = false;
    }

    private readonly int LastDocument(int block) => Unsafe.ReadUnaligned<int>(_start + block * PostingsCodec.SkipEntrySize);
}

/// <summary>Walks one term's postings in document order.</summary>
internal unsafe struct PostingsCursor(byte* position, int remaining, int previous)
{
    private byte* _position = position;
    private int _remaining = remaining;

    public readonly byte* Position => _position;

    public readonly int Remaining => _remaining;

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
