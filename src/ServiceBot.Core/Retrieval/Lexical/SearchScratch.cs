namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// Per-thread score buffers, so a query allocates nothing proportional to the corpus. Besides the combined
/// score, each field's BM25 and the query's coverage are kept apart: the second stage weighs them itself.
/// </summary>
internal sealed class SearchScratch(int documentCount)
{
    public readonly float[] Raw = new float[documentCount];
    public readonly float[] Words = new float[documentCount];
    public readonly float[] Bigrams = new float[documentCount];
    public readonly float[] Questions = new float[documentCount];
    public readonly float[] WordsCovered = new float[documentCount];
    public readonly float[] BigramsCovered = new float[documentCount];
    public readonly ulong[] WordMask = new ulong[documentCount];
    public readonly float[] Smoothed = new float[documentCount];
    public readonly float[] Neighbor = new float[documentCount];
    public readonly float[] Group = new float[documentCount];
    public readonly bool[] IsCandidate = new bool[documentCount];
    public readonly List<int> Touched = new(1024);
    public readonly List<int> Candidates = new(2048);
    public readonly Dictionary<int, float[]> GroupBest = new();
    public readonly Dictionary<int, float> GroupEvidence = new();
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
        foreach (var d in Touched)
        {
            Raw[d] = 0;
            Words[d] = 0;
            Bigrams[d] = 0;
            Questions[d] = 0;
            WordsCovered[d] = 0;
            BigramsCovered[d] = 0;
            WordMask[d] = 0;
        }
        foreach (var d in Candidates)
        {
            Smoothed[d] = 0;
            Neighbor[d] = 0;
            Group[d] = 0;
            IsCandidate[d] = false;
        }
        Touched.Clear();
        Candidates.Clear();
        GroupBest.Clear();
        GroupEvidence.Clear();
        TitleCoverage.Clear();
        PoolGroupCount.Clear();
        GroupRank.Clear();
        GroupMask.Clear();
    }
}
