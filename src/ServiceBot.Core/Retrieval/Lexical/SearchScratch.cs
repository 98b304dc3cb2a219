namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// Per-thread buffers, so that a query allocates nothing proportional to the corpus and, past its analysis and its
/// result, next to nothing at all: garbage collections then stay out of the latency tail.
/// </summary>
internal sealed class SearchScratch
{
    public SearchScratch(int documentCount, int groupCount, int groupTopClauses)
    {
        Raw = new float[documentCount];
        Smoothed = new float[documentCount];
        IsCandidate = new bool[documentCount];
        GroupTopClauses = groupTopClauses;
        GroupBest = new float[groupCount * groupTopClauses];
        GroupEvidence = new float[groupCount];
        GroupSeen = new bool[groupCount];
        LawBoost = new float[groupCount];
        PoolGroupCount = new int[groupCount];
        GroupRank = new int[groupCount];
        GroupMask = new ulong[groupCount];
        Heap = new PriorityQueue<int, Candidate>(Candidate.WorstFirst);
        PoolGroupOrder = new GroupOrderComparer(GroupEvidence);
        RerankOrder = new RerankOrderComparer(this);
    }

    public readonly float[] Raw;
    public readonly float[] Smoothed;
    public readonly bool[] IsCandidate;
    public readonly List<int> Touched = new(1024);
    public readonly List<int> Candidates = new(2048);

    // Document evidence, indexed by group: each group's best clause scores in ascending slots of GroupTopClauses.
    public readonly int GroupTopClauses;
    public readonly float[] GroupBest;
    public readonly float[] GroupEvidence;
    public readonly bool[] GroupSeen;
    public readonly List<int> Groups = new(256);

    /// <summary>Each group's law-prior boost for the current query (written whole by each query that uses a prior).</summary>
    public readonly float[] LawBoost;

    /// <summary>The current query's terms as the first stage looked them up in each field.</summary>
    public readonly TermLookups Lookups = new();

    /// <summary>The first stage's best candidates while they are chosen.</summary>
    public readonly PriorityQueue<int, Candidate> Heap;

    // The second stage's per-query state: details of its candidates and their neighbours, and the pool's groups.
    public readonly Dictionary<int, FieldDetail> Details = new();
    public readonly Dictionary<int, float> TitleCoverage = new();
    public readonly int[] PoolGroupCount;
    public readonly int[] GroupRank;
    public readonly ulong[] GroupMask;
    public readonly List<int> PoolGroups = new(128);

    /// <summary>Orders groups by document evidence, strongest first, then by id.</summary>
    public readonly IComparer<int> PoolGroupOrder;

    /// <summary>Orders pool positions by <see cref="RerankScores"/>, best first; ties keep the first-stage order.</summary>
    public readonly IComparer<int> RerankOrder;
    /// <summary>The clauses whose details are computed in one pass, and that pass's per-field sums.</summary>
    public readonly List<int> MatchDocuments = new(512);
    private float[] _matchBuffers = [];
    private ulong[] _matchMasks = [];

    /// <summary>Six per-field sums for each of <paramref name="documents"/> clauses, side by side.</summary>
    public float[] MatchBuffers(int documents)
    {
        if (_matchBuffers.Length < 6 * documents) _matchBuffers = new float[6 * documents];
        return _matchBuffers;
    }

    public ulong[] MatchMasks(int documents)
    {
        if (_matchMasks.Length < documents) _matchMasks = new ulong[documents];
        return _matchMasks;
    }

    public double[] RerankScores = [];
    public int[] RerankPositions = [];
    private float[] _featureRows = [];

    /// <summary>A reusable row-major feature matrix of at least <paramref name="rows"/> rows.</summary>
    public float[] FeatureRows(int rows)
    {
        var length = rows * Ranking.RankingFeatures.Count;
        if (_featureRows.Length < length) _featureRows = new float[length];
        return _featureRows;
    }

    /// <summary>Score and position buffers for ordering <paramref name="rows"/> candidates.</summary>
    public void EnsureRerankRows(int rows)
    {
        if (RerankScores.Length >= rows) return;
        RerankScores = new double[rows];
        RerankPositions = new int[rows];
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
        foreach (var group in Groups)
        {
            Array.Clear(GroupBest, group * GroupTopClauses, GroupTopClauses);
            GroupEvidence[group] = 0;
            GroupSeen[group] = false;
        }
        Groups.Clear();
        Heap.Clear();
        Details.Clear();
        TitleCoverage.Clear();
        Lookups.Clear();
        ResetPool();
    }

    /// <summary>Forgets the second stage's pool (its groups' counts, ranks and masks); clause details stay, as they depend on the query alone.</summary>
    public void ResetPool()
    {
        foreach (var group in PoolGroups)
        {
            PoolGroupCount[group] = 0;
            GroupRank[group] = 0;
            GroupMask[group] = 0;
        }
        PoolGroups.Clear();
    }

    private sealed class GroupOrderComparer(float[] evidence) : IComparer<int>
    {
        public int Compare(int x, int y) => evidence[y].CompareTo(evidence[x]) is var c && c != 0 ? c : x.CompareTo(y);
    }

    private sealed class RerankOrderComparer(SearchScratch scratch) : IComparer<int>
    {
        public int Compare(int x, int y)
            => scratch.RerankScores[y].CompareTo(scratch.RerankScores[x]) is var c && c != 0 ? c : x.CompareTo(y);
    }
}

/// <summary>A query term's postings in one field, when the field has the term.</summary>
internal readonly record struct TermLookup(bool Found, TermPostings Postings);

/// <summary>Per field, the query's terms looked up in their enumeration order (empty when the first stage skipped the field).</summary>
internal sealed class TermLookups
{
    public readonly List<TermLookup> Words = new(64);
    public readonly List<TermLookup> Bigrams = new(128);
    public readonly List<TermLookup> QuestionWords = new(64);
    public readonly List<TermLookup> QuestionBigrams = new(128);

    public void Clear()
    {
        Words.Clear();
        Bigrams.Clear();
        QuestionWords.Clear();
        QuestionBigrams.Clear();
    }
}

/// <summary>A first-stage candidate's heap key: of two equal scores the lower document number ranks first, whatever order they came in.</summary>
internal readonly record struct Candidate(float Score, int Document)
{
    /// <summary>The heap's root is the candidate that ranks last.</summary>
    public static readonly IComparer<Candidate> WorstFirst = Comparer<Candidate>.Create(
        (x, y) => x.Score.CompareTo(y.Score) is var c && c != 0 ? c : y.Document.CompareTo(x.Document));

    public bool RanksAbove(Candidate other) => Score > other.Score || (Score == other.Score && Document < other.Document);
}

/// <summary>
/// One clause's match with the query, field by field (BM25 without the field weight), and which typed query
/// words it holds: bit i of <see cref="WordMask"/> is the i-th typed word.
/// </summary>
internal readonly record struct FieldDetail(float Words, float Bigrams, float Questions, float WordsCovered, float BigramsCovered, ulong WordMask);
