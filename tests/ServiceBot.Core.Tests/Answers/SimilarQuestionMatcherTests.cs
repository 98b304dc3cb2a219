using ServiceBot.Answers;
using ServiceBot.Knowledge.Chunking;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>The matcher over the repository's knowledge and its linked questions, against a plain scan of every one.</summary>
public sealed class SimilarQuestionMatcherTests(KnowledgeOnlyFixture fixture) : IClassFixture<KnowledgeOnlyFixture>
{
    public static TheoryData<string> Questions() =>
    [
        "公积金租房提取需要什么材料",
        "骑手在送餐路上摔伤了算工伤吗",
        "社保断缴了还能转移吗",
        "老板拖欠工资不给怎么办",
        "明天天气怎么样",
        "ＡＰＰ上怎么查办件进度",
    ];

    [Theory]
    [MemberData(nameof(Questions))]
    public void Match_AnyQuestion_SameMatchesAsScanningEveryLinkedQuestion(string question)
    {
        var scorer = new GroundingScorer(fixture.Knowledge.Lexical);
        var terms = scorer.Terms(question);

        var matched = SimilarQuestionMatcher.Match(fixture.Knowledge, scorer, terms, question);

        Assert.Equal(Scan(scorer, terms, question), matched.Select(m => (m.Chunk.Id, m.Match, m.Question)).ToList());
    }

    [Fact]
    public void Match_QuestionALinkedQuestionAsks_FindsItsClause()
    {
        var linked = fixture.Knowledge.Chunks.First(c => c.SimilarQuestions.Count > 0);
        var question = linked.SimilarQuestions[0];
        var scorer = new GroundingScorer(fixture.Knowledge.Lexical);

        var best = SimilarQuestionMatcher.Match(fixture.Knowledge, scorer, scorer.Terms(question), question)[0];

        Assert.Equal(1, best.Match, 6);
        Assert.Equal(question, best.Question);
    }

    /// <summary>Every linked question scored, each clause's best kept (the first of equals), best first, zeros dropped.</summary>
    private List<(string Id, double Match, string Question)> Scan(GroundingScorer scorer, IReadOnlyList<QueryTerm> terms, string question)
    {
        var all = new List<(KnowledgeChunk Chunk, double Match, string Question)>();
        foreach (var chunk in fixture.Knowledge.Chunks)
        {
            var asked = chunk.Section.EndsWith('？') || chunk.Section.EndsWith('?') ? chunk.SimilarQuestions.Prepend(chunk.Section) : chunk.SimilarQuestions;
            foreach (var linked in asked)
            {
                var coverage = GroundingScorer.Coverage(terms, linked);
                var match = coverage == 0 ? 0 : (coverage + GroundingScorer.Coverage(scorer.Terms(linked), question)) / 2;
                if (match > 0) all.Add((chunk, match, linked));
            }
        }
        return all.GroupBy(m => m.Chunk.Id).Select(g => g.MaxBy(m => m.Match)).OrderByDescending(m => m.Match)
            .Select(m => (m.Chunk.Id, m.Match, m.Question)).ToList();
    }
}
