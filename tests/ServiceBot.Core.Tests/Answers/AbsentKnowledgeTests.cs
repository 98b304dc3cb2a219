using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>
/// On the repository's knowledge without the laws (the service's defaults), a question nearest to one only a law answered
/// is refused rather than answered from a guide that shares its words (试用期最长多久 and a guide's 办理时限).
/// </summary>
public sealed class AbsentKnowledgeTests(KnowledgeOnlyFixture fixture) : IClassFixture<KnowledgeOnlyFixture>, IDisposable
{
    private const string Question = "试用期最长可以约定多久";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Compose_NearestAnnotatedQuestionAnsweredByAnAbsentLaw_IsRefusedBeforeTheModel()
    {
        var composer = Composer(new AnswerOptions());
        var lenient = Composer(new AnswerOptions { MinAbsentNeighbourSimilarity = 1.0 });

        var refused = composer.Compose(fixture.Knowledge, "试用期最长多久");
        var modelled = lenient.Compose(fixture.Knowledge, "试用期最长多久");

        Assert.False(refused.Grounded);
        Assert.Empty(refused.Citations);
        Assert.True(refused.Decision!.AbsentKnowledge);
        Assert.Null(refused.Decision.Probability);
        Assert.NotNull(modelled.Decision?.Probability); // without the rule the model decides
    }

    [Fact]
    public void Compose_NearestAnnotatedQuestionAnsweredByAHeldClause_StillAnswers()
    {
        var answer = Composer(new AnswerOptions()).Compose(fixture.Knowledge, "公积金租房能不能提");

        Assert.True(answer.Grounded);
        Assert.Equal("住房公积金提取办事指南（示例）", answer.Citations[0].Source);
    }

    [Fact]
    public void AbsentIndex_KnowledgeHoldingEveryAnnotatedClause_IsEmpty()
    {
        var lines = Lines();
        var held = lines.Where(l => l.Clauses[0].Source != "中华人民共和国劳动合同法").ToList();

        Assert.Single(AnnotatedQuestions.Absent(fixture.Knowledge, lines));
        Assert.Empty(AnnotatedQuestions.Absent(fixture.Knowledge, held));
    }

    [Fact]
    public void Compose_KnowledgeLackingMostAnnotatedClauses_IsAnotherKnowledgeBaseAndNeverRefusedForIt()
    {
        var path = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N") + ".jsonl");
        AnnotatedQuestions.Save(path, [.. Lines().Take(1), new("离职了公积金怎么取", [new CitedClause("中华人民共和国劳动合同法", "第五十条")])]);
        var composer = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), RefusalModel.FromOptions(new AnswerOptions()),
            new KnowledgeRankingOptions { AnnotatedQuestionsPath = path });

        Assert.False(composer.Compose(fixture.Knowledge, "试用期最长多久").Decision?.AbsentKnowledge ?? false);
    }

    // Two of three lines resolve on knowledge/ alone, as most of the shipped annotated questions do without the laws.
    private static List<AnnotatedQuestionLine> Lines() =>
    [
        new(Question, [new CitedClause("中华人民共和国劳动合同法", "第十九条")]),
        new("租房能提公积金吗", [new CitedClause("住房公积金提取办事指南（示例）", "租房可以提取公积金吗？")]),
        new("离职多久能取公积金", [new CitedClause("住房公积金提取办事指南（示例）", "离职后多久可以提取？")]),
    ];

    private ExtractiveAnswerComposer Composer(AnswerOptions options)
    {
        var path = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N") + ".jsonl");
        AnnotatedQuestions.Save(path, Lines());
        return new ExtractiveAnswerComposer(Options.Create(options), RefusalModel.FromOptions(options),
            new KnowledgeRankingOptions { AnnotatedQuestionsPath = path });
    }
}
