using System.Reflection;
using JiebaNet.Segmenter;
using ServiceBot.Text.Spelling;

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
    private readonly IReadOnlyList<LayExpansion> _layExpansions;

    /// <summary>The lay expansions whose phrases are all English: only a question with Latin letters can hold one, so others skip them.</summary>
    private readonly IReadOnlyList<LayExpansion> _englishLayExpansions;
    private readonly float _layExpansionWeight;
    private readonly IReadOnlyList<LayExpansion> _minedLayExpansions;
    private readonly float _minedLayExpansionWeight;
    private readonly Lazy<DomainSpellingCorrector> _corrector;

    /// <summary>How many recent texts each memo keeps: a turn's question, its words, and the conversation's last messages.</summary>
    public const int MemoCapacity = 2048;

    private readonly TextAnalysisMemo<CorrectedText> _corrections = new(MemoCapacity);
    private readonly TextAnalysisMemo<AnalyzedQuery> _queries = new(MemoCapacity);
    private readonly Func<string, CorrectedText> _correct;
    private readonly Func<string, AnalyzedQuery> _analyze;

    public ChineseAnalyzer(ChineseAnalyzerOptions? options = null)
    {
        options ??= new ChineseAnalyzerOptions();
        SegmenterResources.EnsureConfigured();
        if (options.DomainWords.Count > 0) SegmenterResources.AddWords(options.DomainWords.Select(TextNormalizer.Normalize));
        _segmenter = new ThreadLocal<JiebaSegmenter>(() => new JiebaSegmenter());
        _queryStopwords = QueryStopwords.Value;
        var groups = options.UseGeneralThesaurus
            ? options.SynonymGroups.Concat(GeneralThesaurus.Groups(options.GeneralThesaurusMaxGroupSize)).ToList()
            : options.SynonymGroups;
        _synonyms = BuildSynonymMap(groups);
        Options = options;
        _synonymWeight = options.SynonymWeight;
        _layExpansionWeight = options.LayExpansionWeight;
        if (!(options.MinedLayExpansionWeight > 0f && options.MinedLayExpansionWeight <= 1f))
            throw new ArgumentOutOfRangeException(nameof(options), options.MinedLayExpansionWeight, "MinedLayExpansionWeight must be in (0, 1].");
        var layExpansions = NormalizeExpansions(options.LayExpansions);
        _englishLayExpansions = layExpansions.Where(e => e.LayPhrases.All(IsEnglishPhrase)).ToList();
        _layExpansions = layExpansions.Where(e => !e.LayPhrases.All(IsEnglishPhrase)).ToList();
        _minedLayExpansions = NormalizeExpansions(options.MinedLayExpansions);
        _minedLayExpansionWeight = options.MinedLayExpansionWeight;
        // Built on first use: an analyzer that only indexes documents never needs it.
        _corrector = new Lazy<DomainSpellingCorrector>(() => new DomainSpellingCorrector(
            options.DomainWords.Concat(options.SynonymGroups.SelectMany(g => g)).Concat(options.LayExpansions.SelectMany(e => e.PolicyWords)),
            options.ContextualCorrections, PinyinTable.Default,
            text => _segmenter.Value!.Cut(text, cutAll: false, hmm: false), SegmenterResources.Frequency));
        _correct = text => _corrector.Value.Correct(text);
        _analyze = Analyze;
    }

    public ChineseAnalyzerOptions Options { get; }

    /// <summary>Index words of a document: every word that carries a letter, digit or ideograph.</summary>
    public List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var word in _segmenter.Value!.Cut(TextNormalizer.Normalize(text), cutAll: false, hmm: false))
            if (IsContentWord(word)) words.Add(EnglishPlural.Singular(word));
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
    /// The query with misspelt and homophone domain words replaced by the terms they stand for (设保 → 社保),
    /// against this analyzer's domain vocabulary; see <see cref="DomainSpellingCorrector"/>.
    /// </summary>
    public CorrectedText Correct(string query) => _corrections.GetOrAdd(query, _correct);

    /// <summary>
    /// Query terms: misspelt domain words corrected, stop words of lay questions dropped, synonyms added at a lower
    /// weight so that 老板 also finds 用人单位 without outranking an exact match, and lay phrases expanded one way
    /// to the words the documents use (歇脚 → 驿站).
    /// </summary>
    /// <remarks>The same text gives the same (shared, read-only) result, remembered for the next stage or turn that asks.</remarks>
    public AnalyzedQuery AnalyzeQuery(string query) => _queries.GetOrAdd(query, _analyze);

    private AnalyzedQuery Analyze(string query)
    {
        var corrected = Correct(query);
        var normalized = TextNormalizer.Normalize(corrected.Text);
        var words = new Dictionary<string, float>(StringComparer.Ordinal);
        var bigrams = new Dictionary<string, float>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var typed in _segmenter.Value!.Cut(normalized, cutAll: false, hmm: false))
        {
            if (!IsContentWord(typed) || _queryStopwords.Contains(typed)) continue;
            var word = EnglishPlural.Singular(typed);
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
        var expansions = ExpandLayPhrases(_layExpansions, _layExpansionWeight, normalized, words, bigrams);
        if (normalized.AsSpan().ContainsAnyInRange('a', 'z'))
            expansions.AddRange(ExpandLayPhrases(_englishLayExpansions, _layExpansionWeight, normalized, words, bigrams));
        // Mined expansions search at their own weight; they are not reported, so grounding keeps to the reviewed ones.
        var before = _minedLayExpansions.Count == 0 ? null : new HashSet<string>(words.Keys, StringComparer.Ordinal);
        ExpandLayPhrases(_minedLayExpansions, _minedLayExpansionWeight, normalized, words, bigrams);
        var mined = before is null || before.Count == words.Count ? null : words.Keys.Where(w => !before.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var analyzed = new AnalyzedQuery(words, bigrams) { Corrections = corrected.Corrections, Expansions = expansions };
        return mined is null ? analyzed : analyzed with { MinedWords = mined };
    }

    /// <summary>Lay phrases are matched as substrings: 喝口水 or 摔了 are not single words of the segmenter.</summary>
    private static List<LayExpansion> ExpandLayPhrases(IReadOnlyList<LayExpansion> expansions, float weight, string normalized,
        Dictionary<string, float> words, Dictionary<string, float> bigrams)
    {
        var found = new List<LayExpansion>();
        foreach (var expansion in expansions)
        {
            var phrase = FirstContained(expansion.LayPhrases, normalized);
            if (phrase is null) continue;
            found.Add(new LayExpansion([phrase], expansion.PolicyWords));
            foreach (var word in expansion.PolicyWords)
            {
                if (words.TryGetValue(word, out var present) && present >= weight) continue;
                words[word] = weight;
                foreach (var bigram in Bigrams(word))
                    if (bigrams.GetValueOrDefault(bigram) < weight) bigrams[bigram] = weight;
            }
        }
        return found;
    }

    private static List<LayExpansion> NormalizeExpansions(IReadOnlyList<LayExpansion> expansions)
        => expansions
            .Select(e => new LayExpansion(
                e.LayPhrases.Select(TextNormalizer.Normalize).Where(p => p.Length > 0).ToArray(),
                // An English policy phrase ("labour contract") is searched as its words, as the index holds them.
                e.PolicyWords.Select(TextNormalizer.Normalize)
                    .SelectMany(w => w.Length > 0 && char.IsAsciiLetter(w[0]) ? w.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(EnglishPlural.Singular) : [w])
                    .Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToArray()))
            .ToList();

    private static bool IsEnglishPhrase(string phrase) => char.IsAsciiLetter(phrase[0]) || char.IsAsciiLetter(phrase[^1]);

    // A loop rather than a LINQ predicate: this runs for every lay phrase group on every query.
    private static string? FirstContained(IReadOnlyList<string> phrases, string text)
    {
        for (var i = 0; i < phrases.Count; i++)
            if (ContainsPhrase(text, phrases[i])) return phrases[i];
        return null;
    }

    /// <summary>
    /// A Chinese phrase matches anywhere; an English one only as whole words, a plural "s" allowed ("quit" is not in
    /// "quite", "boss" is in "bosses" only through its own line, "manager" is in "managers").
    /// </summary>
    internal static bool ContainsPhrase(string text, string phrase)
    {
        if (!IsEnglishPhrase(phrase)) return text.Contains(phrase, StringComparison.Ordinal);
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && char.IsAsciiLetter(text[at - 1])) continue;
            var end = at + phrase.Length;
            if (end < text.Length && text[end] == 's') end++;
            if (end == text.Length || !char.IsAsciiLetter(text[end])) return true;
        }
        return false;
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

    /// <summary>The words a question's search drops (的, 了, what, the …), loaded once and never changed.</summary>
    internal static readonly Lazy<HashSet<string>> QueryStopwords = new(LoadStopwords);

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
