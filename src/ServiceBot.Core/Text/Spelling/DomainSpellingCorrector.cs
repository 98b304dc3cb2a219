namespace ServiceBot.Text.Spelling;

/// <summary>
/// Reads misspelt and homophone domain words as the terms they stand for (设保 → 社保, 公鸡金 → 公积金,
/// 劳动和同 → 劳动合同, 仲栽 → 仲裁), against the domain vocabulary only. It is deliberately conservative,
/// because changing a correct question is worse than missing a typo. A span of the message is replaced only when
/// <list type="bullet">
/// <item>it starts and ends at word boundaries of the segmentation, so 建设保障 never yields 社保;</item>
/// <item>it is not one dictionary word by itself (工商 stays 工商 unless a <see cref="ContextualCorrection"/> applies);</item>
/// <item>it sounds like a vocabulary term of the same length: every differing character a homophone, or exactly one
///   differing character that sounds near (仲栽: in a two-character word only beside a rare character such as 仲),
///   or, for terms of four characters or more, one stray character;</item>
/// <item>no differing character that does not sound the same is a common character (的, 了, 被, 人 …), and none sits
///   inside a domain word the user typed correctly (医保卡 is not a typo of 社保卡).</item>
/// </list>
/// Lookups go through a hash of each term's syllables with one position left open; a span's hashes follow from
/// its prefix hash in constant time, so a message costs a few integer probes per span, and the segmenter runs only
/// when some span sounds like a term.
/// </summary>
public sealed class DomainSpellingCorrector
{
    private const int MinTermLength = 2;
    private const int MaxTermLength = 10;

    /// <summary>Only terms this long are recognised with a character left out: a shorter remainder is too often a word of its own.</summary>
    private const int MinShortenedTermLength = 4;

    /// <summary>Characters this frequent as words of their own (的, 了, 被, 人) are never taken for a typo of another sound.</summary>
    private const int CommonCharacterFrequency = 100_000;

    /// <summary>A word this frequent in the segmenter dictionary (期间, 结果) was typed on purpose: a character of it that only sounds near is not a typo.</summary>
    private const int CommonWordFrequency = 100;

    /// <summary>A two-character word with a near (not same-sounding) character needs its other character to be this rare (仲).</summary>
    private const int RareCharacterFrequency = 1_000;

    /// <summary>Base of the polynomial syllable hash (odd, larger than the number of syllables); arithmetic wraps at 2^64.</summary>
    private const ulong HashBase = 1_000_003;

    private readonly Func<string, IEnumerable<string>> _segment;
    private readonly Func<string, int> _frequency;
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _syllableIds = new(StringComparer.Ordinal);
    private readonly Dictionary<char, int[]> _readings = [];
    private readonly double[,] _distance;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<char, int> _characterFrequency = new();
    private readonly Dictionary<ulong, List<string>>[] _termsByPattern =
        Enumerable.Range(0, MaxTermLength + 1).Select(_ => new Dictionary<ulong, List<string>>()).ToArray();
    private readonly ulong[] _powers = new ulong[MaxTermLength + 1];
    private readonly Dictionary<string, List<ContextualCorrection>> _contextual = new(StringComparer.Ordinal);
    private readonly int _longestTerm;

    /// <summary>Terms of four characters or more with one inner character left out (公积提取 → 公积金提取); null when two terms share the shortening.</summary>
    private readonly Dictionary<string, string?> _shortened = new(StringComparer.Ordinal);

