using System.Reflection;
using JiebaNet.Segmenter;

namespace ServiceBot.Text;

/// <summary>
/// Turns Chinese text into index terms: jieba words (dictionary only, no HMM, so a word is segmented
/// the same way in a question and in a statute) plus CJK character bigrams, which recover the words
/// the dictionary does not know.
/// </summary>
public sealed class ChineseAnalyzer
{
    private readonly ThreadLocal<JiebaSegmenter> _segmenter;
    private readonly HashSet<string> _queryStopwords;
    private readonly IReadOnlyDictionary<string, string[]> _synonyms;
    private readonly float _synonymWeight;

    public ChineseAnalyzer(ChineseAnalyzerOptions? options = null)
    {
        options ??= new ChineseAnalyzerOptions();
        SegmenterResources.EnsureConfigured();
        if (options.DomainWords.Count > 0) SegmenterResources.AddWords(options.DomainWords.Select(TextNormalizer.Normalize));
        _segmenter = new ThreadLocal<JiebaSegmenter>(() => new JiebaSegmenter());
        _queryStopwords = LoadStopwords();
        var groups = options.UseGeneralThesaurus
            ? options.SynonymGroups.Concat(GeneralThesaurus.Groups(options.GeneralThesaurusMaxGroupSize)).ToList()
            : options.SynonymGroups;
        _synonyms = BuildSynonymMap(groups);
        Options = options;
        _synonymWeight = options.SynonymWeight;
    }

    public ChineseAnalyzerOptions Options { get; }

    /// <summary>Index words of a document: every word that carries a letter, digit or ideograph.</summary>
    public List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in _segmenter.Value!.Cut(TextNormalizer.Normalize(text), cutAll: false, hmm: false))
            if (IsContentWord(word)) words.Add(word);
        return words;
    }

    /// <summary>Character bigrams inside runs of ideographs.</summary>
    public static List<string> Bigrams(string text)
    {
        var bigrams = new List<string>(text.Length);
        for (var i = 0; i + 1 < text.Length; i++)
            if (TextNormalizer.IsCjk(text[i]) && TextNormalizer.IsCjk(text[i + 1]))
                bigrams.Add(text.Substring(i, 2));
        return bigrams;
    }

    /// <summary>
    /// Query terms: stop words of lay questions dropped, synonyms added at a lower weight so that
    /// 老板 also finds 用人单位 without outranking an exact match.
    /// </summary>
    public AnalyzedQuery AnalyzeQuery(string query)
    {
        var normalized = TextNormalizer.Normalize(query);
        var words = new Dictionary<string, float>(StringComparer.Ordinal);
        var bigrams = new Dictionary<string, float>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var word in _segmenter.Value!.Cut(normalized, cutAll: false, hmm: false))
        {
            if (!IsContentWord(word) || _queryStopwords.Contains(word)) continue;
            kept.Add(word);
            words[word] = words.GetValueOrDefault(word) + 1f;
        }
        // Bigrams span the whole question: those across word boundaries keep phrase evidence
        // that the segmenter's split would lose.
        AddBigrams(bigrams, normalized, 1f);
        foreach (var word in kept)
        {
            if (!_synonyms.TryGetValue(word, out var alternatives)) continue;
            foreach (var alternative in alternatives)
            {
                if (words.ContainsKey(alternative)) continue;
                words[alternative] = _synonymWeight;
                foreach (var bigram in Bigrams(alternative))
                    bigrams.TryAdd(bigram, _synonymWeight);
            }
        }
        return new AnalyzedQuery(words, bigrams);
    }

    private static void AddBigrams(Dictionary<string, float> bigrams, string run, float weight)
    {
        foreach (var bigram in Bigrams(run))
            bigrams[bigram] = bigrams.GetValueOrDefault(bigram) + weight;
    }

    private static bool IsContentWord(string word)
    {
        foreach (var c in word)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    private static IReadOnlyDictionary<string, string[]> BuildSynonymMap(IReadOnlyList<IReadOnlyList<string>> groups)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.Select(TextNormalizer.Normalize).Where(m => m.Length > 0).Distinct().ToArray();
            foreach (var member in members)
            {
                if (!map.TryGetValue(member, out var set)) map[member] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(members.Where(other => other != member));
            }
        }
        return map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private static HashSet<string> LoadStopwords()
    {
        var stopwords = new HashSet<string>(StringComparer.Ordinal);
        var general = Path.Combine(SegmenterResources.Directory, "stopwords.txt");
        if (File.Exists(general))
            foreach (var line in File.ReadLines(general)) AddStopword(stopwords, line);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ServiceBot.Text.Resources.query-stopwords.txt")
            ?? throw new InvalidOperationException("query-stopwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line) AddStopword(stopwords, line);
        return stopwords;
    }

    private static void AddStopword(HashSet<string> stopwords, string line)
    {
        var word = line.Trim().TrimStart('\uFEFF');
        if (word.Length > 0 && !word.StartsWith('#')) stopwords.Add(word);
    }
}
