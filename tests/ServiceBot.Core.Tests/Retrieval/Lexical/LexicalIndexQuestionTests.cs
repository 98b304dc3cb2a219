using System.Text;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Lexical;

public class LexicalIndexQuestionTests
{
    // g2 never says 摔伤 or 找谁; only the question linked to it does. g1 shares 骑手 and 平台 with the query.
    private static readonly IndexDocument[] Guides =
    [
        new("g1", "新就业形态劳动者权益保障指引", "一、(一)", "平台企业应当为骑手等新就业形态劳动者提供必要的劳动安全卫生条件。"),
        new("g2", "职业伤害保障办事指南", "申请条件", "从业人员在执行平台订单任务期间受到事故伤害的，可以申请职业伤害确认。",
            ["骑手送餐路上摔伤了找谁", "跑外卖受伤了能报销吗"]),
        new("g3", "住房公积金提取办事指南", "所需材料", "身份证件、住房公积金提取申请表、购房合同或者不动产权证书。"),
    ];

    private static LexicalIndexOptions FirstStageOnly(float questionWeight = 2f)
        => new() { QuestionWeight = questionWeight };

    [Fact]
    public void Search_QueryMatchesLinkedQuestion_RanksItsChunkFirst()
    {
        var index = LexicalIndex.Build(Guides, new ChineseAnalyzer(), FirstStageOnly());
        Assert.Equal("g2", index.Search("骑手送餐摔伤了找谁", 3)[0].Id);
    }

    [Fact]
    public void Search_QuestionFieldOff_LinkedQuestionGivesNoEvidence()
    {
        var index = LexicalIndex.Build(Guides, new ChineseAnalyzer(), FirstStageOnly(questionWeight: 0));
        Assert.NotEqual("g2", index.Search("骑手送餐摔伤了找谁", 3)[0].Id);
    }

    [Fact]
    public void RankingCandidates_QuestionMatch_ReportedAsItsOwnPartAndFeature()
    {
        var index = LexicalIndex.Build(Guides, new ChineseAnalyzer(), FirstStageOnly());
        var candidates = index.RankingCandidates("跑外卖受伤了能报销吗", 3);
        var linked = candidates.Single(c => c.Id == "g2");
        Assert.True(linked.Parts.Questions > 0);
        Assert.True(linked.Features[(int)ServiceBot.Retrieval.Ranking.RankingFeature.QuestionScore] > 0);
        Assert.All(candidates.Where(c => c.Id != "g2"), c => Assert.Equal(0, c.Parts.Questions));
        var parts = linked.Parts;
        Assert.Equal(linked.FirstStageScore, parts.Words + parts.Bigrams + parts.Questions + parts.Neighbor + parts.Group, 3);
    }

    [Fact]
    public void SaveLoad_RoundTrip_KeepsQuestionField()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        LexicalIndex.Build(Guides, new ChineseAnalyzer(), FirstStageOnly()).Save(path);
        var loaded = LexicalIndex.Load(path, FirstStageOnly());
        Assert.Equal("g2", loaded.Search("骑手送餐摔伤了找谁", 3)[0].Id);
        Assert.True(loaded.RankingCandidates("跑外卖受伤了能报销吗", 3).Single(c => c.Id == "g2").Parts.Questions > 0);
    }

    [Fact]
    public void Load_OlderFormatVersion_AsksToRunIngestAgain()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        using (var writer = new BinaryWriter(File.Create(path), Encoding.UTF8))
        {
            writer.Write("SBLX"u8);
            writer.Write(LexicalIndex.FormatVersion - 1);
        }
        var error = Assert.Throws<InvalidDataException>(() => LexicalIndex.Load(path));
        Assert.Contains($"format {LexicalIndex.FormatVersion - 1}", error.Message);
        Assert.Contains("Run ingest", error.Message);
    }
}
