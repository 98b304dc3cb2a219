using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;

namespace ServiceBot.Core.Tests.Answers.Refusal;

/// <summary>The refusal model inside the composer, over the real knowledge/ and law fixtures.</summary>
public sealed class RefusalDecisionTests(RealKnowledgeFixture fixture) : IClassFixture<RealKnowledgeFixture>
{
    private const string AnswerableQuestion = "骑手每天跑十几个小时，休息权有保障吗";

    /// <summary>A model whose probability is always 0.5, with the threshold given.</summary>
    private static ExtractiveAnswerComposer ComposerWithThreshold(double threshold)
        => new(Options.Create(new AnswerOptions()), RefusalModelTests.Flat(threshold));

    [Fact]
    public void Compose_ModelBelowItsThreshold_RefusesWhatTheRuleAnswers()
    {
        var answer = ComposerWithThreshold(0.9).Compose(fixture.Knowledge, AnswerableQuestion);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Contains("您问的是", answer.Markdown);
        Assert.Contains("12345", answer.Markdown);
        Assert.NotEmpty(answer.Suggestions);
        Assert.Equal(new GroundingDecision(true, answer.Decision!.Features, 0.5, false), answer.Decision);
    }

    [Fact]
    public void Compose_ClauseTextStatesMostOfTheQuestion_ModelBelowItsThresholdCannotVeto()
    {
        var answer = ComposerWithThreshold(0.9).Compose(fixture.Knowledge, "恶劣天气等特殊情形下的劳动保护怎么加强");

        Assert.True(answer.Grounded);
        Assert.Equal(0.5, answer.Decision!.Probability);
        Assert.InRange(answer.Decision.Features![GroundingFeatures.Names.ToList().IndexOf("text_coverage")], RefusalModel.UnvetoedTextCoverage, 1);
    }

    [Fact]
    public void Compose_ModelAtItsThreshold_Answers()
    {
        var answer = ComposerWithThreshold(0.5).Compose(fixture.Knowledge, AnswerableQuestion);

        Assert.True(answer.Grounded);
        Assert.NotEmpty(answer.Citations);
        Assert.True(answer.Decision is { RuleAnswers: true, Answers: true, Probability: 0.5 });
    }

    [Fact]
    public void Compose_ThresholdOverriddenInOptions_UsesTheOption()
    {
        var model = RefusalModelTests.Flat(0.9);
        var composer = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions { MinAnswerProbability = 0.4 }), model);

        Assert.True(composer.Compose(fixture.Knowledge, AnswerableQuestion).Grounded);
    }

    [Fact]
    public void Compose_RuleAnswers_RecordsEveryFeatureInModelOrder()
    {
        var answer = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), refusalModel: null).Compose(fixture.Knowledge, AnswerableQuestion);

        Assert.True(answer.Grounded);
        Assert.Equal(GroundingFeatures.Names.Count, answer.Decision!.Features!.Count);
        Assert.Null(answer.Decision.Probability);
        Assert.InRange(answer.Decision.Features[GroundingFeatures.Names.ToList().IndexOf("coverage")], 0.01, 1);
    }

    [Fact]
    public void Compose_RuleRefuses_ModelIsNotAsked()
    {
        var answer = ComposerWithThreshold(0).Compose(fixture.Knowledge, "红烧肉咋做好吃");

        Assert.False(answer.Grounded);
        Assert.Same(GroundingDecision.RuleRefused, answer.Decision);
    }

    [Fact]
    public void ComposeForTask_ModelVetoesTheGuide_Refuses()
    {
        // In lay words, so that no clause's own text states most of it (RefusalModel.ClauseStatesIt).
        var answer = ComposerWithThreshold(0.9).ComposeForTask(fixture.Knowledge, "跑单换了个城市 之前交的社保咋弄过去 得准备些啥", "insurance_transfer");

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.True(answer.Decision is { RuleAnswers: true, Answers: false, Probability: 0.5 });
    }

    [Fact]
    public void ComposeForTask_ModelLetsTheGuideAnswer_MarksItAnsweredFromTheGuide()
    {
        var answer = ComposerWithThreshold(0.5).ComposeForTask(fixture.Knowledge, "社保转移要准备啥材料", "insurance_transfer");

        Assert.True(answer.Grounded);
        Assert.Equal(1, answer.Decision!.Features![GroundingFeatures.Names.ToList().IndexOf("via_guide")]);
    }
}
