namespace ServiceBot.Text;

/// <summary>A query as weighted terms per index field.</summary>
/// <param name="Words">Word terms (from the segmenter and synonym expansion) with their weights.</param>
/// <param name="Bigrams">CJK character bigrams with their weights.</param>
public sealed record AnalyzedQuery(IReadOnlyDictionary<string, float> Words, IReadOnlyDictionary<string, float> Bigrams)
{
    public bool IsEmpty => Words.Count == 0 && Bigrams.Count == 0;
}
