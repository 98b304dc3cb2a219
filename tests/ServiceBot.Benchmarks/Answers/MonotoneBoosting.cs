using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// Gradient-boosted regression trees on the log loss, grown from a given margin (the refusal regression's logit), with each
/// feature's direction held: a split on a feature signed +1 never gives its right side (the larger values) less than its left,
/// and bounds carried down the tree keep that true of every leaf below it, so the sum stays monotone in the feature.
/// Depth-wise trees over at most <see cref="Bins"/> quantile thresholds a feature; no sampling, so a fit is reproducible.
/// Features are compared as floats, as <see cref="RankingTree"/> compares them.
/// </summary>
/// <param name="Signs">Per feature: +1 may only raise the margin as it grows, −1 only lower it, 0 free.</param>
public sealed record MonotoneBoosting(IReadOnlyList<int> Signs, int Trees, int Depth, double LearningRate = 0.1, int MinLeafRows = 30, double L2 = 1.0)
{
    public const int Bins = 32;

    /// <summary>The trees, each with weight 1, fitted on rows <paramref name="x"/> of labels <paramref name="y"/> from margins <paramref name="margins"/>.</summary>
    public IReadOnlyList<RankingTree> Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IReadOnlyList<double> margins, IReadOnlyList<double>? rowWeights = null)
    {
        var n = x.Count;
        var d = Signs.Count;
        var rows = x.Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        var thresholds = Enumerable.Range(0, d).Select(f => Thresholds(rows.Select(r => r[f]))).ToArray();
        var margin = margins.ToArray();
        var weight = rowWeights?.ToArray() ?? Enumerable.Repeat(1.0, n).ToArray();
        var trees = new List<RankingTree>();
        var gradient = new double[n];
        var hessian = new double[n];
        for (var t = 0; t < Trees; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(-margin[i]));
                gradient[i] = weight[i] * (p - (y[i] ? 1 : 0));
                hessian[i] = weight[i] * Math.Max(p * (1 - p), 1e-6);
            }
            var builder = new TreeBuilder(this, rows, thresholds, gradient, hessian);
            var tree = builder.Build([.. Enumerable.Range(0, n)]);
            if (tree.Nodes == 0 && Math.Abs(tree.LeafValues[0]) < 1e-12) break;
            trees.Add(tree);
            for (var i = 0; i < n; i++) margin[i] += tree.LeafValues[tree.LeafOf(rows[i])];
        }
        return trees;
    }

    /// <summary>Up to <see cref="Bins"/> midpoints between the distinct values, at their quantiles.</summary>
    private static float[] Thresholds(IEnumerable<float> values)
    {
        var distinct = values.Distinct().Order().ToArray();
        if (distinct.Length < 2) return [];
        var cuts = new SortedSet<float>();
        var step = Math.Max(1.0, (distinct.Length - 1) / (double)Bins);
        for (var k = step; k < distinct.Length; k += step)
        {
            var i = (int)k;
            cuts.Add((distinct[i - 1] + distinct[i]) / 2);
        }
        return [.. cuts];
    }

    /// <summary>One tree: nodes numbered as they split, leaves as ML.NET numbers them (a child index ~k is leaf k).</summary>
    private sealed class TreeBuilder(MonotoneBoosting options, float[][] rows, float[][] thresholds, double[] gradient, double[] hessian)
    {
        private readonly List<int> _split = [], _left = [], _right = [];
        private readonly List<float> _threshold = [];
        private readonly List<double> _leaves = [];

        public RankingTree Build(int[] members)
        {
            Grow(members, 0, double.NegativeInfinity, double.PositiveInfinity);
            return new RankingTree(1, [.. _split], [.. _threshold], [.. _left], [.. _right], [.. _leaves]);
        }

        /// <summary>Grows the node of <paramref name="members"/>; returns its node index, or ~leaf.</summary>
        private int Grow(int[] members, int depth, double lower, double upper)
        {
            var (g, h) = Sums(members);
            if (depth < options.Depth && members.Length >= 2 * options.MinLeafRows && BestSplit(members, g, h, lower, upper) is { } best)
            {
                var node = _split.Count;
                _split.Add(best.Feature);
                _threshold.Add(best.Threshold);
                _left.Add(0);
                _right.Add(0);
                var left = members.Where(i => rows[i][best.Feature] <= best.Threshold).ToArray();
                var right = members.Where(i => rows[i][best.Feature] > best.Threshold).ToArray();
                var sign = options.Signs[best.Feature];
                var mid = (best.LeftValue + best.RightValue) / 2;
                _left[node] = Grow(left, depth + 1, sign < 0 ? mid : lower, sign > 0 ? mid : upper);
                _right[node] = Grow(right, depth + 1, sign > 0 ? mid : lower, sign < 0 ? mid : upper);
                return node;
            }
            _leaves.Add(options.LearningRate * Math.Clamp(Value(g, h), lower, upper));
            return ~(_leaves.Count - 1);
        }

        private (double G, double H) Sums(int[] members)
        {
            double g = 0, h = 0;
            foreach (var i in members) (g, h) = (g + gradient[i], h + hessian[i]);
            return (g, h);
        }

        private double Value(double g, double h) => -g / (h + options.L2);

        private double Gain(double g, double h) => g * g / (h + options.L2);

        private (int Feature, float Threshold, double LeftValue, double RightValue)? BestSplit(int[] members, double g, double h, double lower, double upper)
        {
            (int Feature, float Threshold, double LeftValue, double RightValue)? best = null;
            var bestGain = 1e-9;
            var parentGain = Gain(g, h);
            for (var f = 0; f < options.Signs.Count; f++)
            {
                var cuts = thresholds[f];
                if (cuts.Length == 0) continue;
                var binG = new double[cuts.Length + 1];
                var binH = new double[cuts.Length + 1];
                var binN = new int[cuts.Length + 1];
                foreach (var i in members)
                {
                    var bin = Array.BinarySearch(cuts, rows[i][f]);
                    bin = bin >= 0 ? bin : ~bin;
                    binG[bin] += gradient[i];
                    binH[bin] += hessian[i];
                    binN[bin]++;
                }
                double gl = 0, hl = 0;
                var nl = 0;
                for (var c = 0; c < cuts.Length; c++)
                {
                    gl += binG[c];
                    hl += binH[c];
                    nl += binN[c];
                    if (nl < options.MinLeafRows) continue;
                    if (members.Length - nl < options.MinLeafRows) break;
                    var (gr, hr) = (g - gl, h - hl);
                    var leftValue = Math.Clamp(Value(gl, hl), lower, upper);
                    var rightValue = Math.Clamp(Value(gr, hr), lower, upper);
                    var sign = options.Signs[f];
                    if (sign > 0 && rightValue < leftValue || sign < 0 && rightValue > leftValue) continue;
                    var gain = Gain(gl, hl) + Gain(gr, hr) - parentGain;
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        best = (f, cuts[c], leftValue, rightValue);
                    }
                }
            }
            return best;
        }
    }
}
