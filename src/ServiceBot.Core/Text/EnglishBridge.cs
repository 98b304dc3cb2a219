using System.Text;
using System.Text.RegularExpressions;
using ServiceBot.Understanding;

namespace ServiceBot.Text;

/// <summary>An English question read as the Chinese words its phrases name (<see cref="EnglishBridge"/>).</summary>
/// <param name="Text">The Chinese words in the order their phrases stand, with the content words no phrase names kept as typed.</param>
/// <param name="Phrases">Each English phrase read and the Chinese words it gave.</param>
/// <param name="Understood">The share of the question's content words (not what, the, my …) that a phrase named (0–1).</param>
public sealed record BridgedQuestion(string Text, IReadOnlyList<(string English, string Chinese)> Phrases, double Understood)
{
    /// <summary>
    /// The least share of the question's content words the lexicon must name for the reading to stand for the question:
    /// below it the question is mostly about something the bridge cannot read, and its few known words (station in "a hotel
    /// near the railway station") would stand for it alone. At 0.3 the reading of "How do I extend my work visa in Yiwu" was
    /// 义乌 材料 and answered with the registration guide's list; half keeps the readings that carry the question.
    /// </summary>
    public const double MinUnderstood = 0.5;

    /// <summary>Whether enough of the question was read (<see cref="MinUnderstood"/>) to search the Chinese clauses with it.</summary>
    public bool IsReadable => Understood >= MinUnderstood;
}

/// <summary>
/// Reads an English question in the documents' Chinese words, from knowledge/lexicons/english-chinese.txt, so that the laws,
/// the opinion and the guides' Chinese text can answer it with the same ranking and refusal decision as a Chinese question.
/// Only the guides have English text; a question on an article or the news has no English clause to be found by.
/// Words no phrase names are kept as typed: they are what the question asks beyond the known topic, and the Chinese
/// clauses do not hold them, so they count against a clause's coverage as they should (a cheap hotel near the station).
/// </summary>
public sealed partial class EnglishBridge
{
    public const string LexiconFileName = "english-chinese.txt";

    // Endings a phrase's word may take in the question (fee → fees, withdraw → withdrawing, company → companies).
    private static readonly string[] Inflections = ["s", "es", "ed", "ing", "d"];

    /// <summary>English city names (cities-en.txt) read as the Chinese names: a city asked about is a place no clause names.</summary>
    public const string CityLexiconFileName = "cities-en.txt";

    /// <summary>Words that name nothing asked about (take, told, actually, please), one a line.</summary>
    public const string FillerFileName = "english-filler.txt";

    private static readonly Lazy<EnglishBridge> DefaultBridge = new(() =>
        Parse(UnderstandingData.ReadLexicon(LexiconFileName) + "\n" + UnderstandingData.ReadLexicon(CityLexiconFileName),
            UnderstandingData.ReadLexicon(FillerFileName)));

    private readonly IReadOnlyList<(string[] Words, string Chinese)> _phrases;
    private readonly IReadOnlySet<string> _filler;
    private readonly (string Word, string Chinese)[] _oneWordPhrases;

    private EnglishBridge(IReadOnlyList<(string[] Words, string Chinese)> phrases, IReadOnlySet<string> filler)
    {
        (_phrases, _filler) = (phrases, filler);
        _oneWordPhrases = [.. phrases.Where(p => p.Words.Length == 1).Select(p => (p.Words[0], p.Chinese))];
    }

    /// <summary>The words of the lexicon's English phrases: what a misspelt word may be read as.</summary>
    public IEnumerable<string> PhraseWords => _phrases.SelectMany(p => p.Words);

    /// <summary>The phrase words and the filler words: every word English questions are read by.</summary>
    public IEnumerable<string> Vocabulary => PhraseWords.Concat(_filler);

    /// <summary>The bridge of the shipped lexicon.</summary>
    public static EnglishBridge Default => DefaultBridge.Value;

