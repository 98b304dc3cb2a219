using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// A <see cref="LawPrior"/> laid over one index's document groups. For a query with typed words W it estimates
/// P(law | W) as the mean over W of each word's law counts smoothed toward the overall shares (Dirichlet, mass
/// <see cref="LexicalIndexOptions.LawPriorSmoothing"/>; a word the prior never saw contributes the shares alone), and
/// gives each group the boost weight × P^exponent.
/// </summary>
internal sealed class LawPriorBoosts
{
    private readonly float[] _shares;
    private readonly Dictionary<string, (float Questions, (int Group, float Count)[] Laws)> _words;
    private readonly float _weight;
    private readonly float _exponent;
    private readonly float _smoothing;

    private LawPriorBoosts(float[] shares, Dictionary<string, (float, (int, float)[])> words, LexicalIndexOptions options)
    {
        _shares = shares;
        _words = words;
        _weight = options.LawPriorWeight;
        _exponent = options.LawPriorExponent;
        _smoothing = options.LawPriorSmoothing;
    }

    /// <summary>The boosts of <paramref name="options"/>' prior over <paramref name="groups"/>, or null without one.</summary>
    public static LawPriorBoosts? Create(DocumentGroups groups, LexicalIndexOptions options)
    {
        if (options.LawPrior is not { } prior || options.LawPriorWeight <= 0) return null;
        var groupOfTitle = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var group = 0; group < groups.GroupCount; group++) groupOfTitle.TryAdd(groups.Titles[group], group);
        var shares = new float[groups.GroupCount];
        foreach (var (title, count) in prior.Citations)
            if (groupOfTitle.TryGetValue(title, out var group)) shares[group] = (float)count / prior.Questions;
        // Laws absent from this index are left out: they have no clause to lift.
        var words = prior.Words.ToDictionary(w => w.Key,
            w => ((float)w.Value.Questions, w.Value.Laws.Where(l => groupOfTitle.ContainsKey(l.Key)).Select(l => (groupOfTitle[l.Key], (float)l.Value)).ToArray()),
            StringComparer.Ordinal);
        return new LawPriorBoosts(shares, words, options);
    }

    /// <summary>Writes every group's boost for a query with <paramref name="queryWords"/> (weight ≥ 1 marks a typed word) into <paramref name="boosts"/>.</summary>
    public void Fill(IReadOnlyDictionary<string, float> queryWords, float[] boosts)
    {
        var typed = 0;
        float priorMass = 0;
        foreach (var (word, weight) in queryWords)
        {
            if (weight < 1f) continue;
            typed++;
            priorMass += _words.TryGetValue(word, out var used) ? _smoothing / (used.Questions + _smoothing) : 1f;
        }
        var priorShare = typed == 0 ? 1f : priorMass / typed;
        for (var group = 0; group < boosts.Length; group++) boosts[group] = _shares[group] * priorShare;
        if (typed > 0)
        {
            foreach (var (word, weight) in queryWords)
            {
                if (weight < 1f || !_words.TryGetValue(word, out var used)) continue;
                var scale = 1f / ((used.Questions + _smoothing) * typed);
                foreach (var (group, count) in used.Laws) boosts[group] += count * scale;
            }
        }
        for (var group = 0; group < boosts.Length; group++)
            boosts[group] = boosts[group] > 0 ? _weight * MathF.Pow(boosts[group], _exponent) : 0;
    }
}
