using System.Globalization;
using ServiceBot.Text;
using ServiceBot.Text.Spelling;

namespace ServiceBot.Knowledge.Dictionary;

/// <summary>One entry of a jieba user dictionary: "词 [词频] [词性]".</summary>
public sealed record DictionaryTerm(string Word, int? Frequency, string? PartOfSpeech);

/// <summary>
/// Domain vocabulary for segmentation and query expansion, loaded from a folder holding terms.txt
/// (jieba user-dictionary format), synonyms.txt (one comma-separated group per line, written term first) and,
/// when present, lay-terms.txt (one-way lay → document expansions) and homophones.txt (real words read as a
/// domain term in the right company).
/// </summary>
public sealed class DomainDictionary
{
    public const string TermsFileName = "terms.txt";
    public const string SynonymsFileName = "synonyms.txt";
    public const string LayTermsFileName = "lay-terms.txt";
    public const string HomophonesFileName = "homophones.txt";

    private readonly Dictionary<string, List<string>> _synonymsByTerm;

    private DomainDictionary(IReadOnlyList<DictionaryTerm> terms, IReadOnlyList<IReadOnlyList<string>> synonymGroups,
        IReadOnlyList<LayExpansion> layExpansions, IReadOnlyList<ContextualCorrection> homophones)
    {
        Terms = terms;
        SynonymGroups = synonymGroups;
        LayExpansions = layExpansions;
        Homophones = homophones;
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

    /// <summary>One-way expansions from lay phrases to document words.</summary>
    public IReadOnlyList<LayExpansion> LayExpansions { get; }

    /// <summary>Real words read as a domain term when the message says so (工商 → 工伤 beside 摔).</summary>
    public IReadOnlyList<ContextualCorrection> Homophones { get; }

    /// <summary>All other members of every group containing <paramref name="term"/>; empty when it has none.</summary>
    public IReadOnlyList<string> SynonymsOf(string term)
        => _synonymsByTerm.TryGetValue(term, out var others) ? others : [];

    /// <summary>The written term for a lay word (first member of its first group), or null when unknown.</summary>
    public string? CanonicalOf(string term)
        => SynonymGroups.FirstOrDefault(group => group.Contains(term))?[0];

    /// <summary>Loads terms.txt and synonyms.txt from <paramref name="folder"/>, and lay-terms.txt and homophones.txt when present.</summary>
    /// <exception cref="KnowledgeFormatException">A line is malformed; the message gives file and line number.</exception>
    public static DomainDictionary Load(string folder)
    {
        var termsPath = Path.Combine(folder, TermsFileName);
        var synonymsPath = Path.Combine(folder, SynonymsFileName);
        var layPath = Path.Combine(folder, LayTermsFileName);
        var homophonesPath = Path.Combine(folder, HomophonesFileName);
        return new DomainDictionary(
            ParseTerms(File.ReadAllText(termsPath), termsPath),
            ParseSynonyms(File.ReadAllText(synonymsPath), synonymsPath),
            File.Exists(layPath) ? ParseLayTerms(File.ReadAllText(layPath), layPath) : [],
            File.Exists(homophonesPath) ? ParseHomophones(File.ReadAllText(homophonesPath), homophonesPath) : []);
    }

    /// <summary>Parses one-way expansions "抽成,抽水 => 抽佣": lay phrases, then the document words they stand for.</summary>
    public static IReadOnlyList<LayExpansion> ParseLayTerms(string text, string sourceName)
    {
        var expansions = new List<LayExpansion>();
        foreach (var (line, number) in ContentLines(text))
        {
            var sides = line.Split("=>");
            if (sides.Length != 2)
                throw new KnowledgeFormatException(sourceName, $"expected \"说法,说法 => 词,词\": {line}", number);
            expansions.Add(new LayExpansion(Members(sides[0], sourceName, line, number), Members(sides[1], sourceName, line, number)));
        }
        return expansions;
    }

    /// <summary>Parses "工商 => 工伤 | 摔,受伤 | 营业执照,注册": typed word, intended term, words one of which must occur, words none of which may.</summary>
    public static IReadOnlyList<ContextualCorrection> ParseHomophones(string text, string sourceName)
    {
        var rules = new List<ContextualCorrection>();
        foreach (var (line, number) in ContentLines(text))
        {
            var parts = line.Split('|');
            var words = parts[0].Split("=>");
            if (parts.Length is < 2 or > 3 || words.Length != 2 || words[0].Trim().Length == 0 || words[1].Trim().Length == 0)
                throw new KnowledgeFormatException(sourceName, $"expected \"写错的词 => 本意 | 出现其一才改 | 出现则不改\": {line}", number);
            rules.Add(new ContextualCorrection(words[0].Trim(), words[1].Trim(),
                Members(parts[1], sourceName, line, number),
                parts.Length == 3 ? Members(parts[2], sourceName, line, number) : []));
        }
        return rules;
    }

    private static string[] Members(string list, string sourceName, string line, int number)
    {
        var members = list.Split([',', '，']).Select(m => m.Trim()).ToArray();
        if (members.Any(m => m.Length == 0))
            throw new KnowledgeFormatException(sourceName, $"empty word in list: {line}", number);
        return members;
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
