using System.Text.RegularExpressions;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Core.Tests.Ingestion;

/// <summary>The repository's knowledge/questions/ side files: they load, name articles as the chunker does, and reach the laws.</summary>
public sealed partial class CommittedLinkedQuestionsTests(RealKnowledgeFixture fixture) : IClassFixture<RealKnowledgeFixture>
{
    private static readonly MergedLinkedQuestions Committed = KnowledgeSources.LoadLinkedQuestions([KnowledgePaths.KnowledgeFolder]);

    [Fact]
    public void LoadLinkedQuestions_CommittedSideFiles_ParseWithoutFailures()
    {
        Assert.Empty(Committed.Failures);
        Assert.True(Committed.Questions.Count >= 100, $"only {Committed.Questions.Count} articles carry questions");
        Assert.All(Committed.Questions, q => Assert.NotEmpty(q.Value));
    }

    [Fact]
    public void LoadLinkedQuestions_CommittedSideFiles_NameEachArticleByItsChunkLabel()
    {
        // A label the chunker never produces ("第47条", "第四十七条第二款") would silently link to nothing.
        var unknown = Committed.Questions.Keys.Where(k => !ArticleLabel().IsMatch(k.Section) || k.Title.Length == 0 || k.Title.Contains('《')).ToList();

        Assert.True(unknown.Count == 0, "not article labels: " + string.Join("; ", unknown.Select(k => $"{k.Title} {k.Section}")));
    }

    [Fact]
    public void LoadLinkedQuestions_CommittedSideFiles_LinkEachQuestionToOneArticle()
    {
        // Each question is answered by its own article; one linked to two would ground either at random.
        var shared = Committed.Questions
            .SelectMany(q => q.Value.Select(question => (Question: question, q.Key)))
            .GroupBy(q => q.Question, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.True(shared.Count == 0, "linked to several articles: " + string.Join("; ", shared));
    }

    [Fact]
    public void RunAsync_CommittedSideFiles_ReachTheFixtureLawsArticles()
    {
        var laws = fixture.Knowledge.Chunks.Where(c => c.Metadata.GetValueOrDefault(MetadataKeys.Type) == DocumentTypes.Law).ToList();
        var linked = laws.Where(c => Committed.For(c.Title, c.Section).Count > 0).ToList();

        Assert.Contains(linked, c => c.Title == "中华人民共和国劳动合同法" && c.Section == "第四十七条");
        Assert.All(linked, c => Assert.Superset(Committed.For(c.Title, c.Section).ToHashSet(), c.SimilarQuestions.ToHashSet()));
    }

    [Theory]
    [InlineData("干了七个月算一年还是半年", "第四十七条")]
    [InlineData("签一年的合同 试用期最多能定几个月", "第十九条")]
    public void Compose_LinkedQuestionOfAFixtureArticle_IsGroundedOnThatArticle(string question, string section)
    {
        var answer = new ExtractiveAnswerComposer().Compose(fixture.Knowledge, question);

        Assert.True(answer.Grounded, $"not grounded: {question}");
        Assert.Equal(section, answer.Citations[0].Section);
    }

    [GeneratedRegex("^第[零一二三四五六七八九十百]+条$")]
    private static partial Regex ArticleLabel();
}
