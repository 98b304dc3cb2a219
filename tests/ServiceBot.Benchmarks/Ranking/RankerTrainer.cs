using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Benchmarks.Ranking;

/// <summary>One query's first-stage candidates with their relevance labels.</summary>
public sealed record LabelledQuery(string Id, IReadOnlyList<string> CandidateIds, IReadOnlyList<float[]> Features, IReadOnlyList<bool> Relevant,
    IReadOnlyList<string> Judged);

/// <summary>
/// Trains FastTree LambdaRank with ML.NET and exports the trees to the runtime's <see cref="TreeEnsemble"/>,
/// so ServiceBot.Core evaluates the model without ML.NET.
/// </summary>
/// <param name="features">The names of a feature row's columns; the lexical <see cref="RankingFeatures"/> by default.</param>
public sealed class RankerTrainer(TrainRankerOptions options, IReadOnlyList<string>? features = null)
{
    private readonly IReadOnlyList<string> _features = features ?? RankingFeatures.Names;

    private sealed class Row
    {
        public float Label { get; set; }
        public uint Query { get; set; }

        [VectorType]
        public float[] Features { get; set; } = [];
    }

    /// <summary>
    /// One boosted ensemble, or with <see cref="TrainRankerOptions.Bags"/> above one the average of that many, each trained on
    /// a seeded share of the queries: averaging lowers how far the ranking moves when a few questions are added.
    /// </summary>
    public TreeEnsemble Train(IReadOnlyList<LabelledQuery> queries)
    {
        if (options.Bags <= 1) return TrainOne(queries, options.Seed);
        var bags = Enumerable.Range(0, options.Bags).Select(bag =>
        {
            var random = new Random(options.Seed * 1000 + bag);
            var share = queries.Where(_ => random.NextDouble() < options.BagShare).ToList();
            return TrainOne(share, options.Seed + bag);
        }).ToList();
        var trees = bags.SelectMany(bag => bag.Trees.Select(tree => new RankingTree(tree.Weight / bags.Count, tree.SplitFeatures,
            tree.Thresholds, tree.LeftChildren, tree.RightChildren, tree.LeafValues))).ToList();
        return new TreeEnsemble(_features, bags.Average(bag => bag.Bias), trees);
    }

    private TreeEnsemble TrainOne(IReadOnlyList<LabelledQuery> queries, int seed)
    {
        var ml = new MLContext(seed: seed);
        var rows = new List<Row>();
        for (var q = 0; q < queries.Count; q++)
            for (var c = 0; c < queries[q].Features.Count; c++)
                rows.Add(new Row { Label = queries[q].Relevant[c] ? 1 : 0, Query = (uint)q, Features = queries[q].Features[c] });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _features.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var keyed = ml.Transforms.Conversion.MapValueToKey("QueryKey", nameof(Row.Query)).Fit(data).Transform(data);
        var trainer = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            RowGroupColumnName = "QueryKey",
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumLeafRows,
            LearningRate = options.LearningRate,
            Seed = seed,
            NumberOfThreads = 1,
            NdcgTruncationLevel = 100,
        });
        var model = trainer.Fit(keyed);
        var ensemble = Export(model.Model, _features);
        CheckAgainstMlNet(ml, model, keyed, rows, ensemble);
        return ensemble;
    }

    private static TreeEnsemble Export(FastTreeRankingModelParameters parameters, IReadOnlyList<string> features)
    {
        var source = parameters.TrainedTreeEnsemble;
        var trees = new List<RankingTree>(source.Trees.Count);
        for (var t = 0; t < source.Trees.Count; t++)
        {
            var tree = source.Trees[t];
            if (tree.CategoricalSplitFlags.Any(flag => flag))
                throw new InvalidOperationException("the ensemble has a categorical split, which the runtime does not evaluate");
            trees.Add(new RankingTree(source.TreeWeights[t],
                tree.NumericalSplitFeatureIndexes.ToArray(),
                tree.NumericalSplitThresholds.ToArray(),
                tree.LeftChild.ToArray(),
                tree.RightChild.ToArray(),
                tree.LeafValues.ToArray()));
        }
        return new TreeEnsemble(features, source.Bias, trees);
    }

    /// <summary>The exported trees must score every row as ML.NET does, or the export is wrong.</summary>
    private static void CheckAgainstMlNet(MLContext ml, ITransformer model, IDataView data, List<Row> rows, TreeEnsemble ensemble)
    {
        var scores = model.Transform(data).GetColumn<float>("Score").ToArray();
        var worst = 0.0;
        for (var i = 0; i < rows.Count; i++) worst = Math.Max(worst, Math.Abs(scores[i] - ensemble.Score(rows[i].Features)));
        if (worst > 1e-3) throw new InvalidOperationException($"exported trees differ from ML.NET by up to {worst}");
        _ = ml;
    }
}
