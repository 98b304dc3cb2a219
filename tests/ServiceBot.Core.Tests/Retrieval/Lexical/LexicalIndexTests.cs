using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Lexical;

public class LexicalIndexTests
{
    private static readonly IndexDocument[] Statutes =
    [
        new("a1", "中华人民共和国劳动合同法", "第三十条", "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。"),
        new("a2", "劳动合同法", "第三十一条", "用人单位应当严格执行劳动定额标准，不得强迫或者变相强迫劳动者加班。"),
        new("a3", "中华人民共和国劳动合同法", "第三十二条", "劳动者拒绝用人单位管理人员违章指挥、强令冒险作业的，不视为违反劳动合同。"),
        new("b1", "住房公积金管理条例", "第二十四条", "职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：购买、建造、翻建、大修自住住房的；离休、退休的。"),
        new("c1", "中华人民共和国民法典", "第一千二百五十四条", "禁止从建筑物中抛掷物品。从建筑物中抛掷物品或者从建筑物上坠落的物品造成他人损害的，由侵权人依法承担侵权责任。"),
    ];

    [Fact]
    public void Search_QuestionWithStatuteWords_RanksMatchingArticleFirst()
    {
        var index = LexicalIndex.Build(Statutes);
        var hits = index.Search("怎么提取住房公积金？", 3);
        Assert.Equal("b1", hits[0].Id);
    }

    [Fact]
    public void Search_ScoresAreDescendingAndBoundedByTop()
    {
        var index = LexicalIndex.Build(Statutes);
        var hits = index.Search("用人单位不支付劳动报酬", 2);
        Assert.Equal(2, hits.Count);
        Assert.True(hits[0].Score >= hits[1].Score);
        Assert.Equal("a1", hits[0].Id);
    }

    [Fact]
    public void Search_NeighbourOfStrongArticle_IsRetrievedWithoutSharedWords()
    {
        // a2 shares no word with the question; it is found because a1 and a3, its neighbours, match.
        var index = LexicalIndex.Build(Statutes);
        var ids = index.Search("及时足额支付 违章指挥", 5).Select(h => h.Id).ToList();
        Assert.Contains("a2", ids);
    }

    [Fact]
    public void Search_NeighbourSmoothingOff_LeavesUnmatchedArticleOut()
    {
        var options = new LexicalIndexOptions { NeighborWeight = 0 };
        var index = LexicalIndex.Build(Statutes, new ChineseAnalyzer(), options);
        var ids = index.Search("及时足额支付 违章指挥", 5).Select(h => h.Id).ToList();
        Assert.DoesNotContain("a2", ids);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？！")]
    [InlineData("的了吗")]
    public void Search_QueryWithoutContent_ReturnsNothing(string query)
        => Assert.Empty(LexicalIndex.Build(Statutes).Search(query, 10));

    [Fact]
    public void Search_SynonymFromDomainDictionary_FindsStatutoryWording()
    {
        var analyzer = new ChineseAnalyzer(new ChineseAnalyzerOptions { SynonymGroups = [["劳动报酬", "工钱"]] });
        var index = LexicalIndex.Build(Statutes, analyzer, new LexicalIndexOptions());
        Assert.Equal("a1", index.Search("工钱", 1).Single().Id);
        Assert.Empty(LexicalIndex.Build(Statutes, new ChineseAnalyzer(new ChineseAnalyzerOptions { UseGeneralThesaurus = false }),
            new LexicalIndexOptions()).Search("工钱", 1));
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalRankingsAndVocabulary()
    {
        using var folder = new TempFolder();
        var analyzer = new ChineseAnalyzer(new ChineseAnalyzerOptions { SynonymGroups = [["劳动报酬", "工钱"]] });
        var index = LexicalIndex.Build(Statutes, analyzer, new LexicalIndexOptions());
        var path = Path.Combine(folder.Path, "sub", "lexical.bin");
        index.Save(path);
        var loaded = LexicalIndex.Load(path);

        Assert.Equal(index.Count, loaded.Count);
        foreach (var query in new[] { "工钱", "高空抛物砸伤人", "公积金提取", "加班" })
            Assert.Equal(index.Search(query, 5), loaded.Search(query, 5));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Load_ForeignFile_ThrowsInvalidData()
    {
        using var folder = new TempFolder();
        var path = folder.Write("lexical.bin", "not an index at all");
        var error = Assert.Throws<InvalidDataException>(() => LexicalIndex.Load(path));
        Assert.Contains("not a ServiceBot lexical index", error.Message);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsInvalidData()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "lexical.bin");
        LexicalIndex.Build(Statutes).Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Throws<InvalidDataException>(() => LexicalIndex.Load(path));
    }

    [Fact]
    public void Search_ConcurrentQueries_MatchSequentialResults()
    {
        var index = LexicalIndex.Build(Statutes);
        var queries = new[] { "劳动报酬", "公积金", "抛掷物品", "加班", "违章指挥" };
        var expected = queries.Select(q => index.Search(q, 3)).ToList();
        Parallel.For(0, 200, i => Assert.Equal(expected[i % queries.Length], index.Search(queries[i % queries.Length], 3)));
    }
}
