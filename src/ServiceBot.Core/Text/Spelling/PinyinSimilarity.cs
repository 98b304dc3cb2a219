namespace ServiceBot.Text.Spelling;

/// <summary>
/// How far apart two toneless syllables sound. Tones are already gone; the pairs that speakers of many
/// dialects merge (zh/z, ch/c, sh/s, n/l, f/h, r/l; -n/-ng) count as near, a shared final as further.
/// </summary>
internal static class PinyinSimilarity
{
    public const double Same = 0;
    public const double Merged = 1.5;
    public const double SameFinal = 2;
    public const double Different = 3;

    private static readonly string[] Initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"];

    private static readonly HashSet<(string, string)> MergedInitials = Symmetric([("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l")]);

    private static readonly HashSet<(string, string)> MergedFinals = Symmetric([("an", "ang"), ("en", "eng"), ("in", "ing"), ("ian", "iang"), ("uan", "uang")]);

    public static double Distance(string first, string second)
    {
        if (first == second) return Same;
        var (initialA, finalA) = Split(first);
        var (initialB, finalB) = Split(second);
        return Distance(initialA, finalA, initialB, finalB);
    }

    public static double Distance(string initialA, string finalA, string initialB, string finalB)
    {
        if (initialA == initialB && finalA == finalB) return Same;
        if (finalA == finalB) return MergedInitials.Contains((initialA, initialB)) ? Merged : SameFinal;
        if (initialA == initialB && MergedFinals.Contains((finalA, finalB))) return Merged;
        return Different;
    }

    public static (string Initial, string Final) Split(string syllable)
    {
        foreach (var initial in Initials)
            if (syllable.Length > initial.Length && syllable.StartsWith(initial, StringComparison.Ordinal))
                return (initial, syllable[initial.Length..]);
        return ("", syllable);
    }

    private static HashSet<(string, string)> Symmetric(IEnumerable<(string A, string B)> pairs)
        => pairs.SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) }).ToHashSet();
}
