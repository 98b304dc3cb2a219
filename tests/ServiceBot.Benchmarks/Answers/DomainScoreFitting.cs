using ServiceBot.Answers.Refusal;

namespace ServiceBot.Benchmarks.Answers;

/// <summary>
/// Fits a <see cref="DomainScore"/>: for every gram seen in at least <c>minCount</c> questions, the log of its
/// add-one-smoothed share of answerable questions over its share of must-refuse ones.
/// </summary>
public static class DomainScoreFitting
{
    /// <summary>A gram seen once says more about that question than about the domain; such grams are left out.</summary>
    public const int MinCount = 2;

    public static DomainScore Fit(IEnumerable<(string Question, bool Answerable)> examples, int minCount = MinCount)
    {
        var inDomain = new Dictionary<string, int>(StringComparer.Ordinal);
        var outOfDomain = new Dictionary<string, int>(StringComparer.Ordinal);
        int answerable = 0, mustRefuse = 0;
        foreach (var (question, isAnswerable) in examples)
        {
            var counts = isAnswerable ? inDomain : outOfDomain;
            if (isAnswerable) answerable++; else mustRefuse++;
            foreach (var gram in DomainScore.Grams(question)) counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        if (answerable == 0 || mustRefuse == 0) throw new ArgumentException("both answerable and must-refuse questions are needed to fit a domain score");
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var gram in inDomain.Keys.Union(outOfDomain.Keys))
        {
            int inCount = inDomain.GetValueOrDefault(gram), outCount = outOfDomain.GetValueOrDefault(gram);
            if (inCount + outCount < minCount) continue;
            weights[gram] = Math.Log((inCount + 1.0) / (answerable + 2.0)) - Math.Log((outCount + 1.0) / (mustRefuse + 2.0));
        }
        return new DomainScore(weights);
    }
}