    /// <param name="vocabulary">Domain terms to correct towards; terms that are not 2–10 ideographs with known readings are ignored.</param>
    /// <param name="contextual">Real words read as a domain term in the right company.</param>
    /// <param name="segment">The segmenter used for retrieval (dictionary words, no HMM), so word boundaries agree with it.</param>
    /// <param name="frequency">The segmenter dictionary's frequency of a word (of a single character used as a word).</param>
    public DomainSpellingCorrector(IEnumerable<string> vocabulary, IEnumerable<ContextualCorrection> contextual, PinyinTable pinyin,
        Func<string, IEnumerable<string>> segment, Func<string, int> frequency)
    {
        _segment = segment;
        _frequency = frequency;
        // Syllables become small integers once, so that matching a message allocates nothing per character pair.
        foreach (var (character, readings) in pinyin.Entries) _readings[character] = readings.Select(Intern).ToArray();
        var syllables = _syllableIds.OrderBy(p => p.Value).Select(p => PinyinSimilarity.Split(p.Key)).ToArray();
        _distance = new double[syllables.Length + 1, syllables.Length + 1];
        for (var a = 0; a < syllables.Length; a++)
        for (var b = 0; b < syllables.Length; b++)
            _distance[a + 1, b + 1] = PinyinSimilarity.Distance(syllables[a].Initial, syllables[a].Final, syllables[b].Initial, syllables[b].Final);
        _powers[0] = 1;
        for (var i = 1; i < _powers.Length; i++) _powers[i] = _powers[i - 1] * HashBase;
        foreach (var raw in vocabulary)
        {
            var term = TextNormalizer.Normalize(raw.Trim());
            if (term.Length is < MinTermLength or > MaxTermLength || !term.All(TextNormalizer.IsCjk)) continue;
            if (term.Any(c => !_readings.ContainsKey(c)) || !_vocabulary.Add(term)) continue;
            _longestTerm = Math.Max(_longestTerm, term.Length);
            foreach (var reading in ReadingCombinations(term))
                for (var open = 0; open < term.Length; open++)
                {
                    var pattern = Hash(reading) - reading[open] * _powers[term.Length - 1 - open];
                    if (!_termsByPattern[term.Length].TryGetValue(pattern, out var terms)) _termsByPattern[term.Length][pattern] = terms = [];
                    if (!terms.Contains(term)) terms.Add(term);
                }
        }
        foreach (var term in _vocabulary)
            // Only an inner character: without its first or last one a term is usually another phrase (账号封 + 了 is not 账号封禁).
            for (var left = 1; term.Length >= MinShortenedTermLength && left < term.Length - 1; left++)
            {
                var shortened = term.Remove(left, 1);
                // A shortening that is a term itself, or that two terms share, says nothing about which one was meant;
                // a left-out 的, 把 or 了 is grammar, not a slip.
                if (_vocabulary.Contains(shortened) || IsCommon(term[left])) continue;
                _shortened[shortened] = _shortened.TryGetValue(shortened, out var other) && other != term ? null : term;
            }
        foreach (var rule in contextual)
        {
            var typed = TextNormalizer.Normalize(rule.Typed);
            if (typed.Length == 0) continue;
            if (!_contextual.TryGetValue(typed, out var rules)) _contextual[typed] = rules = [];
            rules.Add(rule);
        }
    }

    /// <summary>Number of vocabulary terms the corrector can correct towards.</summary>
    public int VocabularySize => _vocabulary.Count;

    /// <summary>The message with misspelt domain words replaced; positions refer to the message as typed.</summary>
    public CorrectedText Correct(string text)
    {
        if (string.IsNullOrEmpty(text) || (_vocabulary.Count == 0 && _contextual.Count == 0)) return CorrectedText.Unchanged(text ?? "");
        // Normalisation maps one character to one character, so offsets in it are offsets in the text as typed.
        var normalized = TextNormalizer.Normalize(text);
        var sounding = SoundAlikeSpans(normalized);
        var contextual = ContextualSpans(normalized);
        var shortened = ShortenedSpans(normalized);
        if (sounding.Count == 0 && contextual.Count == 0 && shortened.Count == 0) return CorrectedText.Unchanged(text);

        var tokens = Tokens(normalized);
        var candidates = new List<Candidate>();
        foreach (var candidate in sounding)
            if (Span(tokens, candidate.Start, candidate.Typed.Length) is var (first, last) && first < last
                && !_vocabulary.Contains(candidate.Typed) && DifferencesAreLoose(candidate, tokens, first, last)
                && !OnlyRenamesAWordBeside(candidate))
                candidates.Add(candidate);
        foreach (var candidate in contextual)
            if (Span(tokens, candidate.Start, candidate.Typed.Length) is var (first, last) && first == last)
                candidates.Add(candidate);
        // A shortened term must span several words as segmented, so a word that merely looks like one stays.
        foreach (var candidate in shortened)
            if (Span(tokens, candidate.Start, candidate.Typed.Length) is var (first, last) && first < last)
                candidates.Add(candidate);
        return candidates.Count == 0 ? CorrectedText.Unchanged(text) : Apply(text, candidates);
    }

