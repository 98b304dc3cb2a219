using ServiceBot.Knowledge.Dictionary;

namespace ServiceBot.Text;

/// <summary>Builds analyzer options from the domain dictionaries found in knowledge folders.</summary>
public static class AnalyzerVocabulary
{
    /// <summary>Merges every existing dictionary folder; missing folders are skipped.</summary>
    public static ChineseAnalyzerOptions FromDictionaries(IEnumerable<string> dictionaryFolders)
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
            mined.AddRange(dictionary.MinedLayExpansions);
            homophones.AddRange(dictionary.Homophones);
        }
        return new ChineseAnalyzerOptions
        {
            DomainWords = words.Distinct().ToList(), SynonymGroups = groups, LayExpansions = layExpansions, ContextualCorrections = homophones,
            MinedLayExpansions = mined,
        };
    }
}
