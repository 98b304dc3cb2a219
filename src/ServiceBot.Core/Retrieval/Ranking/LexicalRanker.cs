namespace ServiceBot.Retrieval.Ranking;

/// <summary>
/// The shipped second-stage model, <c>ranking/lexical-ranker.json</c> beside the program. It is trained offline
/// (the benchmarks' <c>train-ranker</c>); without the file the lexical index keeps its first-stage order.
/// </summary>
public static class LexicalRanker
{
    public const string RelativePath = "ranking/lexical-ranker.json";

    private static readonly Lazy<TreeEnsemble?> Shipped = new(() => LoadOrNull(Path.Combine(AppContext.BaseDirectory, RelativePath)));

    /// <summary>The shipped model, or null when the file is absent.</summary>
    public static TreeEnsemble? Default => Shipped.Value;

    /// <summary>Loads a model and checks that it was trained on this build's features.</summary>
    /// <exception cref="InvalidDataException">The file is malformed or names other features.</exception>
    public static TreeEnsemble Load(string path) => TreeEnsemble.Load(path, RankingFeatures.Names, "train-ranker");

    private static TreeEnsemble? LoadOrNull(string path) => File.Exists(path) ? Load(path) : null;
}
