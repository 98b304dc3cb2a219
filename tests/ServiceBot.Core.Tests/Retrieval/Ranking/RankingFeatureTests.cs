using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Ranking;

public class RankingFeatureTests
{
    private static readonly IndexDocument[] Statutes =
    [
        new("a1", "中华人民共和国劳动合同法", "第三十条", "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。"),
        new("a2", "中华人民共和国劳动合同法", "第三十一条", "用人单位应当严格执行劳动定额标准，不得强迫或者变相强迫劳动者加班。"),
        new("a3", "中华人民共和国劳动合同法", "第三十二条", "劳动者拒绝用人单位管理人员违章指挥、强令冒险作业的，不视为违反劳动合同。"),
        new("b1", "住房公积金管理条例", "第二十四条", "职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：购买、建造、翻建、大修自住住房的；离休、退休的。"),
        new("c1", "最高人民法院关于审理劳动争议案件适用法律问题的解释", "第一条", "劳动者与用人单位之间发生的下列纠纷，属于劳动争议。"),
    ];

    private static LexicalIndex FirstStageIndex(TreeEnsemble? ranker = null)
        => LexicalIndex.Build(Statutes, new ChineseAnalyzer(), new LexicalIndexOptions { Ranker = ranker, RerankDepth = Statutes.Length });

    private static float Feature(RankingCandidate candidate, RankingFeature feature) => candidate.Features[(int)feature];

    [Fact]
    public void RankingCandidates_ArticleNamedInQuery_MarksOnlyThatArticle()
    {
        var candidates = FirstStageIndex().RankingCandidates("劳动合同法第三十一条 加班", 10);
        Assert.All(candidates, c => Assert.Equal(1, Feature(c, RankingFeature.ArticleNamed)));
        Assert.Equal(["a2"], candidates.Where(c => Feature(c, RankingFeature.ArticleMatch) == 1).Select(c => c.Id));
        Assert.Equal(31, Feature(candidates.Single(c => c.Id == "a2"), RankingFeature.ArticlePosition));
    }

    [Fact]
    public void RankingCandidates_QueryWordsInTitle_GiveTitleCoverageToThatDocumentOnly()
    {
        var candidates = FirstStageIndex().RankingCandidates("劳动合同 用人单位 公积金", 10);
        Assert.All(candidates.Where(c => c.Id.StartsWith('a')), c => Assert.True(Feature(c, RankingFeature.TitleCoverage) > 0));
        Assert.Equal(0, Feature(candidates.Single(c => c.Id == "c1"), RankingFeature.TitleCoverage));
    }

    [Fact]
    public void RankingCandidates_Coverage_IsTheIdfShareOfTypedWordsTheClauseHolds()
    {
        // Expectations come from the analyzer itself: other tests add domain words to jieba's process-wide dictionary.
        var index = FirstStageIndex();
        const string query = "离休 冒险作业 公积金";
        var typed = index.Analyzer.AnalyzeQuery(query).Words.Where(w => w.Value >= 1).Select(w => w.Key).ToList();
        var b1Words = index.Analyzer.Words(Statutes[3].Text).ToHashSet();
        var held = typed.Where(b1Words.Contains).ToList();
        Assert.NotEmpty(held);

        var candidates = index.RankingCandidates(query, 10);
        var b1 = candidates.Single(c => c.Id == "b1");
        Assert.Equal(held.Sum(index.WordIdf) / typed.Sum(index.WordIdf), Feature(b1, RankingFeature.WordCoverage), 4);
        Assert.Equal(held.Count, Feature(b1, RankingFeature.MatchedWords));
        Assert.Equal(Enumerable.Range(1, candidates.Count), candidates.Select(c => (int)Feature(c, RankingFeature.FirstStageRank)));
        Assert.Equal(1, Feature(candidates[0], RankingFeature.FirstStageRelative));
    }

    [Fact]
    public void RankingCandidates_DocumentSignals_DescribeTheLaw()
    {
        var candidates = FirstStageIndex().RankingCandidates("用人单位 劳动者", 10);
        var a1 = candidates.Single(c => c.Id == "a1");
        Assert.Equal(3, Feature(a1, RankingFeature.GroupSize));
        Assert.Equal(1, Feature(a1, RankingFeature.TitleKind)); // a law (…法)
        Assert.Equal(3, Feature(candidates.Single(c => c.Id == "c1"), RankingFeature.TitleKind)); // a judicial interpretation
        Assert.Equal(30f / 32f, Feature(a1, RankingFeature.RelativePosition), 4);
        Assert.Equal(3f / candidates.Count, Feature(a1, RankingFeature.GroupShare), 4);
    }

