using ServiceBot.Retrieval.Duplicates;
using ServiceBot.Text;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// Which document (law, policy) each clause belongs to and which clauses stand next to it.
/// Relevant clauses cluster: a question about a contract type touches several articles of one
/// chapter, so the ranker lets neighbours and the strongest documents lend each other evidence.
/// </summary>
internal sealed class DocumentGroups
{
    private const string NationalPrefix = "中华人民共和国";

    /// <summary>Position of a clause that names no article.</summary>
    public const float NoPosition = -1f;

    public required int[] GroupOf { get; init; }
    public required int[] Previous { get; init; }
    public required int[] Next { get; init; }
    public required int GroupCount { get; init; }

    /// <summary>Each group's normalised title (its key), for matching the words of a question.</summary>
    public required string[] Titles { get; init; }

    /// <summary>Each clause's article ordinal (see <see cref="ArticleNumber.TryParse"/>), or <see cref="NoPosition"/>.</summary>
    public required float[] Positions { get; init; }

    /// <summary>Near-duplicates, which have no neighbours and do not count in their group's size.</summary>
    public NearDuplicateGroups? Twins { get; set; }

    private int[]? _sizes;
    private float[]? _lastPositions;
    private float[]? _kinds;

    /// <summary>Clauses per group.</summary>
    public int[] Sizes => _sizes ??= CountSizes();

    /// <summary>Each group's highest article number (<see cref="NoPosition"/> when none has one).</summary>
    public float[] LastPositions => _lastPositions ??= FindLastPositions();

    /// <summary>Each group's kind of document by title (see <see cref="Ranking.RankingFeature.TitleKind"/>).</summary>
    public float[] Kinds => _kinds ??= Titles.Select(TitleKind).ToArray();

    public static float TitleKind(string title)
    {
        if (title.StartsWith("最高人民法院", StringComparison.Ordinal) || title.StartsWith("最高人民检察院", StringComparison.Ordinal)) return 3;
        // …办法 ends in 法 too, so rules are told apart before laws.
        if (title.Contains("办法", StringComparison.Ordinal) || title.Contains("规定", StringComparison.Ordinal)
            || title.Contains("细则", StringComparison.Ordinal) || title.Contains("规则", StringComparison.Ordinal)) return 4;
        if (title.EndsWith('法') || title.EndsWith("法典", StringComparison.Ordinal)) return 1;
        if (title.Contains("条例", StringComparison.Ordinal)) return 2;
        return 0;
    }

    private int[] CountSizes()
    {
        var sizes = new int[GroupCount];
        for (var d = 0; d < GroupOf.Length; d++)
            if (Twins?.IsTwin(d) != true) sizes[GroupOf[d]]++;
        return sizes;
    }

    private float[] FindLastPositions()
    {
        var last = Enumerable.Repeat(NoPosition, GroupCount).ToArray();
        for (var d = 0; d < GroupOf.Length; d++) last[GroupOf[d]] = MathF.Max(last[GroupOf[d]], Positions[d]);
        return last;
    }

    /// <summary>
    /// Groups the clauses by title and links each to its neighbours by article number. Twins are left out of the
    /// links, so a copied clause neither stands between two articles nor lends them its score.
    /// </summary>
    public static DocumentGroups Build(IReadOnlyList<IndexDocument> documents, NearDuplicateGroups twins)
    {
        var groupIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOf = new int[documents.Count];
        var position = new float[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            var key = GroupKey(documents[d].Title);
            if (!groupIds.TryGetValue(key, out var id)) groupIds[key] = id = groupIds.Count;
            groupOf[d] = id;
            position[d] = (float?)ArticleNumber.TryParse(documents[d].Section) ?? NoPosition;
        }

        var order = Enumerable.Range(0, documents.Count)
            .Where(d => !twins.IsTwin(d))
            .OrderBy(d => groupOf[d]).ThenBy(d => position[d]).ThenBy(d => d).ToArray();
        var previous = new int[documents.Count];
        var next = new int[documents.Count];
        Array.Fill(previous, -1);
        Array.Fill(next, -1);
        for (var k = 0; k < order.Length; k++)
        {
            var d = order[k];
            previous[d] = k > 0 && groupOf[order[k - 1]] == groupOf[d] ? order[k - 1] : -1;
            next[d] = k + 1 < order.Length && groupOf[order[k + 1]] == groupOf[d] ? order[k + 1] : -1;
        }
        var titles = new string[groupIds.Count];
        foreach (var (key, id) in groupIds) titles[id] = TextNormalizer.Normalize(key);
        return new DocumentGroups
        {
            GroupOf = groupOf, Previous = previous, Next = next, GroupCount = groupIds.Count, Titles = titles, Positions = position,
            Twins = twins,
        };
    }

    /// <summary>Statute titles appear with and without the national prefix; both name one law.</summary>
    public static string GroupKey(string title)
    {
        var key = title.Trim();
        return key.StartsWith(NationalPrefix, StringComparison.Ordinal) && key.Length > NationalPrefix.Length
            ? key[NationalPrefix.Length..]
            : key;
    }
}
