using System.Globalization;

namespace ServiceBot.Knowledge.Dictionary;

/// <summary>One entry of a jieba user dictionary: "词 [词频] [词性]".</summary>
public sealed record DictionaryTerm(string Word, int? Frequency, string? PartOfSpeech);

/// <summary>
/// Domain vocabulary for segmentation and query expansion, loaded from a folder holding terms.txt
/// (jieba user-dictionary format) and synonyms.txt (one comma-separated group per line, written term first).
/// </summary>
public sealed class DomainDictionary
{
    public const string TermsFileName = "terms.txt";
    public const string SynonymsFileName = "synonyms.txt";

    private readonly Dictionary<string, List<string>> _synonymsByTerm;

    private DomainDictionary(IReadOnlyList<DictionaryTerm> terms, IReadOnlyList<IReadOnlyList<string>> synonymGroups)
    {
        Terms = terms;
        SynonymGroups = synonymGroups;
        _synonymsByTerm = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in synonymGroups)
        foreach (var member in group)
        {
            if (!_synonymsByTerm.TryGetValue(member, out var others)) _synonymsByTerm[member] = others = [];
            others.AddRange(group.Where(other => other != member && !others.Contains(other)));
        }
    }

    public IReadOnlyList<DictionaryTerm> Terms { get; }

    /// <summary>Synonym groups; the first member of each is the written (policy/legal) term.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SynonymGroups { get; }

    /// <summary>All other members of every group containing <paramref name="term"/>; empty when it has none.</summary>
    public IReadOnlyList<string> SynonymsOf(string term)
        => _synonymsByTerm.TryGetValue(term, out var others) ? others : [];

    /// <summary>The written term for a lay word (first member of its first group), or null when unknown.</summary>
    public string? CanonicalOf(string term)
        => SynonymGroups.FirstOrDefault(group => group.Contains(term))?[0];

    /// <summary>Loads terms.txt and synonyms.txt from <paramref name="folder"/>.</summary>
    /// <exception cref="KnowledgeFormatException">A line is malformed; the message gives file and line number.</exception>
    public static DomainDictionary Load(string folder)
    {
        var termsPath = Path.Combine(folder, TermsFileName);
        var synonymsPath = Path.Combine(folder, SynonymsFileName);
        return new DomainDictionary(
            ParseTerms(File.ReadAllText(termsPath), termsPath),
            ParseSynonyms(File.ReadAllText(synonymsPath), synonymsPath));
    }

    /// <summary>Parses jieba user-dictionary lines; '#' starts a comment line.</summary>
    public static IReadOnlyList<DictionaryTerm> ParseTerms(string text, string sourceName)
    {
        var terms = new List<DictionaryTerm>();
        foreach (var (line, number) in ContentLines(text))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 3)
                throw new KnowledgeFormatException(sourceName, $"expected \"词 [词频] [词性]\" but found {fields.Length} fields: {line}", number);
            int? frequency = null;
            string? partOfSpeech = null;
            if (fields.Length >= 2)
            {
                if (int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) frequency = parsed;
                else if (fields.Length == 2 && IsPartOfSpeech(fields[1])) partOfSpeech = fields[1];
                else throw new KnowledgeFormatException(sourceName, $"frequency must be a non-negative integer: {line}", number);
            }
            if (fields.Length == 3)
            {
                if (!IsPartOfSpeech(fields[2]))
                    throw new KnowledgeFormatException(sourceName, $"part of speech must be a short tag such as n or nz: {line}", number);
                partOfSpeech = fields[2];
            }
            terms.Add(new DictionaryTerm(fields[0], frequency, partOfSpeech));
        }
        return terms;
    }

    /// <summary>Parses synonym groups: comma-separated (ASCII or full-width), at least two distinct members.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ParseSynonyms(string text, string sourceName)
    {
        var groups = new List<IReadOnlyList<string>>();
        foreach (var (line, number) in ContentLines(text))
        {
            var members = line.Split([',', '，']).Select(m => m.Trim()).ToList();
            if (members.Any(m => m.Length == 0))
                throw new KnowledgeFormatException(sourceName, $"empty member in synonym group: {line}", number);
            if (members.Count < 2)
                throw new KnowledgeFormatException(sourceName, $"a synonym group needs at least two members: {line}", number);
            if (members.Distinct(StringComparer.Ordinal).Count() != members.Count)
                throw new KnowledgeFormatException(sourceName, $"repeated member in synonym group: {line}", number);
            groups.Add(members);
        }
        return groups;
    }

    private static IEnumerable<(string Line, int Number)> ContentLines(string text)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && !line.StartsWith('#')) yield return (line, i + 1);
        }
    }

    private static bool IsPartOfSpeech(string tag) => tag.Length <= 4 && tag.All(char.IsAsciiLetterLower);
}
