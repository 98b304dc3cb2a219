using System.Text;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>Where a term's postings start (relative to its field's postings) and how many documents hold it.</summary>
internal readonly record struct TermPostings(long Offset, int DocumentFrequency);

/// <summary>
/// A field's terms in UTF-8 byte order, in blocks of <see cref="BlockTerms"/>. A block stores its first term
/// whole and every next one as (shared prefix length, suffix), each with its document frequency and postings
/// offset (delta to the previous term's). A fixed-width table of 64-bit block offsets lets a lookup
/// binary-search the blocks' first terms in mapped memory and then scan one block.
/// </summary>
internal sealed unsafe class TermDictionary
{
    public const int BlockTerms = 32;
    private const int StackTermBytes = 256;

    private readonly byte* _blocks;
    private readonly MappedColumn<long> _blockOffsets;
    private readonly int _termsInLastBlock;
    private readonly long _blocksLength;

    public TermDictionary(MappedIndexFile file, IndexSection blocks, IndexSection blockOffsets, int termsInLastBlock)
    {
        _termsInLastBlock = termsInLastBlock;
        _blocks = file.At(blocks.Offset);
        _blocksLength = blocks.Length;
        _blockOffsets = new MappedColumn<long>(file, blockOffsets);
    }

    public bool TryFind(string term, out TermPostings postings)
    {
        postings = default;
        if (_blockOffsets.Length == 0 || term.Length == 0) return false;
        var byteCount = Encoding.UTF8.GetMaxByteCount(term.Length);
        var key = byteCount <= StackTermBytes ? stackalloc byte[StackTermBytes] : new byte[byteCount];
        key = key[..Encoding.UTF8.GetBytes(term, key)];
        return TryFind(key, out postings);
    }

    public bool TryFind(ReadOnlySpan<byte> key, out TermPostings postings)
    {
        postings = default;
        if (_blockOffsets.Length == 0) return false;
        // The last block whose first term is not greater than the key.
        int low = 0, high = _blockOffsets.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (FirstTerm(middle).SequenceCompareTo(key) <= 0) low = middle;
            else high = middle - 1;
        }
        return ScanBlock(low, key, out postings);
    }

    private ReadOnlySpan<byte> FirstTerm(int block)
    {
        var p = BlockStart(block);
        var length = VarInt.ReadInt32(ref p);
        return new ReadOnlySpan<byte>(p, length);
    }

    /// <summary>A block's first byte; an offset outside the blocks means a damaged file, reported rather than read.</summary>
    private byte* BlockStart(int block)
    {
        var offset = _blockOffsets[block];
        if (offset < 0 || offset >= _blocksLength) throw new InvalidDataException("The lexical index is inconsistent. Rebuild the index.");
        return _blocks + offset;
    }

    private bool ScanBlock(int block, ReadOnlySpan<byte> key, out TermPostings postings)
    {
        postings = default;
        var p = BlockStart(block);
        var count = block + 1 < _blockOffsets.Length ? BlockTerms : _termsInLastBlock;
        Span<byte> term = stackalloc byte[StackTermBytes];
        long offset = 0;
        for (var i = 0; i < count; i++)
        {
            var shared = i == 0 ? 0 : VarInt.ReadInt32(ref p);
            var suffix = VarInt.ReadInt32(ref p);
            if (shared + suffix > term.Length)
            {
                var larger = new byte[shared + suffix];
                term[..shared].CopyTo(larger);
                term = larger;
            }
            new ReadOnlySpan<byte>(p, suffix).CopyTo(term[shared..]);
            p += suffix;
            var frequency = VarInt.ReadInt32(ref p);
            var delta = (long)VarInt.ReadUInt64(ref p);
            offset = i == 0 ? delta : offset + delta;
            var order = term[..(shared + suffix)].SequenceCompareTo(key);
            if (order == 0)
            {
                postings = new TermPostings(offset, frequency);
                return true;
            }
            if (order > 0) return false;
        }
        return false;
    }
}

/// <summary>Writes a <see cref="TermDictionary"/>: terms arrive in UTF-8 byte order.</summary>
internal sealed class TermDictionaryWriter(Stream blocks)
{
    private readonly ByteBuffer _buffer = new(1 << 16);
    private readonly List<long> _blockOffsets = [];
    private byte[] _previous = new byte[64];
    private int _previousLength;
    private long _previousOffset;
    private long _written;

    public long TermCount { get; private set; }

    public IReadOnlyList<long> BlockOffsets => _blockOffsets;

    public int TermsInLastBlock => TermCount == 0 ? 0 : (int)((TermCount - 1) % TermDictionary.BlockTerms) + 1;

    public void Add(ReadOnlySpan<byte> term, int documentFrequency, long postingsOffset)
    {
        if (TermCount > 0 && term.SequenceCompareTo(_previous.AsSpan(0, _previousLength)) <= 0)
            throw new InvalidOperationException("Terms must arrive in strictly ascending byte order.");
        var first = TermCount % TermDictionary.BlockTerms == 0;
        if (first)
        {
            Flush();
            _blockOffsets.Add(_written);
            _buffer.WriteVarUInt64((ulong)term.Length);
            _buffer.WriteBytes(term);
            _buffer.WriteVarUInt64((ulong)documentFrequency);
            _buffer.WriteVarUInt64((ulong)postingsOffset);
        }
        else
        {
            var shared = term.CommonPrefixLength(_previous.AsSpan(0, _previousLength));
            _buffer.WriteVarUInt64((ulong)shared);
            _buffer.WriteVarUInt64((ulong)(term.Length - shared));
            _buffer.WriteBytes(term[shared..]);
            _buffer.WriteVarUInt64((ulong)documentFrequency);
            _buffer.WriteVarUInt64((ulong)(postingsOffset - _previousOffset));
        }
        if (_previous.Length < term.Length) _previous = new byte[Math.Max(term.Length, _previous.Length * 2)];
        term.CopyTo(_previous);
        _previousLength = term.Length;
        _previousOffset = postingsOffset;
        TermCount++;
    }

    /// <summary>Writes what is buffered; call once more after the last term.</summary>
    public void Flush()
    {
        blocks.Write(_buffer.Written);
        _written += _buffer.Length;
        _buffer.Clear();
    }
}
