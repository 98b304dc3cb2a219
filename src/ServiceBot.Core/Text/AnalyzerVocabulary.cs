using ServiceBot.Knowledge.Dictionary;

namespace ServiceBot.Text;

/// <summary>Builds analyzer options from the domain dictionaries found in knowledge folders.</summary>
public static class AnalyzerVocabulary
{
    /// <summary>Merges every existing dictionary folder; missing folders are skipped.</summary>
    /// <param name="minedExpansions">
    /// Whether to load mined-lay-terms.txt. Its pairs were mined from questions about this knowledge and its clauses: an index
    /// of another corpus (a statute collection) leaves them out, as they point lay words at this knowledge's wording.
    /// </param>
    public static ChineseAnalyzerOptions FromDictionaries(IEnumerable<string> dictionaryFolders, bool minedExpansions = true)
    {
        var words = new List<string>();
        var groups = new List<IReadOnlyList<string>>();
        var layExpansions = new List<LayExpansion>();
        var mined = new List<LayExpansion>();
        var homophones = new List<Spelling.ContextualCorrection>();
        foreach (var folder in dictionaryFolders.Where(Directory.Exists))
        {
            var dictionary = DomainDictionary.Load(folder);
            words.AddRange(dictionary.Terms.Select(t => t.Word));
            groups.AddRange(dictionary.SynonymGroups);
            layExpansions.AddRange(dictionary.LayExpansions);
            if (minedExpansions) mined.AddRange(dictionary.MinedLayExpansions);
            homophones.AddRange(dictionary.Homophones);
        }
        return new ChineseAnalyzerOptions
        {
            DomainWords = words.Distinct().ToList(), SynonymGroups = groups, LayExpansions = layExpansions, ContextualCorrections = homophones,
            MinedLayExpansions = mined,
        };
    }
}