    [Theory]
    [InlineData("中华人民共和国劳动合同法", 1)]
    [InlineData("住房公积金管理条例", 2)]
    [InlineData("最高人民法院关于审理劳动争议案件适用法律问题的解释", 3)]
    [InlineData("住房公积金提取办法", 4)]
    [InlineData("关于加强新就业群体服务管理的意见", 0)]
    public void RankingCandidates_TitleKind_FollowsTheDocumentTitle(string title, float kind)
    {
        var index = LexicalIndex.Build([new IndexDocument("x", title, "第一条", "职工可以提取住房公积金。")], new ChineseAnalyzer(), new LexicalIndexOptions());
        Assert.Equal(kind, Feature(index.RankingCandidates("提取住房公积金", 1).Single(), RankingFeature.TitleKind));
    }

    [Fact]
    public void Search_WithRanker_OrdersByTheModelNotTheFirstStage()
    {
        // One split: a clause that is the named article scores 10, any other 0.
        var articleFirst = new TreeEnsemble(RankingFeatures.Names, 0,
            [new RankingTree(1, [(int)RankingFeature.ArticleMatch], [0.5f], [~0], [~1], [0.0, 10.0])]);
        const string query = "用人单位 劳动报酬 第三十二条";
        Assert.Equal("a1", FirstStageIndex().Search(query, 3)[0].Id);
        var hits = FirstStageIndex(articleFirst).Search(query, 3);
        Assert.Equal("a3", hits[0].Id);
        Assert.Equal(10f, hits[0].Score);
    }

    [Fact]
    public void Search_IndexSmallerThanRerankDepth_KeepsTheFirstStageOrder()
    {
        var articleFirst = new TreeEnsemble(RankingFeatures.Names, 0,
            [new RankingTree(1, [(int)RankingFeature.ArticleMatch], [0.5f], [~0], [~1], [0.0, 10.0])]);
        const string query = "用人单位 劳动报酬 第三十二条";
        var index = LexicalIndex.Build(Statutes, new ChineseAnalyzer(), new LexicalIndexOptions { Ranker = articleFirst, RerankDepth = Statutes.Length + 1 });

        var hits = index.Search(query, 3);

        Assert.Equal(FirstStageIndex().Search(query, 3).Select(h => (h.Id, h.Score)), hits.Select(h => (h.Id, h.Score)));
        Assert.False(index.Explain(query, 3).Reranked);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 10)]
    [InlineData(5, 1)]
    public void SearchWithRankingCandidates_OnePass_EqualsSearchAndRankingCandidatesApart(int top, int depth)
    {
        // The ranker's pool (all five clauses) differs from the ranking pool, and pool features such as GroupShare depend on it.
        var index = FirstStageIndex(LexicalRanker.Default);
        const string query = "用人单位不支付劳动报酬 加班 提取公积金";

        var both = index.SearchWithRankingCandidates(query, top, depth);

        Assert.Equal(index.Search(query, top).Select(h => (h.Id, h.Score)), both.Hits.Select(h => (h.Id, h.Score)));
        var apart = index.RankingCandidates(query, depth);
        Assert.Equal(apart.Select(c => (c.Id, c.FirstStageScore, c.Parts)), both.RankingCandidates.Select(c => (c.Id, c.FirstStageScore, c.Parts)));
        Assert.Equal(apart.Select(c => c.Features), both.RankingCandidates.Select(c => c.Features));
        Assert.Equal(Math.Min(depth, 5), both.RankingCandidates.Count);
    }

    [Fact]
    public void Explain_WithRanker_ListsHitsInSearchOrderWithContributionsThatAddUp()
    {
        var index = FirstStageIndex(LexicalRanker.Default);
        const string query = "单位不给加班费怎么办";
        var explanation = index.Explain(query, 3);
        Assert.True(explanation.Reranked);
        Assert.Equal(index.Search(query, 3).Select(h => h.Id), explanation.Hits.Select(h => h.Candidate.Id));
        foreach (var hit in explanation.Hits)
            Assert.Equal(hit.Ranker!.Score, hit.Ranker.Baseline + hit.Ranker.Contributions.Sum(), 6);
    }
}
