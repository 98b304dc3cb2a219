using System.Runtime.InteropServices;
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

    public required MappedColumn<int> GroupOf { get; init; }
    public required MappedColumn<int> Previous { get; init; }
    public required MappedColumn<int> Next { get; init; }
    public required int GroupCount { get; init; }

    /// <summary>Each group's normalised title (its key), for matching the words of a question.</summary>
    public required string[] Titles { get; init; }

    /// <summary>Each clause's article ordinal (see <see cref="ArticleNumber.TryParse"/>), or <see cref="NoPosition"/>.</summary>
    public required MappedColumn<float> Positions { get; init; }

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

    /// <summary>Statute titles appear with and without the national prefix; both name one law.</summary>
    public static string GroupKey(string title)
    {
        var key = title.Trim();
        return key.StartsWith(NationalPrefix, StringComparison.Ordinal) && key.Length > NationalPrefix.Length
            ? key[NationalPrefix.Length..]
            : key;
    }
}

/// <summary>
/// Collects each document's group and article position as documents stream past, then orders them to
/// link every clause to its neighbours. It keeps a few numbers per document, never the documents.
/// </summary>
internal sealed class DocumentGroupsBuilder
{
    private readonly Dictionary<string, int> _groupIds = new(StringComparer.Ordinal);
    private readonly List<string> _titles = [];
    private readonly List<int> _groupOf = [];
    private readonly List<float> _positions = [];

    public int GroupCount => _titles.Count;

    public IReadOnlyList<string> Titles => _titles;

    public void Add(string title, string section)
    {
        var key = DocumentGroups.GroupKey(title);
        if (!_groupIds.TryGetValue(key, out var id))
        {
            _groupIds[key] = id = _titles.Count;
            _titles.Add(TextNormalizer.Normalize(key));
        }
        _groupOf.Add(id);
        _positions.Add((float?)ArticleNumber.TryParse(section) ?? DocumentGroups.NoPosition);
    }

    /// <summary>
    /// Writes group, previous and next clause, and position per document, in that order, as 32-bit columns. Twins
    /// are left out of the neighbour links, so a copied clause neither stands between two articles nor lends them its score.
    /// </summary>
    public void WriteColumns(NearDuplicateGroups twins, Action<int, ReadOnlySpan<byte>> write)
    {
        var count = _groupOf.Count;
        var groupOf = _groupOf.ToArray();
        var positions = _positions.ToArray();
        var order = Enumerable.Range(0, count).Where(d => !twins.IsTwin(d)).ToArray();
        Array.Sort(order, (x, y) => groupOf[x] != groupOf[y] ? groupOf[x].CompareTo(groupOf[y])
            : positions[x] != positions[y] ? positions[x].CompareTo(positions[y])
            : x.CompareTo(y));
        var previous = new int[count];
        var next = new int[count];
        Array.Fill(previous, -1);
        Array.Fill(next, -1);
        for (var k = 0; k < order.Length; k++)
        {
            var d = order[k];
            previous[d] = k > 0 && groupOf[order[k - 1]] == groupOf[d] ? order[k - 1] : -1;
            next[d] = k + 1 < order.Length && groupOf[order[k + 1]] == groupOf[d] ? order[k + 1] : -1;
        }
        write(IndexFileLayout.GroupOf, MemoryMarshal.AsBytes(groupOf.AsSpan()));
        write(IndexFileLayout.Previous, MemoryMarshal.AsBytes(previous.AsSpan()));
        write(IndexFileLayout.Next, MemoryMarshal.AsBytes(next.AsSpan()));
        write(IndexFileLayout.Positions, MemoryMarshal.AsBytes(positions.AsSpan()));
    }
}
