namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// Merges one field's sorted runs into its final postings and term dictionary. Runs hold consecutive ranges
/// of documents, so a term's postings are its runs' postings concatenated in run order.
/// </summary>
internal static class RunMerger
{
    /// <summary>Writes the field's postings to <paramref name="postings"/> and its terms to <paramref name="terms"/>.</summary>
    public static void Merge(IReadOnlyList<RunLocation> runs, Stream postings, TermDictionaryWriter terms)
    {
        var readers = new List<RunReader>(runs.Count);
        try
        {
            for (var r = 0; r < runs.Count; r++) readers.Add(new RunReader(runs[r], r));
            var queue = new PriorityQueue<RunReader, RunReader>(RunReader.TermThenRun);
            foreach (var reader in readers)
                if (reader.MoveNextTerm()) queue.Enqueue(reader, reader);

            var documents = new List<int>();
            var frequencies = new List<int>();
            var encoded = new ByteBuffer(1 << 16);
            long written = 0;
            while (queue.TryDequeue(out var first, out _))
            {
                var term = first.Term.ToArray();
                documents.Clear();
                frequencies.Clear();
                var reader = first;
                while (true)
                {
                    reader.ReadPostings(documents, frequencies);
                    if (reader.MoveNextTerm()) queue.Enqueue(reader, reader);
                    if (!queue.TryPeek(out var next, out _) || !next.Term.SequenceEqual(term)) break;
                    reader = queue.Dequeue();
                }
                encoded.Clear();
                PostingsCodec.Write(encoded, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(documents),
                    System.Runtime.InteropServices.CollectionsMarshal.AsSpan(frequencies));
                terms.Add(term, documents.Count, written);
                postings.Write(encoded.Written);
                written += encoded.Length;
            }
            terms.Flush();
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
    }
}

/// <summary>Where one field's sorted run lies in a spill file.</summary>
internal readonly record struct RunLocation(string Path, long Offset);

/// <summary>Reads one sorted run term by term.</summary>
internal sealed class RunReader : IDisposable
{
    public static readonly IComparer<RunReader> TermThenRun = Comparer<RunReader>.Create((x, y) =>
        x.Term.SequenceCompareTo(y.Term) is var order && order != 0 ? order : x._order.CompareTo(y._order));

    private readonly FileStream _stream;
    private readonly int _order;
    private long _termsLeft;
    private byte[] _term = new byte[64];
    private int _termLength;
    private int _postingsLeft;

    public RunReader(RunLocation location, int order)
    {
        _order = order;
        _stream = new FileStream(location.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 14);
        _stream.Position = location.Offset;
        _termsLeft = (long)VarInt.ReadUInt64(_stream);
    }

    public ReadOnlySpan<byte> Term => _term.AsSpan(0, _termLength);

    public bool MoveNextTerm()
    {
        if (_termsLeft == 0) return false;
        _termsLeft--;
        _termLength = checked((int)VarInt.ReadUInt64(_stream));
        if (_term.Length < _termLength) _term = new byte[Math.Max(_termLength, _term.Length * 2)];
        _stream.ReadExactly(_term, 0, _termLength);
        _postingsLeft = checked((int)VarInt.ReadUInt64(_stream));
        return true;
    }

    public void ReadPostings(List<int> documents, List<int> frequencies)
    {
        for (; _postingsLeft > 0; _postingsLeft--)
        {
            documents.Add(checked((int)VarInt.ReadUInt64(_stream)));
            frequencies.Add(checked((int)VarInt.ReadUInt64(_stream)));
        }
    }

    public void Dispose() => _stream.Dispose();
}
