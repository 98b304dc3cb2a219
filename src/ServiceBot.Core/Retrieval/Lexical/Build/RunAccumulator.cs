using System.Text;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// One field's postings for the documents of the current run, in three parallel columns, until they are
/// spilled to disk as a run sorted by term (UTF-8 byte order), each term's documents ascending.
/// </summary>
internal sealed class RunAccumulator
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private int[] _termOf = new int[1 << 16];
    private int[] _documents = new int[1 << 16];
    private int[] _frequencies = new int[1 << 16];

    public int PostingCount { get; private set; }

    public void Add(int document, ReadOnlySpan<TermCount> terms)
    {
        foreach (var (term, count) in terms)
        {
            if (!_termIds.TryGetValue(term, out var id))
            {
                id = _terms.Count;
                _termIds.Add(term, id);
                _terms.Add(term);
            }
            if (PostingCount == _termOf.Length)
            {
                var size = _termOf.Length * 2;
                Array.Resize(ref _termOf, size);
                Array.Resize(ref _documents, size);
                Array.Resize(ref _frequencies, size);
            }
            _termOf[PostingCount] = id;
            _documents[PostingCount] = document;
            _frequencies[PostingCount] = count;
            PostingCount++;
        }
    }

    /// <summary>Writes the run (term count, then per term: UTF-8 key, posting count, document and frequency pairs) and empties the accumulator.</summary>
    public void Spill(Stream output)
    {
        var keys = new byte[_terms.Count][];
        for (var t = 0; t < keys.Length; t++) keys[t] = Encoding.UTF8.GetBytes(_terms[t]);
        var sorted = new int[keys.Length];
        for (var t = 0; t < sorted.Length; t++) sorted[t] = t;
        Array.Sort(sorted, (x, y) => keys[x].AsSpan().SequenceCompareTo(keys[y]));

        // Counting sort by term keeps each term's documents in the order they were added, ascending.
        var starts = new int[keys.Length + 1];
        for (var p = 0; p < PostingCount; p++) starts[_termOf[p] + 1]++;
        for (var t = 0; t < keys.Length; t++) starts[t + 1] += starts[t];
        var cursor = starts[..^1];
        var byTerm = new int[PostingCount];
        for (var p = 0; p < PostingCount; p++) byTerm[cursor[_termOf[p]]++] = p;

        var buffer = new ByteBuffer(1 << 16);
        buffer.WriteVarUInt64((ulong)keys.Length);
        foreach (var t in sorted)
        {
            buffer.WriteVarUInt64((ulong)keys[t].Length);
            buffer.WriteBytes(keys[t]);
            var count = starts[t + 1] - starts[t];
            buffer.WriteVarUInt64((ulong)count);
            for (var i = starts[t]; i < starts[t + 1]; i++)
            {
                buffer.WriteVarUInt64((ulong)_documents[byTerm[i]]);
                buffer.WriteVarUInt64((ulong)_frequencies[byTerm[i]]);
            }
            if (buffer.Length >= 1 << 16)
            {
                output.Write(buffer.Written);
                buffer.Clear();
            }
        }
        output.Write(buffer.Written);
        _termIds.Clear();
        _terms.Clear();
        PostingCount = 0;
    }
}

/// <summary>A term and how often one document holds it.</summary>
internal readonly record struct TermCount(string Term, int Count);
