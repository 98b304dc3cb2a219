namespace ServiceBot.Retrieval.Lexical;

/// <summary>Per-thread score buffers, so a query allocates nothing proportional to the corpus.</summary>
internal sealed class SearchScratch(int documentCount)
{
    public readonly float[] Raw = new float[documentCount];
    public readonly float[] Smoothed = new float[documentCount];
    public readonly bool[] IsCandidate = new bool[documentCount];
    public readonly List<int> Touched = new(1024);
    public readonly List<int> Candidates = new(2048);

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
    }
}
