namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// One inverted field in compressed-row form: the postings of term t are
/// <c>Documents[Offsets[t]..Offsets[t+1]]</c> with their frequencies alongside.
/// </summary>
internal sealed class FieldPostings
{
    public required Dictionary<string, int> TermIds { get; init; }
    public required string[] Terms { get; init; }
    public required int[] Offsets { get; init; }
    public required int[] Documents { get; init; }
    public required ushort[] Frequencies { get; init; }
    public required int[] Lengths { get; init; }
    public required float AverageLength { get; init; }

    public int DocumentFrequency(int termId) => Offsets[termId + 1] - Offsets[termId];

    /// <summary>Builds the field from each document's term list; term ids follow first appearance.</summary>
    public static FieldPostings Build(IReadOnlyList<List<string>> documentTerms)
    {
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<string>();
        var lengths = new int[documentTerms.Count];
        var perDocument = new (int Term, int Count)[documentTerms.Count][];
        var counts = new Dictionary<int, int>();
        long postingCount = 0;
        for (var d = 0; d < documentTerms.Count; d++)
        {
            counts.Clear();
            foreach (var term in documentTerms[d])
            {
                if (!termIds.TryGetValue(term, out var id))
                {
                    id = terms.Count;
                    termIds.Add(term, id);
                    terms.Add(term);
                }
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
            lengths[d] = documentTerms[d].Count;
            perDocument[d] = counts.Select(p => (p.Key, p.Value)).ToArray();
            postingCount += perDocument[d].Length;
        }

        // Counting sort by term keeps each postings list in document order.
        var offsets = new int[terms.Count + 1];
        foreach (var entries in perDocument)
            foreach (var (term, _) in entries) offsets[term + 1]++;
        for (var t = 0; t < terms.Count; t++) offsets[t + 1] += offsets[t];
        var cursor = offsets[..^1].ToArray();
        var documents = new int[postingCount];
        var frequencies = new ushort[postingCount];
        for (var d = 0; d < perDocument.Length; d++)
            foreach (var (term, count) in perDocument[d])
            {
                var slot = cursor[term]++;
                documents[slot] = d;
                frequencies[slot] = (ushort)Math.Min(count, ushort.MaxValue);
            }

        return new FieldPostings
        {
            TermIds = termIds,
            Terms = terms.ToArray(),
            Offsets = offsets,
            Documents = documents,
            Frequencies = frequencies,
            Lengths = lengths,
            AverageLength = lengths.Length == 0 ? 1f : Math.Max(1f, (float)lengths.Average()),
        };
    }
}
