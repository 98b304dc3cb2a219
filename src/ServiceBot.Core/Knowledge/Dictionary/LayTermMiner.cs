using System.Globalization;
using System.Text;
using ServiceBot.Text;

namespace ServiceBot.Knowledge.Dictionary;

/// <summary>One question with the words of the clauses that answer it, both as the index analyses them.</summary>
/// <param name="QuestionWords">The words the asker typed (after correction and stop-word removal).</param>
/// <param name="ClauseWords">The index words of every answering clause, together.</param>
/// <param name="Target">Names the answering clauses (e.g. their ids joined): paraphrases of one question share it.</param>
public sealed record MiningPair(IReadOnlyCollection<string> QuestionWords, IReadOnlyCollection<string> ClauseWords, string Target);

/// <summary>A mined association: a question word the clauses rarely use, and a clause word it predicts.</summary>
/// <param name="Support">Pairs whose question holds the lay word and whose clauses hold the policy word.</param>
/// <param name="Targets">Distinct answering clause sets among those pairs.</param>
/// <param name="LogLikelihood">Dunning's G² of the 2×2 table of pairs (lay word present × policy word present).</param>
public sealed record MinedAssociation(string LayWord, string PolicyWord, int Support, int Targets, int LayCount, double Confidence, double LogLikelihood);

/// <summary>Thresholds of <see cref="LayTermMiner"/>; the defaults keep only pairs several questions agree on.</summary>
public sealed record LayTermMinerOptions
{
    /// <summary>Pairs that must hold both words.</summary>
    public int MinSupport { get; init; } = 3;

    /// <summary>
    /// Distinct answering clause sets those pairs must reach: paraphrases of one question all point at the same clauses,
    /// and a word they happen to share is no evidence of how people say the policy word in general.
    /// </summary>
    public int MinTargets { get; init; } = 2;

    /// <summary>Share of the lay word's pairs whose clauses hold the policy word.</summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>G² threshold; 10.83 is p &lt; 0.001 for one degree of freedom.</summary>
    public double MinLogLikelihood { get; init; } = 10.83;

    /// <summary>A lay word found in more clause texts than this is document vocabulary already, not a lay word.</summary>
    public int MaxLayClauseCount { get; init; } = 2;

    /// <summary>A policy word in more than this share of clause texts is too common to point anywhere.</summary>
    public double MaxPolicyClauseShare { get; init; } = 0.03;

    /// <summary>Shortest lay word: lay words are matched as substrings of the question, so one character would match everywhere.</summary>
    public int MinLayLength { get; init; } = 2;

    /// <summary>Shortest policy word.</summary>
    public int MinPolicyLength { get; init; } = 2;

    /// <summary>Policy words kept per lay word, strongest first.</summary>
    public int MaxPolicyWordsPerLayWord { get; init; } = 3;

    public void Validate()
    {
        if (MinSupport < 2) throw new ArgumentOutOfRangeException(nameof(MinSupport), MinSupport, "at least two pairs must agree");
        if (MinTargets < 1) throw new ArgumentOutOfRangeException(nameof(MinTargets), MinTargets, "must be positive");
        if (MinConfidence is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(MinConfidence), MinConfidence, "must be in (0, 1]");
        if (MinLogLikelihood < 0) throw new ArgumentOutOfRangeException(nameof(MinLogLikelihood), MinLogLikelihood, "must not be negative");
        if (MaxLayClauseCount < 0) throw new ArgumentOutOfRangeException(nameof(MaxLayClauseCount), MaxLayClauseCount, "must not be negative");
        if (MaxPolicyClauseShare is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(MaxPolicyClauseShare), MaxPolicyClauseShare, "must be in (0, 1]");
        if (MinLayLength < 2) throw new ArgumentOutOfRangeException(nameof(MinLayLength), MinLayLength, "a one-character lay word matches inside any question");
        if (MinPolicyLength < 1) throw new ArgumentOutOfRangeException(nameof(MinPolicyLength), MinPolicyLength, "must be positive");
        if (MaxPolicyWordsPerLayWord < 1) throw new ArgumentOutOfRangeException(nameof(MaxPolicyWordsPerLayWord), MaxPolicyWordsPerLayWord, "must be positive");
    }
}

/// <summary>
/// Learns one-way lay → policy expansions from (question, answering clauses) pairs: for a question word that the clause
/// texts (almost) never use, the clause words that co-occur with it in significantly more pairs than chance
/// (log-likelihood ratio on pair counts), with a minimum support and confidence so that a single question cannot
/// create an association.
/// </summary>
public static class LayTermMiner
{
    /// <param name="pairs">The parallel corpus.</param>
    /// <param name="clauseCount">How many clauses the index holds.</param>
    /// <param name="clauseFrequency">In how many clause texts a word occurs (document frequency over the clauses).</param>
    public static IReadOnlyList<MinedAssociation> Mine(IReadOnlyList<MiningPair> pairs, int clauseCount, Func<string, int> clauseFrequency,
        LayTermMinerOptions? options = null)
    {
        options ??= new LayTermMinerOptions();
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clauseCount);
        var maxPolicyClauses = options.MaxPolicyClauseShare * clauseCount;

