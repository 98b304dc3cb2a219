using ServiceBot.Retrieval.Lexical;
using ServiceBot.Storage;

namespace ServiceBot.Retrieval.Ranking;

/// <summary>
/// Which laws judged lay questions cite, by title (民法典 answers half of them, most laws none), overall and given each
/// word the questions used (商标 → 商标法, 借钱 → the interpretation on private lending): a query's typed words make a
/// distribution over laws, and every candidate clause of a likely law gains a share of its first-stage score. It ships
/// as <c>ranking/law-prior.json</c> beside the program and is used for external-corpus search only. A law no question
/// cited keeps its score, so an unseen law is never pushed below where the words put it.
/// </summary>
public sealed class LawPrior
{
    public const string FormatName = "servicebot-law-prior";
    public const int FormatVersion = 1;
    public const string RelativePath = "ranking/law-prior.json";

    /// <summary>A word enters the table when at least this many questions used it: one question says nothing general.</summary>
    public const int MinWordQuestions = 2;

    private static readonly Lazy<LawPrior?> Shipped = new(() => LoadIfPresent(Path.Combine(AppContext.BaseDirectory, RelativePath)));

    private readonly Dictionary<string, int> _citations;
    private readonly Dictionary<string, WordCitations> _words;

    /// <param name="questions">How many questions the counts were learned from.</param>
    /// <param name="citations">Law title → how many of those questions cite at least one of its articles.</param>
    /// <param name="words">Word → how many questions used it and how many of those cite each law.</param>
    /// <exception cref="ArgumentException">A title or word is blank, or a count is negative or above its total.</exception>
    public LawPrior(int questions, IReadOnlyDictionary<string, int> citations, IReadOnlyDictionary<string, WordCitations>? words = null)
    {
        if (questions <= 0) throw new ArgumentException($"the prior was learned from {questions} questions; it needs at least one");
        Questions = questions;
        _citations = Keyed(citations, questions, "");
        _words = new Dictionary<string, WordCitations>(StringComparer.Ordinal);
        foreach (var (word, used) in words ?? new Dictionary<string, WordCitations>())
        {
            if (string.IsNullOrWhiteSpace(word)) throw new ArgumentException("a word is blank");
            if (used is null || used.Laws is null) throw new ArgumentException($"\"{word}\" has no law counts");
            if (used.Questions <= 0 || used.Questions > questions)
                throw new ArgumentException($"\"{word}\" is used by {used.Questions} questions, outside 1–{questions}");
            _words[word] = new WordCitations(used.Questions, Keyed(used.Laws, used.Questions, $" with \"{word}\""));
        }
    }

    // Titles with and without 中华人民共和国 name one law, as in the index's document groups.
    private static Dictionary<string, int> Keyed(IReadOnlyDictionary<string, int> counts, int total, string context)
    {
        var keyed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (title, count) in counts)
        {
            if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("a law title is blank");
            if (count < 0 || count > total)
                throw new ArgumentException($"\"{title}\" is cited by {count} questions{context}, outside 0–{total}");
            var key = DocumentGroups.GroupKey(title);
            if (count > 0) keyed[key] = Math.Max(count, keyed.GetValueOrDefault(key));
        }
        return keyed;
    }

    /// <summary>The shipped prior, or null when the file is absent (search then runs without it).</summary>
    public static LawPrior? Default => Shipped.Value;

    public int Questions { get; }

    public IReadOnlyDictionary<string, int> Citations => _citations;

    public IReadOnlyDictionary<string, WordCitations> Words => _words;

    /// <summary>
    /// Learns the prior from what each question typed and the law titles it cites; a question counts once for a law
    /// however many of its articles it cites, and once for a word however often it typed it.
    /// </summary>
    public static LawPrior Learn(IReadOnlyCollection<LawPriorExample> examples)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, (int Questions, Dictionary<string, int> Laws)>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            var laws = example.CitedLaws.Select(DocumentGroups.GroupKey).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var law in laws) counts[law] = counts.GetValueOrDefault(law) + 1;
            foreach (var word in example.QueryWords.Distinct(StringComparer.Ordinal))
            {
                if (!words.TryGetValue(word, out var used)) used = (0, new Dictionary<string, int>(StringComparer.Ordinal));
                foreach (var law in laws) used.Laws[law] = used.Laws.GetValueOrDefault(law) + 1;
                words[word] = (used.Questions + 1, used.Laws);
            }
        }
        return new LawPrior(examples.Count, counts, words.Where(w => w.Value.Questions >= MinWordQuestions)
            .ToDictionary(w => w.Key, w => new WordCitations(w.Value.Questions, w.Value.Laws), StringComparer.Ordinal));
    }

    /// <summary>The share of the questions that cite the law (0 for a law none cites).</summary>
    public float Share(string title) => _citations.TryGetValue(DocumentGroups.GroupKey(title), out var count) ? (float)count / Questions : 0f;

    public void Save(string path)
    {
        static Dictionary<string, int> Ordered(Dictionary<string, int> counts)
            => counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var file = new PriorFile(FormatName, FormatVersion, Questions, Ordered(_citations),
            _words.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => new WordCitations(p.Value.Questions, Ordered(p.Value.Laws)), StringComparer.Ordinal));
        JsonDataFile.Write(path, file, JsonDataFile.CompactWords);
    }

    /// <exception cref="InvalidDataException">The file is not a law prior of this format, or holds a bad entry.</exception>
    public static LawPrior Load(string path)
    {
        var file = JsonDataFile.Read<PriorFile>(path, JsonDataFile.CompactWords, "a law prior");
        if (file is null || file.Format != FormatName || file.Version != FormatVersion || file.Citations is null)
            throw new InvalidDataException($"{path} is not a {FormatName} file of version {FormatVersion}.");
        try
        {
            return new LawPrior(file.Questions, file.Citations, file.Words);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }

    /// <summary>The prior at <paramref name="path"/>, or null when there is no file: search then runs without it.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a valid prior.</exception>
    public static LawPrior? LoadIfPresent(string path) => File.Exists(path) ? Load(path) : null;

    private sealed record PriorFile(string Format, int Version, int Questions, Dictionary<string, int>? Citations,
        Dictionary<string, WordCitations>? Words);
}

/// <summary>How many questions used a word, and how many of those cite each law (by title).</summary>
public sealed record WordCitations(int Questions, Dictionary<string, int> Laws);

/// <summary>One judged question as the prior learns from it: the words typed and the titles of the laws cited.</summary>
public sealed record LawPriorExample(IReadOnlyCollection<string> QueryWords, IReadOnlyCollection<string> CitedLaws);
