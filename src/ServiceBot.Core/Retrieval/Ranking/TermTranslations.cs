using ServiceBot.Text;
using ServiceBot.Storage;

namespace ServiceBot.Retrieval.Ranking;

/// <summary>
/// A lay → statute term translation table learned from judged question/article pairs (老公 → 配偶, 房东 → 出租人):
/// each query word the user typed pulls in the statute words its relevant articles used, at a small weight. It
/// ships as <c>ranking/term-translations.json</c> beside the program and is used for external-corpus search only;
/// the knowledge base keeps its own curated vocabulary (<c>knowledge/dictionary/</c>).
/// </summary>
public sealed class TermTranslations
{
    public const string FormatName = "servicebot-term-translations";
    public const int FormatVersion = 1;
    public const string RelativePath = "ranking/term-translations.json";

    private static readonly Lazy<TermTranslations?> Shipped = new(() => LoadIfPresent(Path.Combine(AppContext.BaseDirectory, RelativePath)));

    private static readonly float BelowTyped = MathF.BitDecrement(1f);

    private readonly Dictionary<string, TermTranslation[]> _table;

    /// <exception cref="ArgumentException">A word is blank or a strength lies outside (0, 1].</exception>
    public TermTranslations(IReadOnlyDictionary<string, IReadOnlyList<TermTranslation>> table)
    {
        _table = new Dictionary<string, TermTranslation[]>(StringComparer.Ordinal);
        foreach (var (word, translations) in table)
        {
            if (string.IsNullOrWhiteSpace(word)) throw new ArgumentException("a translated word is blank");
            foreach (var translation in translations)
            {
                if (string.IsNullOrWhiteSpace(translation.Word)) throw new ArgumentException($"a translation of \"{word}\" is blank");
                if (!(translation.Strength > 0 && translation.Strength <= 1))
                    throw new ArgumentException($"\"{word}\" → \"{translation.Word}\" has strength {translation.Strength}, outside (0, 1]");
            }
            if (translations.Count > 0) _table[word] = translations.ToArray();
        }
    }

    /// <summary>The shipped table, or null when the file is absent (search then runs without it).</summary>
    public static TermTranslations? Default => Shipped.Value;

    /// <summary>How many query words have translations.</summary>
    public int Count => _table.Count;

    public IReadOnlyDictionary<string, TermTranslation[]> Table => _table;

    /// <summary>
    /// <paramref name="query"/> with the translations of its typed words (weight ≥ 1) added at
    /// <paramref name="weight"/> × strength (less than 1), the <paramref name="limit"/> strongest of the whole query
    /// only (each added word walks its postings, so the limit bounds the cost); a word already in the query keeps the
    /// larger weight. The query itself is returned when nothing translates.
    /// </summary>
    /// <param name="informativeness">
    /// How much a word tells apart (e.g. its idf); with it the limit keeps the largest strength × informativeness,
    /// so rare statute words win over common ones, which also have the longest postings.
    /// </param>
    public AnalyzedQuery Expand(AnalyzedQuery query, float weight, int limit = int.MaxValue, Func<string, float>? informativeness = null)
    {
        if (weight <= 0 || limit <= 0 || _table.Count == 0) return query;
        List<TermTranslation>? found = null;
        foreach (var (word, typedWeight) in query.Words)
        {
            if (typedWeight < 1f || !_table.TryGetValue(word, out var translations)) continue;
            found ??= [];
            found.AddRange(translations);
        }
        if (found is null) return query;
        // Strongest first; equal priorities in table order, so the choice does not depend on the sort.
        if (found.Count > limit)
            found = found.Select((t, i) => (t, i, Priority: informativeness is null ? t.Strength : t.Strength * informativeness(t.Word)))
                .OrderByDescending(p => p.Priority).ThenBy(p => p.i).Take(limit).Select(p => p.t).ToList();
        var words = new Dictionary<string, float>(query.Words, StringComparer.Ordinal);
        foreach (var translation in found)
        {
            // Kept below 1: weight 1 marks a word the user typed (coverage features count only those).
            var added = MathF.Min(weight * translation.Strength, BelowTyped);
            if (words.GetValueOrDefault(translation.Word) < added) words[translation.Word] = added;
        }
        return query with { Words = words };
    }

    public void Save(string path)
    {
        var file = new TableFile(FormatName, FormatVersion,
            _table.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => (TermTranslation[]?)p.Value, StringComparer.Ordinal));
        JsonDataFile.Write(path, file, JsonDataFile.CompactWords);
    }

    /// <exception cref="InvalidDataException">The file is not a translation table of this format, or holds a bad entry.</exception>
    public static TermTranslations Load(string path)
    {
        var file = JsonDataFile.Read<TableFile>(path, JsonDataFile.CompactWords, "a term translation table");
        if (file is null || file.Format != FormatName || file.Version != FormatVersion || file.Translations is null)
            throw new InvalidDataException($"{path} is not a {FormatName} file of version {FormatVersion}.");
        try
        {
            return new TermTranslations(file.Translations.ToDictionary(p => p.Key,
                p => (IReadOnlyList<TermTranslation>)(p.Value ?? throw new ArgumentException($"\"{p.Key}\" has no list of translations")),
                StringComparer.Ordinal));
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }

    /// <summary>The table at <paramref name="path"/>, or null when there is no file: search then runs without translations.</summary>
    /// <exception cref="InvalidDataException">The file exists but is not a valid table.</exception>
    public static TermTranslations? LoadIfPresent(string path) => File.Exists(path) ? Load(path) : null;

    private sealed record TableFile(string Format, int Version, Dictionary<string, TermTranslation[]?>? Translations);
}

/// <summary>A statute word a query word stands for, with the strength of the association in (0, 1].</summary>
public sealed record TermTranslation(string Word, float Strength);
