namespace ServiceBot.Text;

/// <summary>
/// The synonym groups of the thesaurus that ships with jieba (cn_synonym.txt, "词林" format:
/// a code ending in '=' marks true synonyms). Only small groups are kept: large ones mix senses.
/// </summary>
internal static class GeneralThesaurus
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, IReadOnlyList<IReadOnlyList<string>>> Cache = new();

    public static IReadOnlyList<IReadOnlyList<string>> Groups(int maxGroupSize)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(maxGroupSize, out var cached)) return cached;
            var groups = new List<IReadOnlyList<string>>();
            var path = Path.Combine(SegmenterResources.Directory, "cn_synonym.txt");
            if (File.Exists(path))
                foreach (var line in File.ReadLines(path))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length < 3 || !parts[0].EndsWith('=')) continue;
                    // Single characters are too ambiguous to expand.
                    var members = parts.Skip(1).Where(w => w.Length >= 2).Distinct().ToArray();
                    if (members.Length >= 2 && members.Length <= maxGroupSize) groups.Add(members);
                }
            return Cache[maxGroupSize] = groups;
        }
    }
}
