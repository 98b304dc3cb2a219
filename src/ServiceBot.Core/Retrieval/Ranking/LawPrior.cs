using System.Text.Encodings.Web;
using System.Text.Json;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Storage;

namespace ServiceBot.Retrieval.Ranking;

/// <summary>
/// How often judged lay questions cite each law, by title (民法典 answers half of them, most laws none): every
/// candidate clause of a cited law gains a share of its first-stage score. It ships as <c>ranking/law-prior.json</c>
/// beside the program and is used for external-corpus search only. A law no question cited keeps its score, so an
/// unseen law is never pushed below where the words put it.
/// </summary>
public sealed class LawPrior
{
    public const string FormatName = "servicebot-law-prior";
    public const int FormatVersion = 1;
    public const string RelativePath = "ranking/law-prior.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lazy<LawPrior?> Shipped = new(() => LoadIfPresent(Path.Combine(AppContext.BaseDirectory, RelativePath)));

    private readonly Dictionary<string, int> _citations;

    /// <param name="questions">How many questions the counts were learned from.</param>
    /// <param name="citations">Law title → how many of those questions cite at least one of its articles.</param>
    /// <exception cref="ArgumentException">A title is blank, or a count is negative or above <paramref name="questions"/>.</exception>
    public LawPrior(int questions, IReadOnlyDictionary<string, int> citations)
    {
        if (questions <= 0) throw new ArgumentException($"the prior was learned from {questions} questions; it needs at least one");
        _citations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (title, count) in citations)
        {
            if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("a law title is blank");
            if (count < 0 || count > questions)
                throw new ArgumentException($"\"{title}\" is cited by {count} questions, outside 0–{questions}");
            // Titles with and without 中华人民共和国 name one law, as in the index's document groups.
            var key = DocumentGroups.GroupKey(title);
            if (count > 0) _citations[key] = Math.Max(count, _citations.GetValueOrDefault(key));
        }
        Questions = questions;
    }

    /// <summary>The shipped prior, or null when the file is absent (search then runs without it).</summary>
    public static LawPrior? Default => Shipped.Value;

    public int Questions { get; }

    public IReadOnlyDictionary<string, int> Citations => _citations;

    /// <summary>
    /// Learns the prior from the law titles each question cites; a question counts once for a law however many of its
    /// articles it cites.
    /// </summary>
    public static LawPrior Learn(IReadOnlyCollection<IEnumerable<string>> citedTitlesPerQuestion)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var titles in citedTitlesPerQuestion)
            foreach (var key in titles.Select(DocumentGroups.GroupKey).Distinct(StringComparer.Ordinal))
                counts[key] = counts.GetValueOrDefault(key) + 1;
        return new LawPrior(citedTitlesPerQuestion.Count, counts);
    }

    /// <summary>
    /// The law's share of the questions raised to <paramref name="exponent"/> (below 1 flattens it, so a law cited a few
    /// times gains more against the most cited one), in [0, 1]; 0 for a law no question cited.
    /// </summary>
    public float Strength(string title, float exponent)
        => _citations.TryGetValue(DocumentGroups.GroupKey(title), out var count) ? MathF.Pow((float)count / Questions, exponent) : 0f;

    public void Save(string path)
    {
        var file = new PriorFile(FormatName, FormatVersion, Questions,
            _citations.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        JsonDataFile.Write(path, file, Json);
    }

    /// <exception cref="InvalidDataException">The file is not a law prior of this format, or holds a bad entry.</exception>
    public static LawPrior Load(string path)
    {
        var file = JsonDataFile.Read<PriorFile>(path, Json, "a law prior");
        if (file is null || file.Format != FormatName || file.Version != FormatVersion || file.Citations is null)
            throw new InvalidDataException($"{path} is not a {FormatName} file of version {FormatVersion}.");
        try
        {
            return new LawPrior(file.Questions, file.Citations);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }

    /// <summary>The prior at <paramref name="path"/>, or null when there is no file: search then runs without it.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a valid prior.</exception>
    public static LawPrior? LoadIfPresent(string path) => File.Exists(path) ? Load(path) : null;

    private sealed record PriorFile(string Format, int Version, int Questions, Dictionary<string, int>? Citations);
}
