namespace ServiceBot.Retrieval.Lexical;

/// <summary>Per-thread score buffers, so a query allocates nothing proportional to the corpus.</summary>
internal sealed class SearchScratch(int documentCount)
{
    public readonly float[] Raw = new float[documentCount];
    public readonly float[] Smoothed = new float[documentCount];
    public readonly bool[] IsCandidate = new bool[documentCount];
    public readonly List<int> Touched = new(1024);
    public readonly List<int> Candidates = new(2048);
    public readonly Dictionary<int, float[]> GroupBest = new();
    public readonly Dictionary<int, float> GroupEvidence = new();

    // The second stage's per-query state, sized by its candidates rather than by the corpus.
    public readonly Dictionary<int, FieldDetail> Details = new();
    public readonly Dictionary<int, float> TitleCoverage = new();
    public readonly Dictionary<int, int> PoolGroupCount = new();
    public readonly Dictionary<int, int> GroupRank = new();
    public readonly Dictionary<int, ulong> GroupMask = new();
    private float[] _featureRows = [];

    /// <summary>A reusable row-major feature matrix of at least <paramref name="rows"/> rows.</summary>
    public float[] FeatureRows(int rows)
    {
        var length = rows * Ranking.RankingFeatures.Count;
        if (_featureRows.Length < length) _featureRows = new float[length];
        return _featureRows;
    }

    public void Reset()
    {
        foreach (var d in Touched) Raw[d] = 0;
        foreach (var d in Candidates)
        {
            Smoothed[d] = 0;
            IsCandidate[d] = false;
        }
        Touched.Clear();
        Candidates.Clear();
        GroupBest.Clear();
        GroupEvidence.Clear();
        Details.Clear();
        TitleCoverage.Clear();
        PoolGroupCount.Clear();
        GroupRank.Clear();
        GroupMask.Clear();
    }
}

/// <summary>
/// One clause's match with the query, field by field (BM25 without the field weight), and which typed query
/// words it holds: bit i of <see cref="WordMask"/> is the i-th typed word.
/// </summary>
internal readonly record struct FieldDetail(float Words, float Bigrams, float Questions, float WordsCovered, float BigramsCovered, ulong WordMask);
