namespace ServiceBot.Retrieval.Ranking;

/// <summary>
/// The knowledge base's second stage: a tree ensemble over <see cref="KnowledgeRankingFeatures"/> that orders the answer
/// composer's candidates. It is trained offline on the lay-question development set (the benchmarks'
/// <c>train-knowledge-ranker</c>) and shipped as <c>ranking/knowledge-ranker.json</c> beside the program.
/// </summary>
public static class KnowledgeRanker
{
    public const string RelativePath = "ranking/knowledge-ranker.json";

    /// <summary>Loads a model and checks that it was trained on this build's features.</summary>
    /// <exception cref="InvalidDataException">The file is malformed or names other features.</exception>
    public static TreeEnsemble Load(string path) => TreeEnsemble.Load(path, KnowledgeRankingFeatures.Names, "train-knowledge-ranker");

    /// <summary>
    /// The model the options name: none when it is turned off, the configured file (which must load), or the shipped
    /// file, and none when that is absent.
    /// </summary>
    /// <exception cref="InvalidDataException">The configured or shipped file is missing, malformed or names other features.</exception>
    public static TreeEnsemble? FromOptions(KnowledgeRankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UseKnowledgeRanker) return null;
        if (!string.IsNullOrWhiteSpace(options.KnowledgeRankerPath))
            return File.Exists(options.KnowledgeRankerPath)
                ? Load(options.KnowledgeRankerPath)
                : throw new InvalidDataException($"{options.KnowledgeRankerPath} does not exist.");
        return Shipped.Value;
    }

    // Loaded once: every composer built with the defaults shares it.
    private static readonly Lazy<TreeEnsemble?> Shipped = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, RelativePath);
        return File.Exists(path) ? Load(path) : null;
    });
}
