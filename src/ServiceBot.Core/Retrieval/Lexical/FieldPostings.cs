namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// One inverted field read from a mapped index file: the term dictionary, each term's compressed postings
/// (<see cref="PostingsCodec"/>) and every document's length in the field.
/// </summary>
internal sealed unsafe class FieldPostings
{
    private readonly byte* _postings;
    private readonly long _postingsLength;
    private readonly TermDictionary _terms;

    public FieldPostings(MappedIndexFile file, IndexSection postings, TermDictionary terms, MappedColumn<ushort> lengths, long termCount, float averageLength)
    {
        _postings = file.At(postings.Offset);
        _postingsLength = postings.Length;
        _terms = terms;
        Lengths = lengths;
        TermCount = termCount;
        AverageLength = averageLength;
    }

    /// <summary>Each document's number of terms in the field (saturating at 65,535).</summary>
    public MappedColumn<ushort> Lengths { get; }

    public float AverageLength { get; }

    public long TermCount { get; }

    public bool TryFind(string term, out TermPostings postings)
    {
        if (!_terms.TryFind(term, out postings)) return false;
        if (postings.Offset < 0 || postings.Offset >= _postingsLength)
            throw new InvalidDataException("The lexical index is inconsistent. Rebuild the index.");
        return true;
    }

    public int DocumentFrequency(string term) => TryFind(term, out var postings) ? postings.DocumentFrequency : 0;

    public PostingsCursor Read(TermPostings postings) => PostingsCodec.Read(_postings + postings.Offset, postings.DocumentFrequency);

    /// <summary>A forward pass over the term's postings that finds ascending documents (<see cref="PostingsSeeker"/>).</summary>
    public PostingsSeeker Seek(TermPostings postings) => new(_postings + postings.Offset, postings.DocumentFrequency);
}