    /// <summary>Every span that sounds like a vocabulary term within the cost rules, before the word-boundary checks.</summary>
    private List<Candidate> SoundAlikeSpans(string normalized)
    {
        var found = new List<Candidate>();
        if (_vocabulary.Count == 0) return found;
        // The most customary reading of each character; 0 for characters without one (they can only be the open position).
        Span<ulong> syllables = normalized.Length <= 256 ? stackalloc ulong[normalized.Length] : new ulong[normalized.Length];
        for (var i = 0; i < normalized.Length; i++)
            syllables[i] = _readings.TryGetValue(normalized[i], out var ids) ? (ulong)ids[0] : 0;
        for (var start = 0; start < normalized.Length; start++)
        {
            if (!TextNormalizer.IsCjk(normalized[start])) continue;
            ulong hash = 0;
            for (var length = 1; length <= _longestTerm && start + length <= normalized.Length; length++)
            {
                if (!TextNormalizer.IsCjk(normalized[start + length - 1])) break;
                hash = hash * HashBase + syllables[start + length - 1];
                if (length < MinTermLength) continue;
                Candidate? best = null;
                for (var open = 0; open < length; open++)
                {
                    if (!_termsByPattern[length].TryGetValue(hash - syllables[start + open] * _powers[length - 1 - open], out var terms)) continue;
                    foreach (var term in terms)
                        if (Cost(normalized, start, term, open) is { } cost && (best is null || cost < best.Cost))
                            best = new Candidate(start, normalized.Substring(start, length), term, cost);
                }
                if (best is not null) found.Add(best);
            }
        }
        return found;
    }

