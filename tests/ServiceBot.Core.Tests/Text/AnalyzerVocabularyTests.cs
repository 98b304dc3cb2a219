using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Text;

public sealed class AnalyzerVocabularyTests
{
    private static readonly string Dictionary = Path.Combine(KnowledgePaths.KnowledgeFolder, "dictionary");

    [Fact]
    public void FromDictionaries_KnowledgeIndex_LoadsTheMinedExpansions()
        => Assert.NotEmpty(AnalyzerVocabulary.FromDictionaries([Dictionary]).MinedLayExpansions);

    [Fact]
    public void FromDictionaries_AnotherCorpus_LeavesTheMinedExpansionsOutAndKeepsTheRest()
    {
        var withMined = AnalyzerVocabulary.FromDictionaries([Dictionary]);
        var without = AnalyzerVocabulary.FromDictionaries([Dictionary], minedExpansions: false);

        Assert.Empty(without.MinedLayExpansions);
        Assert.Equal(withMined.LayExpansions.Count, without.LayExpansions.Count);
        Assert.Equal(withMined.DomainWords, without.DomainWords);
    }
}