    /// <summary>Reads lines of <c>中文词: english phrase, english phrase</c>, and the filler words one a line.</summary>
    /// <exception cref="FormatException">A line has no colon, not one Chinese word or no English phrase.</exception>
    public static EnglishBridge Parse(string lexicon, string filler = "")
    {
        var phrases = new List<(string[] Words, string Chinese)>();
        foreach (var (line, number) in UnderstandingData.ContentLines(lexicon))
        {
            var colon = line.IndexOf(':');
            var chinese = colon > 0 ? line[..colon].Trim() : "";
            var english = colon > 0 ? line[(colon + 1)..].Split(',').Select(Words).Where(w => w.Length > 0).ToList() : [];
            if (chinese.Length == 0 || chinese.Contains(' ') || english.Count == 0)
                throw new FormatException($"{LexiconFileName} line {number}: expected \"中文词: english phrase, english phrase\", got \"{line}\"");
            phrases.AddRange(english.Select(words => (words, chinese)));
        }
        var fillerWords = UnderstandingData.ContentLines(filler).Select(l => l.Line.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        // The longest phrase at a place wins: "how many days" before "how many", "housing provident fund" before "housing".
        return new EnglishBridge([.. phrases.OrderByDescending(p => p.Words.Length).ThenByDescending(p => p.Words.Sum(w => w.Length))], fillerWords);
    }

    /// <summary>The question in Chinese words; null when no phrase of the lexicon stands in it.</summary>
    public BridgedQuestion? Translate(string question)
    {
        var words = Words(question);
        var text = new StringBuilder();
        var read = new List<(string, string)>();
        var (content, understood) = (0, 0);
        var stopwords = ChineseAnalyzer.QueryStopwords.Value;
        for (var at = 0; at < words.Length;)
        {
            var phrase = _phrases.FirstOrDefault(p => StandsAt(words, at, p.Words));
            var length = phrase.Words?.Length ?? 1;
            var spanContent = words.Skip(at).Take(length).Count(w => !stopwords.Contains(w) && !_filler.Contains(w));
            content += spanContent;
            if (phrase.Words is null)
            {
                // Spaces around a kept word: the Chinese words beside it must not run into it.
                if (spanContent > 0) text.Append(' ').Append(words[at]).Append(' ');
            }
            else
            {
                understood += spanContent;
                text.Append(phrase.Chinese);
                read.Add((string.Join(' ', words, at, length), phrase.Chinese));
            }
            at += length;
        }
        return read.Count == 0 ? null : new BridgedQuestion(text.ToString().Trim(), read, content == 0 ? 1 : (double)understood / content);
    }

    /// <summary>
    /// The Chinese word a one-word phrase of the lexicon reads <paramref name="word"/> (lower case) as, or one of its
    /// inflections: station → 驿站, wages → 工资. Null when no one-word phrase names it.
    /// </summary>
    public string? ChineseOf(string word)
    {
        foreach (var (phrase, chinese) in _oneWordPhrases)
            if (IsForm(word, phrase, last: true)) return chinese;
        return null;
    }

    private static bool StandsAt(string[] words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Length) return false;
        for (var i = 0; i < phrase.Length; i++)
            if (!IsForm(words[at + i], phrase[i], last: i == phrase.Length - 1)) return false;
        return true;
    }

    /// <summary>The word itself, or for a phrase's last word an inflection of it (apply → applies, applied; charge → charging).</summary>
    private static bool IsForm(string word, string phraseWord, bool last)
    {
        if (word == phraseWord) return true;
        if (!last || phraseWord.Length < 3) return false;
        if (word.StartsWith(phraseWord, StringComparison.Ordinal) && Inflections.Contains(word[phraseWord.Length..])) return true;
        // company → companies, apply → applied; charge → charging, use → used.
        var stem = phraseWord[..^1];
        if (!word.StartsWith(stem, StringComparison.Ordinal)) return false;
        var ending = word[stem.Length..];
        return phraseWord.EndsWith('y') && ending is "ies" or "ied" || phraseWord.EndsWith('e') && ending is "ing" or "ed" or "es";
    }

    /// <summary>Lower-case words; an apostrophe joins (hasn't → hasnt, workers' → workers).</summary>
    private static string[] Words(string text)
        => [.. WordPattern().Matches(text.ToLowerInvariant().Replace("'", "").Replace("’", "")).Select(m => m.Value)];

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();
}
