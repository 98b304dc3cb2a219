namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// Logistic regression fitted by full-batch gradient descent with an L2 penalty, each class weighing half of the loss
/// (answerable questions outnumber the rest several times). A weight may be held to a sign: coverage can only argue for
/// answering and words the clause lacks only against it, so the decision stays monotone in them.
/// </summary>
public static class LogisticRegression
{
    /// <param name="signs">Per feature: +1 (weight ≥ 0), −1 (weight ≤ 0) or 0 (free).</param>
    /// <param name="groups">Per row, its group (a deployment, numbered from 0); none, one group.</param>
    /// <param name="groupShares">Per group, its share of the loss, among the groups present (each class weighing half of it); none, equal shares.</param>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IReadOnlyList<int> signs,
        double l2 = 0.01, int iterations = 4000, double rate = 0.5, IReadOnlyList<int>? groups = null, IReadOnlyList<double>? groupShares = null)
    {
        var features = signs.Count;
        var weights = new double[features];
        var bias = 0.0;
        var positives = y.Count(v => v);
        var negatives = y.Count - positives;
        if (positives == 0 || negatives == 0) throw new ArgumentException("both classes are needed to fit a decision");
        var group = groups ?? new int[y.Count];
        var counts = Enumerable.Range(0, y.Count).GroupBy(i => (group[i], y[i])).ToDictionary(g => g.Key, g => g.Count());
        var present = group.Distinct().ToList();
        var share = present.ToDictionary(g => g, g => groupShares is null ? 1.0 / present.Count : groupShares[g] / present.Sum(p => groupShares[p]));
        var sampleWeight = Enumerable.Range(0, y.Count).Select(i => share[group[i]] * 0.5 / counts[(group[i], y[i])]).ToArray();
        var gradient = new double[features];
        for (var step = 0; step < iterations; step++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var i = 0; i < x.Count; i++)
            {
                var error = (Probability(x[i], weights, bias) - (y[i] ? 1 : 0)) * sampleWeight[i];
                for (var j = 0; j < features; j++) gradient[j] += error * x[i][j];
                biasGradient += error;
            }
            for (var j = 0; j < features; j++)
            {
                weights[j] -= rate * (gradient[j] + l2 * weights[j]);
                if (signs[j] > 0 && weights[j] < 0 || signs[j] < 0 && weights[j] > 0) weights[j] = 0;
            }
            bias -= rate * biasGradient;
        }
        return (weights, bias);
    }

    public static double Probability(double[] features, double[] weights, double bias) => 1 / (1 + Math.Exp(-Logit(features, weights, bias)));

    public static double Logit(double[] features, double[] weights, double bias)
    {
        var z = bias;
        for (var j = 0; j < weights.Length; j++) z += weights[j] * features[j];
        return z;
    }

    /// <summary>Area under the ROC curve: the chance a random positive scores above a random negative (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = scores.Where((_, i) => labels[i]).ToList();
        var negatives = scores.Where((_, i) => !labels[i]).ToList();
        if (positives.Count == 0 || negatives.Count == 0) return double.NaN;
        double wins = 0;
        foreach (var p in positives)
            foreach (var n in negatives)
                wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / (positives.Count * (double)negatives.Count);
    }
}
