using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Ranking;

public class LawPriorTests
{
    // The same wording in two laws, so that only the prior can tell them apart; the copyright clause comes first in index order.
    private static readonly IndexDocument[] Statutes =
    [
        new("copyright", "中华人民共和国著作权法", "第五十四条", "侵权行为造成损失的，侵权人应当赔偿。"),
        new("trademark", "中华人民共和国商标法", "第六十三条", "侵权行为造成损失的，侵权人应当赔偿。"),
        new("lease", "中华人民共和国民法典", "第七百一十二条", "出租人应当履行租赁物的维修义务。"),
    ];

    private static ChineseAnalyzer Analyzer() => new(new ChineseAnalyzerOptions { UseGeneralThesaurus = false });

    // Twins would fold the two equal clauses into one result; the test needs both.
    private static LexicalIndex Index() => LexicalIndex.Build(Statutes, Analyzer(), new LexicalIndexOptions { NearDuplicateThreshold = 0 });

    private static LawPrior TrademarkPrior() => LawPrior.Learn(
    [
        new LawPriorExample(["侵权", "商标"], ["中华人民共和国商标法"]),
        new LawPriorExample(["侵权", "赔偿"], ["商标法"]),
        new LawPriorExample(["房东", "维修"], ["中华人民共和国民法典"]),
    ]);

    [Fact]
    public void Learn_Questions_CountEachLawOncePerQuestionUnderItsTitleWithoutTheNationalPrefix()
    {
        var prior = LawPrior.Learn(
        [
            new LawPriorExample(["侵权", "侵权"], ["中华人民共和国商标法", "商标法"]),
            new LawPriorExample(["侵权"], ["商标法", "中华人民共和国民法典"]),
        ]);

        Assert.Equal(2, prior.Questions);
        Assert.Equal(2, prior.Citations["商标法"]);
        Assert.Equal(1, prior.Citations["民法典"]);
        Assert.Equal(1f, prior.Share("中华人民共和国商标法"));
        Assert.Equal(0f, prior.Share("著作权法"));
        Assert.Equal(2, prior.Words["侵权"].Questions);
        Assert.Equal(2, prior.Words["侵权"].Laws["商标法"]);
    }

    [Fact]
    public void Learn_WordOfASingleQuestion_IsLeftOutOfTheWordTable()
    {
        var prior = TrademarkPrior();

        Assert.Contains("侵权", prior.Words.Keys);
        Assert.DoesNotContain("商标", prior.Words.Keys);
        Assert.DoesNotContain("房东", prior.Words.Keys);
    }

    [Fact]
    public void Search_PriorLoadedFromFile_LiftsTheLawQuestionsWithThoseWordsCite()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "law-prior.json");
        TrademarkPrior().Save(path);
        var index = Index();

        var without = index.Search("侵权赔偿", 5);
        var with = index.WithOptions(new LexicalIndexOptions { LawPrior = LawPrior.Load(path) }).Search("侵权赔偿", 5);

        Assert.Equal("copyright", without[0].Id);
        Assert.Equal(without[0].Score, without[1].Score);
        Assert.Equal("trademark", with[0].Id);
        Assert.True(with[0].Score > without[0].Score);
        // A law no question cited keeps the score its words earned.
        Assert.Equal(without.Single(h => h.Id == "copyright").Score, with.Single(h => h.Id == "copyright").Score);
    }

    [Fact]
    public void Search_WordThePriorNeverSaw_FallsBackToTheOverallShares()
    {
        // 行为 is in no question of the prior: only the overall shares (商标法 cited by two of three) lift a law.
        var index = Index().WithOptions(new LexicalIndexOptions { LawPrior = TrademarkPrior() });

        var hits = index.Search("行为", 5);

        Assert.Equal("trademark", hits[0].Id);
        Assert.True(hits[0].Score > hits.Single(h => h.Id == "copyright").Score);
    }

    [Fact]
    public void RankingCandidates_WithPrior_PartsIncludingThePriorAddUpToTheScore()
    {
        var index = Index().WithOptions(new LexicalIndexOptions { LawPrior = TrademarkPrior() });

        var candidates = index.RankingCandidates("侵权赔偿", 5);

        var trademark = candidates.Single(c => c.Id == "trademark");
        Assert.True(trademark.Parts.LawPrior > 0);
        Assert.Equal(0f, candidates.Single(c => c.Id == "copyright").Parts.LawPrior);
        foreach (var candidate in candidates)
        {
            var parts = candidate.Parts;
            Assert.Equal(candidate.FirstStageScore, parts.Words + parts.Bigrams + parts.Questions + parts.Neighbor + parts.Group + parts.LawPrior, 4);
        }
    }

    [Fact]
    public void LoadIfPresent_NoFile_IsNullAndSearchKeepsItsRanking()
    {
        using var folder = new TempFolder();
        var index = Index();

        var prior = LawPrior.LoadIfPresent(Path.Combine(folder.Path, "missing.json"));

        Assert.Null(prior);
        var plain = index.Search("侵权赔偿", 5);
        var withNull = index.WithOptions(new LexicalIndexOptions { LawPrior = prior }).Search("侵权赔偿", 5);
        Assert.Equal(plain.Select(h => (h.Id, h.Score)), withNull.Select(h => (h.Id, h.Score)));
    }

    [Theory]
    [InlineData("not json at all", "is not a law prior")]
    [InlineData("{\"format\":\"servicebot-term-translations\",\"version\":1,\"questions\":3,\"citations\":{}}", "is not a servicebot-law-prior file")]
    [InlineData("{\"format\":\"servicebot-law-prior\",\"version\":1,\"questions\":0,\"citations\":{}}", "learned from 0 questions")]
    [InlineData("{\"format\":\"servicebot-law-prior\",\"version\":1,\"questions\":3,\"citations\":{\"商标法\":4}}", "\"商标法\" is cited by 4 questions, outside 0–3")]
    [InlineData("{\"format\":\"servicebot-law-prior\",\"version\":1,\"questions\":3,\"citations\":{},\"words\":{\"侵权\":{\"questions\":2,\"laws\":{\"商标法\":3}}}}", "\"商标法\" is cited by 3 questions with \"侵权\", outside 0–2")]
    [InlineData("{\"format\":\"servicebot-law-prior\",\"version\":1,\"questions\":3,\"citations\":{},\"words\":{\"侵权\":{\"questions\":2}}}", "\"侵权\" has no law counts")]
    public void Load_BadFile_ThrowsInvalidDataNamingThePathAndTheFault(string content, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("law-prior.json", content);

        var error = Assert.Throws<InvalidDataException>(() => LawPrior.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Default_ShippedPrior_LoadsWithLawsAndWords()
    {
        var shipped = LawPrior.Default;

        Assert.NotNull(shipped);
        Assert.True(shipped.Citations.Count > 20);
        Assert.True(shipped.Words.Count > 100);
        Assert.All(shipped.Citations.Values, count => Assert.InRange(count, 1, shipped.Questions));
    }
}