    /// <summary>Every run of ideographs that is a vocabulary term with one character left out.</summary>
    private List<Candidate> ShortenedSpans(string normalized)
    {
        var found = new List<Candidate>();
        if (_shortened.Count == 0) return found;
        var lookup = _shortened.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var start = 0; start < normalized.Length; start++)
            for (var length = 1; length < _longestTerm && start + length <= normalized.Length && TextNormalizer.IsCjk(normalized[start + length - 1]); length++)
                if (length >= MinShortenedTermLength - 1 && lookup.TryGetValue(normalized.AsSpan(start, length), out var term) && term is not null
                    && !HasCommonCharacter(normalized, start, length))
                    found.Add(new Candidate(start, normalized.Substring(start, length), term, PinyinSimilarity.Different));
        return found;
    }

    /// <summary>True when a character of the span is a common word by itself (被人打伤 is ordinary text, not a shortened term).</summary>
    private bool HasCommonCharacter(string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
            if (IsCommon(text[i])) return true;
        return false;
    }

    private List<Candidate> ContextualSpans(string normalized)
    {
        var found = new List<Candidate>();
        foreach (var (typed, rules) in _contextual)
            for (var at = normalized.IndexOf(typed, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(typed, at + 1, StringComparison.Ordinal))
                if (rules.FirstOrDefault(r => r.AppliesTo(normalized)) is { } rule)
                    found.Add(new Candidate(at, typed, rule.Intended, 0));
        return found;
    }

    /// <summary>
    /// Sum of per-character costs: 0 same character, 1 homophone, otherwise (only at the open position) the syllable
    /// distance. Null when the pair is outside the acceptance rules.
    /// </summary>
    private double? Cost(string text, int start, string term, int open)
    {
        double cost = 0;
        var differing = 0;
        var stray = false;
        for (var i = 0; i < term.Length; i++)
        {
            var typed = text[start + i];
            if (typed == term[i]) continue;
            // 的, 地 and 得 stand for one another in everyday writing: 常驻的外商 is not a slip for 常住地.
            if (IsStructuralParticle(typed) && IsStructuralParticle(term[i])) return null;
            differing++;
            var distance = SyllableDistance(typed, term[i]);
            if (distance == PinyinSimilarity.Same) cost += 1;
            else if (i != open || (term.Length < 4 && distance >= PinyinSimilarity.Different)) return null;
            else
            {
                stray = distance >= PinyinSimilarity.Different;
                cost += distance;
            }
        }
        if (differing == 0) return null;
        var accepted = term.Length switch
        {
            // The kept character must carry some weight: beside 的, 了 or 是 one homophone is ordinary text (的事 is not 的士).
            // Nor is the typed character one of them: 不交 is "not pay", not 补交.
            2 => differing == 1 && !IsCommon(text[start] == term[0] ? term[0] : term[1])
                && !IsCommon(text[start] == term[0] ? text[start + 1] : text[start])
                && (cost <= 1 || (cost <= PinyinSimilarity.SameFinal && IsRare(text[start] == term[0] ? term[0] : term[1]))),
            3 => cost <= 2,
            _ => cost <= 3 && (!stray || differing == 1),
        };
        // A character that does not sound the same is a typo only when it is not a common word by itself (的, 了, 被, 人).
        return accepted && (cost == differing || !IsCommon(text[start + open])) ? cost : null;
    }

    private static bool IsStructuralParticle(char character) => character is '的' or '地' or '得';

    private bool IsCommon(char character) => FrequencyOf(character) >= CommonCharacterFrequency;

    private bool IsRare(char character) => FrequencyOf(character) < RareCharacterFrequency;

    private int FrequencyOf(char character) => _characterFrequency.GetOrAdd(character, c => _frequency(c.ToString()));

    /// <summary>
    /// A differing character must not lie inside a domain word the user typed (医保卡 is not a typo of 社保卡), and a
    /// stray (not sound-alike) one must stand alone as a single-character word, so real words are never rewritten.
    /// </summary>
    private bool DifferencesAreLoose(Candidate candidate, List<Token> tokens, int first, int last)
    {
        for (var t = first; t <= last; t++)
        {
            var token = tokens[t];
            for (var i = token.Start; i < token.End; i++)
            {
                var position = i - candidate.Start;
                var typed = candidate.Typed[position];
                var intended = candidate.Corrected[position];
                if (typed == intended || token.Text.Length == 1) continue;
                if (_vocabulary.Contains(token.Text)) return false;
                var distance = SyllableDistance(typed, intended);
                if (distance >= PinyinSimilarity.Different) return false;
                // A homophone may hide in a real word (公鸡金), a merely similar sound does not (期间 is not 计件).
                if (distance > PinyinSimilarity.Same && _frequency(token.Text) >= CommonWordFrequency) return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True when the only change is a character at one end of the span that does not sound the same, and the rest is
    /// already a vocabulary word as typed: 提公积金 asks about 公积金 with the verb 提, and reading it as 取公积金 adds nothing but risk.
    /// </summary>
    private bool OnlyRenamesAWordBeside(Candidate candidate)
    {
        var typed = candidate.Typed;
        var corrected = candidate.Corrected;
        var last = typed.Length - 1;
        // A same-sounding end character is still a slip (失业今 is 失业金); a different sound is a different word.
        if (typed[0] != corrected[0] && typed.AsSpan(1).SequenceEqual(corrected.AsSpan(1)))
            return _vocabulary.Contains(typed[1..]) && SyllableDistance(typed[0], corrected[0]) > PinyinSimilarity.Same;
        if (typed[last] != corrected[last] && typed.AsSpan(0, last).SequenceEqual(corrected.AsSpan(0, last)))
            return _vocabulary.Contains(typed[..last]) && SyllableDistance(typed[last], corrected[last]) > PinyinSimilarity.Same;
        return false;
    }

    /// <summary>The closest pair of readings; <see cref="PinyinSimilarity.Same"/> for homophones.</summary>
    private double SyllableDistance(char typed, char intended)
    {
        if (!_readings.TryGetValue(typed, out var a) || !_readings.TryGetValue(intended, out var b)) return PinyinSimilarity.Different;
        var best = PinyinSimilarity.Different;
        foreach (var x in a)
        foreach (var y in b)
            best = Math.Min(best, _distance[x, y]);
        return best;
    }

    private ulong Hash(ulong[] syllables)
    {
        ulong hash = 0;
        foreach (var syllable in syllables) hash = hash * HashBase + syllable;
        return hash;
    }

    /// <summary>Every combination of the readings of <paramref name="term"/>'s characters (almost always one).</summary>
    private List<ulong[]> ReadingCombinations(string term)
    {
        var combinations = new List<ulong[]> { new ulong[term.Length] };
        for (var i = 0; i < term.Length; i++)
        {
            var readings = _readings[term[i]];
            if (readings.Length > 1)
                combinations = combinations.SelectMany(c => readings.Select(r => { var copy = (ulong[])c.Clone(); copy[i] = (ulong)r; return copy; })).ToList();
            else
                foreach (var combination in combinations) combination[i] = (ulong)readings[0];
        }
        return combinations;
    }

    private int Intern(string syllable)
    {
        if (!_syllableIds.TryGetValue(syllable, out var id)) _syllableIds[syllable] = id = _syllableIds.Count + 1;
        return id;
    }

    /// <summary>The first and last token of a span that starts and ends on token boundaries, or null.</summary>
    private static (int First, int Last)? Span(List<Token> tokens, int start, int length)
    {
        var first = tokens.FindIndex(t => t.Start == start);
        if (first < 0) return null;
        for (var last = first; last < tokens.Count && tokens[last].Start < start + length; last++)
            if (tokens[last].End == start + length) return (first, last);
        return null;
    }

    private List<Token> Tokens(string normalized)
    {
        var tokens = new List<Token>();
        var position = 0;
        foreach (var word in _segment(normalized))
        {
            if (word.Length == 0) continue;
            // The segmenter returns the text in order; anything else means its output cannot be aligned.
            if (string.CompareOrdinal(normalized, position, word, 0, word.Length) != 0) return [];
            tokens.Add(new Token(position, word));
            position += word.Length;
        }
        return tokens;
    }

    /// <summary>Longest spans first, then the cheapest; overlapping candidates lose.</summary>
    private static CorrectedText Apply(string text, List<Candidate> candidates)
    {
        var chosen = new List<Candidate>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Typed.Length).ThenBy(c => c.Cost).ThenBy(c => c.Start))
            if (chosen.TrueForAll(c => c.Start + c.Typed.Length <= candidate.Start || candidate.Start + candidate.Typed.Length <= c.Start))
                chosen.Add(candidate);
        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        var corrections = new List<SpellingCorrection>(chosen.Count);
        foreach (var c in chosen)
        {
            builder.Append(text, position, c.Start - position).Append(c.Corrected);
            corrections.Add(new SpellingCorrection(c.Start, text.Substring(c.Start, c.Typed.Length), c.Corrected));
            position = c.Start + c.Typed.Length;
        }
        builder.Append(text, position, text.Length - position);
        return new CorrectedText(text, builder.ToString(), corrections);
    }

    private readonly record struct Token(int Start, string Text)
    {
        public int End => Start + Text.Length;
    }

    private sealed record Candidate(int Start, string Typed, string Corrected, double Cost);
}
