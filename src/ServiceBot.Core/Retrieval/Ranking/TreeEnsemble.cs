using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceBot.Storage;

namespace ServiceBot.Retrieval.Ranking;

/// <summary>
/// A boosted ensemble of regression trees (as trained by FastTree LambdaRank), evaluated without any machine-learning
/// runtime: score = bias + Σ weight × leaf. A node sends a value ≤ its threshold left; a negative child index
/// <c>~i</c> names leaf <c>i</c>.
/// </summary>
public sealed class TreeEnsemble
{
    public const string FormatName = "servicebot-tree-ensemble";
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public TreeEnsemble(IReadOnlyList<string> features, double bias, IReadOnlyList<RankingTree> trees)
    {
        Features = features;
        Bias = bias;
        _trees = trees.ToArray();
        foreach (var tree in _trees) tree.Validate(features.Count);
    }

    // Scored for every candidate of every query: an array's loop allocates no enumerator.
    private readonly RankingTree[] _trees;

    public IReadOnlyList<string> Features { get; }

    public double Bias { get; }

    public IReadOnlyList<RankingTree> Trees => _trees;

    public double Score(ReadOnlySpan<float> features)
    {
        var score = Bias;
        foreach (var tree in _trees) score += tree.Weight * tree.LeafValues[tree.LeafOf(features)];
        return score;
    }

    /// <summary>
    /// Splits <see cref="Score"/> among the features by following each tree's path: a split moves the expected
    /// value from the node's to the child's (the unweighted mean of the leaves below). The parts plus
    /// <paramref name="baseline"/> add up to the score.
    /// </summary>
    public double[] Contributions(ReadOnlySpan<float> features, out double baseline)
    {
        var contributions = new double[Features.Count];
        baseline = Bias;
        foreach (var tree in Trees)
        {
            if (tree.Nodes == 0)
            {
                baseline += tree.Weight * tree.LeafValues[0];
                continue;
            }
            baseline += tree.Weight * tree.NodeMean[0];
            var node = 0;
            while (true)
            {
                var child = features[tree.SplitFeatures[node]] <= tree.Thresholds[node] ? tree.LeftChildren[node] : tree.RightChildren[node];
                var childMean = child < 0 ? tree.LeafValues[~child] : tree.NodeMean[child];
                contributions[tree.SplitFeatures[node]] += tree.Weight * (childMean - tree.NodeMean[node]);
                if (child < 0) break;
                node = child;
            }
        }
        return contributions;
    }

    public void Save(string path)
    {
        var model = new ModelFile(FormatName, FormatVersion, Features, Bias,
            Trees.Select(t => new TreeFile(t.Weight, t.SplitFeatures, t.Thresholds, t.LeftChildren, t.RightChildren, t.LeafValues)).ToList());
        JsonDataFile.Write(path, model, Json);
    }

    /// <exception cref="InvalidDataException">The file is not a tree ensemble of this format, or is inconsistent.</exception>
    public static TreeEnsemble Load(string path)
    {
        var model = JsonDataFile.Read<ModelFile>(path, Json, "a ranking model");
        if (model is null || model.Format != FormatName || model.Version != FormatVersion)
            throw new InvalidDataException($"{path} is not a {FormatName} file of version {FormatVersion}.");
        try
        {
            return new TreeEnsemble(model.Features, model.Bias,
                model.Trees.Select(t => new RankingTree(t.Weight, t.Split, t.Threshold, t.Left, t.Right, t.Leaves)).ToList());
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }

    /// <summary>Loads a model and checks that it was trained on the features this build computes.</summary>
    /// <param name="trainer">The benchmarks command that trains it again, named in the error.</param>
    /// <exception cref="InvalidDataException">The file is malformed or names other features.</exception>
    public static TreeEnsemble Load(string path, IReadOnlyList<string> features, string trainer)
    {
        var model = Load(path);
        if (!model.Features.SequenceEqual(features, StringComparer.Ordinal))
            throw new InvalidDataException(
                $"{path} was trained on the features [{string.Join(", ", model.Features)}]; this build computes " +
                $"[{string.Join(", ", features)}]. Train the ranker again ({trainer}).");
        return model;
    }

    private sealed record ModelFile(
        string Format, int Version, IReadOnlyList<string> Features, double Bias, IReadOnlyList<TreeFile> Trees);

    private sealed record TreeFile(
        double Weight,
        [property: JsonPropertyName("split")] int[] Split,
        [property: JsonPropertyName("threshold")] float[] Threshold,
        [property: JsonPropertyName("left")] int[] Left,
        [property: JsonPropertyName("right")] int[] Right,
        [property: JsonPropertyName("leaves")] double[] Leaves);
}

/// <summary>One tree of a <see cref="TreeEnsemble"/>; internal nodes are 0..Nodes-1, leaves are addressed as <c>~i</c>.</summary>
public sealed class RankingTree
{
    public RankingTree(double weight, int[] splitFeatures, float[] thresholds, int[] leftChildren, int[] rightChildren, double[] leafValues)
    {
        Weight = weight;
        SplitFeatures = splitFeatures;
        Thresholds = thresholds;
        LeftChildren = leftChildren;
        RightChildren = rightChildren;
        LeafValues = leafValues;
        NodeMean = new double[splitFeatures.Length];
    }

    public double Weight { get; }
    public int[] SplitFeatures { get; }
    public float[] Thresholds { get; }
    public int[] LeftChildren { get; }
    public int[] RightChildren { get; }
    public double[] LeafValues { get; }

    /// <summary>Unweighted mean of the leaves under each internal node.</summary>
    internal double[] NodeMean { get; }

    public int Nodes => SplitFeatures.Length;

    public int LeafOf(ReadOnlySpan<float> features)
    {
        if (Nodes == 0) return 0;
        var node = 0;
        do node = features[SplitFeatures[node]] <= Thresholds[node] ? LeftChildren[node] : RightChildren[node];
        while (node >= 0);
        return ~node;
    }

    internal void Validate(int featureCount)
    {
        var nodes = Nodes;
        if (Thresholds.Length != nodes || LeftChildren.Length != nodes || RightChildren.Length != nodes)
            throw new ArgumentException("a tree's node arrays differ in length");
        if (LeafValues.Length != nodes + 1) throw new ArgumentException($"a tree of {nodes} nodes needs {nodes + 1} leaves, has {LeafValues.Length}");
        for (var n = 0; n < nodes; n++)
        {
            if (SplitFeatures[n] < 0 || SplitFeatures[n] >= featureCount)
                throw new ArgumentException($"node {n} splits on feature {SplitFeatures[n]}, outside 0..{featureCount - 1}");
            foreach (var child in new[] { LeftChildren[n], RightChildren[n] })
                if (child >= nodes || child <= n && child >= 0 || child < 0 && ~child >= LeafValues.Length)
                    throw new ArgumentException($"node {n} points to a missing child {child}");
        }
        if (nodes > 0) Mean(0);
    }

    // Children always have larger indices than their parent (checked above), so the recursion ends.
    private (double Sum, int Count) Mean(int node)
    {
        var (leftSum, leftCount) = LeftChildren[node] < 0 ? (LeafValues[~LeftChildren[node]], 1) : Mean(LeftChildren[node]);
        var (rightSum, rightCount) = RightChildren[node] < 0 ? (LeafValues[~RightChildren[node]], 1) : Mean(RightChildren[node]);
        NodeMean[node] = (leftSum + rightSum) / (leftCount + rightCount);
        return (leftSum + rightSum, leftCount + rightCount);
    }
}
