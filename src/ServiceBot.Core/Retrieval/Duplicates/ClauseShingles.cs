namespace ServiceBot.Retrieval.Duplicates;

/// <summary>
/// The character shingles of a clause with punctuation, whitespace and case folded away, so that a copy that only
/// moves a comma or a line break keeps every shingle. Three characters fit one <see cref="ulong"/> exactly, so a
/// shingle is its own hash and two shingles never collide.
/// </summary>
internal static class ClauseShingles
{
    public const int Length = 3;

    public static HashSet<ulong> Of(string text)
    {
        Span<char> kept = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var count = 0;
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) kept[count++] = char.ToLowerInvariant(c);
        var shingles = new HashSet<ulong>();
        // A clause shorter than one shingle is one shingle of what it has.
        if (count is > 0 and < Length) shingles.Add(Pack(kept[..count]));
        for (var i = 0; i + Length <= count; i++) shingles.Add(Pack(kept.Slice(i, Length)));
        return shingles;
    }

    /// <summary>|a ∩ b| / |a ∪ b|; two empty sets are not alike.</summary>
    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var shingle in small)
            if (large.Contains(shingle)) shared++;
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static ulong Pack(ReadOnlySpan<char> shingle)
    {
        ulong value = 0;
        foreach (var c in shingle) value = value << 16 | c;
        // Mark the length so "ab" never equals "\0ab".
        return value | (ulong)shingle.Length << 48;
    }
}
