using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Lexical;

/// <summary>
/// The first stage's structural signals. A query touching few clauses visits them one by one; one touching an
/// eighth of the corpus or more sweeps every clause. Padding the corpus with unrelated laws switches between the
/// two, and both must give the same candidates and scores.
/// </summary>
public class LexicalIndexFirstStageTests
{
    private const int SweepsEveryClause = 0;
    private const int VisitsTouchedClauses = 60;

    [Theory]
    [InlineData(SweepsEveryClause)]
    [InlineData(VisitsTouchedClauses)]
    public void Search_UntouchedNeighbour_InheritsItsShareOfTheMatch(int unrelatedLaws)
    {
        IndexDocument[] law =
        [
            new("a1", "工伤保险条例", "第十七条", "工伤认定申请应当提交材料。"),
            new("a2", "工伤保险条例", "第十八条", "天气晴朗。"),
        ];
        var options = new LexicalIndexOptions { NeighborWeight = 0.25f, GroupWeight = 0 };
        var index = LexicalIndex.Build([.. law, .. Unrelated(unrelatedLaws)], new ChineseAnalyzer(), options);

        var hits = index.Search("工伤认定", 10);

        Assert.Equal(["a1", "a2"], hits.Select(h => h.Id));
        Assert.Equal(0.25f * hits[0].Score, hits[1].Score, 5);
    }

    [Theory]
    [InlineData(SweepsEveryClause)]
    [InlineData(VisitsTouchedClauses)]
    public void Search_EqualScores_RankInClauseOrder(int unrelatedLaws)
    {
        // Five laws with the same wording score the same; the first three in corpus order are kept, in that order.
        // Near-duplicate folding is off, or the five would be collapsed into one.
        var twins = Enumerable.Range(0, 5)
            .Select(i => new IndexDocument($"t{i}", $"第{i}号条例", "第一条", "工伤认定申请应当提交材料。"));
        var index = LexicalIndex.Build([.. Unrelated(unrelatedLaws), .. twins.Reverse()], new ChineseAnalyzer(),
            new LexicalIndexOptions { NearDuplicateThreshold = 0 });

        var hits = index.Search("工伤认定", 3);

        Assert.Equal(["t4", "t3", "t2"], hits.Select(h => h.Id));
        Assert.All(hits, h => Assert.Equal(hits[0].Score, h.Score));
    }

    private static IEnumerable<IndexDocument> Unrelated(int count)
        => Enumerable.Range(0, count).Select(i => new IndexDocument($"u{i}", $"档案目录{i}", "第一条", $"附件目录第{i}号存放。"));
}
