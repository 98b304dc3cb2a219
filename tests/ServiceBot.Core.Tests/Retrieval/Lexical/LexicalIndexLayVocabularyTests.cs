using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;
using ServiceBot.Text.Spelling;

namespace ServiceBot.Core.Tests.Retrieval.Lexical;

/// <summary>Lay expansions and spelling correction travel with the index file, so a loaded index reads questions the same way.</summary>
public class LexicalIndexLayVocabularyTests
{
    private static readonly IndexDocument[] Clauses =
    [
        new("rest", "意见", "四、(九)", "加强党群服务中心、工会驿站、司机之家等统筹使用和运行维护管理，完善服务网络。"),
        new("injury", "意见", "四、(八)", "扩大职业伤害保障试点，建立健全职业伤害保障制度。"),
        new("fund", "指南", "所需材料", "提取住房公积金需要身份证和租房合同。"),
    ];

    private static ChineseAnalyzer Analyzer() => new(new ChineseAnalyzerOptions
    {
        DomainWords = ["住房公积金", "公积金", "职业伤害", "工会驿站"],
        LayExpansions = [new LayExpansion(["歇脚", "喝口水"], ["驿站", "工会驿站"])],
        LayExpansionWeight = 0.6f,
        MinedLayExpansions = [new LayExpansion(["公鸡金"], ["住房公积金"]), new LayExpansion(["怀孕"], ["生育", "孕期"])],
        MinedLayExpansionWeight = 0.25f,
        ContextualCorrections = [new ContextualCorrection("工商", "职业伤害", ["摔"], ["执照"])],
        UseGeneralThesaurus = false,
    });

    [Fact]
    public void Search_LayPhraseAndMisspelling_FindTheClauseTheyStandFor()
    {
        var index = LexicalIndex.Build(Clauses, Analyzer(), new LexicalIndexOptions());

        Assert.Equal("rest", index.Search("跑单中途想找个地方喝口水", 1).Single().Id);
        Assert.Equal("fund", index.Search("公鸡金咋提", 1).Single().Id);
        Assert.Equal("injury", index.Search("摔了算工商吗", 1).Single().Id);
    }

    [Fact]
    public void SaveLoad_RoundTrip_KeepsLayExpansionsAndCorrections()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        LexicalIndex.Build(Clauses, Analyzer(), new LexicalIndexOptions()).Save(path);

        var options = LexicalIndex.Load(path).Analyzer.Options;

        var expansion = Assert.Single(options.LayExpansions);
        Assert.Equal(["歇脚", "喝口水"], expansion.LayPhrases);
        Assert.Equal(["驿站", "工会驿站"], expansion.PolicyWords);
        Assert.Equal(0.6f, options.LayExpansionWeight);
        var rule = Assert.Single(options.ContextualCorrections);
        Assert.Equal(("工商", "职业伤害", "摔", "执照"), (rule.Typed, rule.Intended, rule.When.Single(), rule.Unless.Single()));
        Assert.Equal("摔了算职业伤害吗", LexicalIndex.Load(path).Analyzer.Correct("摔了算工商吗").Text);
        Assert.Equal(["怀孕"], options.MinedLayExpansions[1].LayPhrases);
        Assert.Equal(["生育", "孕期"], options.MinedLayExpansions[1].PolicyWords);
        Assert.Equal(0.25f, options.MinedLayExpansionWeight);
        Assert.Equal(0.25f, LexicalIndex.Load(path).Analyzer.AnalyzeQuery("怀孕了怎么办").Words["孕期"]);
    }
}
