using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Lexical;

/// <summary>
/// The second stage's features read the postings the first stage looked up for the same query; a field the first stage
/// skips is looked up afresh. Either way the features must be those of the query alone. Two indexes built at different
/// moments are compared, so the tests run alone (see <see cref="SegmenterSensitiveCollection"/>).
/// </summary>
[Collection(SegmenterSensitiveCollection.Name)]
public class LexicalIndexRankingLookupTests
{
    private static IndexDocument[] Corpus() =>
    [
        new("a1", "工伤保险条例", "第十七条", "职工发生事故伤害，所在单位应当自事故伤害发生之日起30日内提出工伤认定申请。", ["受伤了多久要申报工伤"]),
        new("a2", "工伤保险条例", "第十八条", "提出工伤认定申请应当提交工伤认定申请表和医疗诊断证明。", ["工伤认定要交什么材料"]),
        new("b1", "住房公积金管理条例", "第二十四条", "职工购买、建造、翻建、大修自住住房的，可以提取职工住房公积金账户内的存储余额。", ["公积金怎么提取"]),
        new("b2", "住房公积金管理条例", "第二十五条", "职工提取住房公积金账户内的存储余额的，所在单位应当予以核实。", ["提取公积金单位要核实吗"]),
        new("c1", "劳动合同法", "第三十条", "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。", ["工资拖欠怎么办"]),
    ];

    [Fact]
    public void RankingCandidates_AfterALongerQueryOnTheSameThread_EqualTheQueryAlone()
    {
        const string query = "工伤认定申请要提交什么材料";
        var used = LexicalIndex.Build(Corpus(), new ChineseAnalyzer(), new LexicalIndexOptions());
        var fresh = LexicalIndex.Build(Corpus(), new ChineseAnalyzer(), new LexicalIndexOptions());

        used.SearchWithRankingCandidates("住房公积金提取需要单位核实存储余额吗还要交什么证明材料", 5, 5);
        var afterAnother = used.SearchWithRankingCandidates(query, 5, 5);
        var alone = fresh.SearchWithRankingCandidates(query, 5, 5);

        Assert.NotEmpty(alone.RankingCandidates);
        AssertSameCandidates(alone.RankingCandidates, afterAnother.RankingCandidates);
        Assert.Equal(alone.Hits.Select(h => (h.Id, h.Score)), afterAnother.Hits.Select(h => (h.Id, h.Score)));
    }

    [Fact]
    public void RankingCandidates_QuestionFieldsOutOfTheFirstStage_StillScoreTaughtQuestions()
    {
        // With no weight on linked questions the first stage never reads their postings; the features still must.
        var index = LexicalIndex.Build(Corpus(), new ChineseAnalyzer(), new LexicalIndexOptions { QuestionWeight = 0 });

        var candidates = index.RankingCandidates("公积金怎么提取", 5);

        var taught = Assert.Single(candidates, c => c.Id == "b1");
        Assert.True(taught.Features[(int)RankingFeature.QuestionScore] > 0);
        Assert.All(candidates.Where(c => c.Id.StartsWith('a')), c => Assert.Equal(0, c.Features[(int)RankingFeature.QuestionScore]));
    }

    private static void AssertSameCandidates(IReadOnlyList<RankingCandidate> expected, IReadOnlyList<RankingCandidate> actual)
    {
        Assert.Equal(expected.Select(c => c.Id), actual.Select(c => c.Id));
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i].Features, actual[i].Features);
    }
}
