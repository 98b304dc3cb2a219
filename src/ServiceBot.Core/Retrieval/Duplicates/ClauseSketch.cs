namespace ServiceBot.Retrieval.Duplicates;

/// <summary>
/// What near-duplicate detection needs of a clause: its LSH band keys and its shingles as sorted 32-bit hashes.
/// Computed while the clause is analysed, so the index build never has to hold clause texts.
/// </summary>
internal sealed class ClauseSketch
{
    private ClauseSketch(ulong[] bandKeys, uint[] shingles)
    {
        BandKeys = bandKeys;
        Shingles = shingles;
    }

    public ulong[] BandKeys { get; }

    /// <summary>Distinct shingle hashes in ascending order.</summary>
    public uint[] Shingles { get; }

    /// <summary>The sketch of <paramref name="text"/>, or null for a clause with nothing to compare.</summary>
    public static ClauseSketch? Of(string text)
    {
        var shingles = ClauseShingles.Of(text);
        var keys = new ulong[MinHashBands.Bands];
        if (!MinHashBands.Keys(shingles, keys)) return null;
        var hashes = new uint[shingles.Count];
        var i = 0;
        foreach (var shingle in shingles) hashes[i++] = MinHashBands.Hash32(shingle);
        Array.Sort(hashes);
        // Two shingles may share a 32-bit hash (about one pair in 10⁸ within a clause); keep each hash once.
        var distinct = hashes.Length == 0 ? 0 : 1;
        for (var k = 1; k < hashes.Length; k++)
            if (hashes[k] != hashes[distinct - 1]) hashes[distinct++] = hashes[k];
        return new ClauseSketch(keys, distinct == hashes.Length ? hashes : hashes[..distinct]);
    }

    /// <summary>|a ∩ b| / |a ∪ b| of two ascending hash sets; two empty sets are not alike.</summary>
    public static double Jaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.IsEmpty || b.IsEmpty) return 0;
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / (a.Length + b.Length - shared);
    }
}