        var layCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var policyCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var joint = new Dictionary<(string Lay, string Policy), int>();
        var targets = new Dictionary<(string Lay, string Policy), HashSet<string>>();
        var layCache = new Dictionary<string, bool>(StringComparer.Ordinal);
        var policyCache = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var lay = pair.QuestionWords.Distinct(StringComparer.Ordinal)
                .Where(w => Cached(layCache, w, word => word.Length >= options.MinLayLength && IsCjk(word) && clauseFrequency(word) <= options.MaxLayClauseCount))
                .ToList();
            var policy = pair.ClauseWords.Distinct(StringComparer.Ordinal)
                .Where(w => Cached(policyCache, w, word => word.Length >= options.MinPolicyLength && IsCjk(word)
                                                           && clauseFrequency(word) is var f && f > 0 && f <= maxPolicyClauses))
                .ToList();
            foreach (var word in policy) policyCounts[word] = policyCounts.GetValueOrDefault(word) + 1;
            foreach (var word in lay)
            {
                layCounts[word] = layCounts.GetValueOrDefault(word) + 1;
                foreach (var target in policy)
                {
                    joint[(word, target)] = joint.GetValueOrDefault((word, target)) + 1;
                    if (!targets.TryGetValue((word, target), out var seen)) targets[(word, target)] = seen = new HashSet<string>(StringComparer.Ordinal);
                    seen.Add(pair.Target);
                }
            }
        }

        double total = pairs.Count;
        var kept = new List<MinedAssociation>();
        foreach (var ((layWord, policyWord), support) in joint)
        {
            if (support < options.MinSupport) continue;
            var targetCount = targets[(layWord, policyWord)].Count;
            if (targetCount < options.MinTargets) continue;
            var layCount = layCounts[layWord];
            var policyCount = policyCounts[policyWord];
            var confidence = (double)support / layCount;
            if (confidence < options.MinConfidence || confidence <= policyCount / total) continue;
            var g2 = LogLikelihood(support, layCount - support, policyCount - support, total - layCount - policyCount + support);
            if (g2 < options.MinLogLikelihood) continue;
            kept.Add(new MinedAssociation(layWord, policyWord, support, targetCount, layCount, confidence, g2));
        }
        return kept
            .GroupBy(a => a.LayWord, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(a => a.LogLikelihood).ThenBy(a => a.PolicyWord, StringComparer.Ordinal).Take(options.MaxPolicyWordsPerLayWord))
            .OrderBy(a => a.LayWord, StringComparer.Ordinal)
            .ThenByDescending(a => a.LogLikelihood)
            .ThenBy(a => a.PolicyWord, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The associations as lay-terms lines, one per lay word ("工钱 => 工资,劳动报酬").</summary>
    public static IReadOnlyList<LayExpansion> ToExpansions(IReadOnlyList<MinedAssociation> associations)
        => associations
            .GroupBy(a => a.LayWord, StringComparer.Ordinal)
            .Select(g => new LayExpansion([g.Key], g.Select(a => a.PolicyWord).ToArray()))
            .ToList();

    /// <summary>The mined-lay-terms.txt text: a header naming what generated it, then one line per lay word with its evidence.</summary>
    public static string Format(IReadOnlyList<MinedAssociation> associations, IEnumerable<string> header)
    {
        var text = new StringBuilder();
        foreach (var line in header) text.Append("# ").Append(line).Append('\n');
        text.Append('\n');
        foreach (var group in associations.GroupBy(a => a.LayWord, StringComparer.Ordinal))
        {
            var evidence = string.Join("; ", group.Select(a => string.Create(CultureInfo.InvariantCulture,
                $"{a.PolicyWord} {a.Support}/{a.LayCount} in {a.Targets} clause sets, G²={a.LogLikelihood:F1}")));
            text.Append("# ").Append(evidence).Append('\n');
            text.Append(group.Key).Append(" => ").Append(string.Join(',', group.Select(a => a.PolicyWord))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>G² = 2 Σ k ln(k N / (row × column)) over the four cells.</summary>
    internal static double LogLikelihood(double k11, double k12, double k21, double k22)
    {
        var n = k11 + k12 + k21 + k22;
        return 2 * (Cell(k11, k11 + k12, k11 + k21) + Cell(k12, k11 + k12, k12 + k22)
                    + Cell(k21, k21 + k22, k11 + k21) + Cell(k22, k21 + k22, k12 + k22));

        double Cell(double k, double row, double column) => k <= 0 ? 0 : k * Math.Log(k * n / (row * column));
    }

    private static bool IsCjk(string word)
    {
        foreach (var c in word)
            if (!TextNormalizer.IsCjk(c)) return false;
        return true;
    }

    private static bool Cached(Dictionary<string, bool> cache, string word, Func<string, bool> test)
    {
        if (!cache.TryGetValue(word, out var result)) cache[word] = result = test(word);
        return result;
    }
}
