using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Core.Tests.Answers.Refusal;

/// <summary>The hard rule and the refusal model inside the composer, over the real knowledge/ and law fixtures.</summary>
public sealed class RefusalDecisionTests(RealKnowledgeFixture fixture) : IClassFixture<RealKnowledgeFixture>
{
    private const string AnswerableQuestion = "骑手每天跑十几个小时，休息权有保障吗";

    /// <summary>In lay words no clause uses (志愿服务 is the opinion's): the coverage thresholds refuse it, though 五、(十二) answers it.</summary>
    private const string LowCoverageQuestion = "骑手能当志愿者不";

    /// <summary>No domain word; it shares only incidental words with the knowledge.</summary>
    private const string OffTopicQuestion = "早上好 吃了没";

    /// <summary>A model whose probability is always 0.5, with the threshold given.</summary>
    private ExtractiveAnswerComposer ComposerWithThreshold(double threshold, bool trainedWithTheKnowledge = false)
        => new(Options.Create(new AnswerOptions()), trainedWithTheKnowledge
            ? RefusalModelTests.Flat(threshold, fixture.Knowledge.Chunks.Select(c => c.DocumentId).Distinct())
            : RefusalModelTests.Flat(threshold));

    /// <summary>A small model that answers questions using a domain word (probability 0.88) and refuses the rest (0.12).</summary>
    private static ExtractiveAnswerComposer ComposerTrustingDomainWords()
    {
        var weights = new double[GroundingFeatures.Names.Count];
        weights[GroundingFeatures.Names.ToList().IndexOf("in_domain")] = 4;
        var model = new RefusalModel(GroundingFeatures.Names, weights, -2, 0.5, new DomainScore(new Dictionary<string, double>()), 0);
        return new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), model);
    }

    [Fact]
    public void Compose_BelowTheCoverageThresholdsModelAnswers_AnswersWithCitations()
    {
        var answer = ComposerTrustingDomainWords().Compose(fixture.Knowledge, LowCoverageQuestion);

        Assert.True(answer.Decision is { RuleAnswers: false, Answers: true, IsHardRefusal: false });
        Assert.True(answer.Grounded);
        Assert.NotEmpty(answer.Citations);
        Assert.Contains(answer.Citations, c => c.Source == "关于加强新就业群体服务管理的意见");
    }

    [Fact]
    public void Compose_OffTopicQuestionPastTheHardRule_ModelRefusesWithTheRefusalReply()
    {
        var answer = ComposerTrustingDomainWords().Compose(fixture.Knowledge, OffTopicQuestion);

        Assert.True(answer.Decision is { IsHardRefusal: false, Answers: false, Probability: < 0.5 });
        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Contains("12345", answer.Markdown);
    }

    [Fact]
    public void Compose_ShippedModel_AnswersTheLowCoverageQuestionAndRefusesSmallTalk()
    {
        var composer = new ExtractiveAnswerComposer();

        var answered = composer.Compose(fixture.Knowledge, LowCoverageQuestion);
        var refused = composer.Compose(fixture.Knowledge, OffTopicQuestion);

        Assert.True(answered.Decision is { RuleAnswers: false, Answers: true });
        Assert.Contains(answered.Citations.Take(3), c => c.Section == "五、(十二)");
        Assert.True(refused.Decision is { IsHardRefusal: false, Answers: false });
        Assert.Empty(refused.Citations);
    }

    [Theory]
    [InlineData(0.6, 0.4, true)]
    [InlineData(0.6, 0.6, false)]
    public void Compose_EnglishQuestion_DecidedAtTheEnglishThreshold(double chineseThreshold, double englishThreshold, bool answers)
    {
        // The model's probability is 0.5 for every question, and the Chinese threshold above it refuses the question's Chinese
        // reading: whether it is answered in English is the English threshold's decision alone.
        var model = new RefusalModel(GroundingFeatures.Names, new double[GroundingFeatures.Names.Count], 0, chineseThreshold,
            new DomainScore(new Dictionary<string, double>()), 0, englishThreshold);
        var composer = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), model);

        var answer = composer.Compose(fixture.Knowledge, "Is there a rest station open at night near the market?");

        Assert.Equal(0.5, answer.Decision?.Probability);
        Assert.Equal(answers, answer.Grounded);
        if (answers) Assert.Equal("Rider and Outdoor Worker Rest Station Guide (sample)", answer.Citations[0].Source);
    }

    [Fact]
    public void Compose_WithoutAModel_CoverageThresholdsDecide()
    {
        var composer = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), refusalModel: null);

        var answer = composer.Compose(fixture.Knowledge, LowCoverageQuestion);

        Assert.True(answer.Decision is { RuleAnswers: false, Answers: false, Probability: null, IsHardRefusal: false });
        Assert.Contains("您问的是", answer.Markdown);
        Assert.NotEmpty(answer.Suggestions);
    }

    [Theory]
    [InlineData("外卖平台一单抽多少", HardRule.SpecificUnstated)]
    [InlineData("阿司匹林和布洛芬", HardRule.NoClauseCovers)]
    public void Compose_HardRuleRefuses_WhateverTheModelAndNamesWhichPart(string question, HardRule expected)
    {
        var answer = ComposerWithThreshold(0).Compose(fixture.Knowledge, question);

        Assert.False(answer.Grounded);
        Assert.True(answer.Decision!.IsHardRefusal);
        Assert.Equal(expected, answer.Decision.HardRule);
    }

    [Fact]
    public void Compose_ModelDecides_NoHardRuleNamed()
    {
        var answer = ComposerWithThreshold(0).Compose(fixture.Knowledge, "骑手的休息权有保障吗");

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Null(answer.Decision!.HardRule);
    }

    [Fact]
    public void Compose_QuestionNamesARareTermOfAnUntrainedDocument_ModelBelowItsThresholdCannotVeto()
    {
        var answer = ComposerWithThreshold(0.99).Compose(fixture.Knowledge, "骑手借经营性贷款有什么规定？");

        Assert.True(answer.Grounded, answer.Markdown);
        Assert.Equal("三、(七)", answer.Citations[0].Section);
    }

    [Fact]
    public void Compose_RareTermButAFigureAsked_ModelStillDecides()
    {
        var answer = ComposerWithThreshold(0.99).Compose(fixture.Knowledge, "骑手的经营性贷款最多能贷多少");

        Assert.False(answer.Grounded);
    }

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

    /// <summary>
    /// A clause whose text holds most of the question answers past a model below its threshold only when the model was not
    /// trained with the clause's document (one uploaded since); beside a trained document the model decides.
    /// </summary>
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Compose_ClauseTextStatesMostOfTheQuestion_AnswersPastTheModelOnlyForAnUntrainedDocument(bool trainedWithIt, bool answered)
    {
        var answer = ComposerWithThreshold(0.9, trainedWithIt).Compose(fixture.Knowledge, "恶劣天气等特殊情形下的劳动保护怎么加强");

        Assert.Equal(answered, answer.Grounded);
        Assert.Equal(0.5, answer.Decision!.Probability);
        Assert.InRange(answer.Decision.Features![GroundingFeatures.Names.ToList().IndexOf("text_coverage")], RefusalModel.UnvetoedTextCoverage, 1);
    }

    [Fact]
    public void Compose_QuestionNamesARareTermOfTheClause_ModelTrainedWithItsDocumentDecides()
        => Assert.False(ComposerWithThreshold(0.99, trainedWithTheKnowledge: true).Compose(fixture.Knowledge, "骑手借经营性贷款有什么规定？").Grounded);

    [Fact]
    public void Compose_ClauseTextHoldsTheWordsButNotTheAskedFloor_ModelBelowItsThresholdRefuses()
    {
        // Worded like the arbitration law's articles on the committees, which name no district or floor.
        var answer = ComposerWithThreshold(0.9).Compose(fixture.Knowledge, "劳动争议仲裁委员会在哪个区几楼");

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Equal(1, answer.Decision!.Features![GroundingFeatures.Names.ToList().IndexOf("aspect_unstated")]);
    }

    [Theory]
    [InlineData("司机之家一共有几张床 晚上能住几个人", "figure_kind_unstated")]
    [InlineData("俺们这嘎达的骑手驿站 是哪个单位出钱盖的", "payer_unstated")]
    public void Compose_AsksWhatNoCitedClauseStates_RecordsItAndTheShippedModelRefuses(string question, string feature)
    {
        // Read as the refusal model was trained: the clauses' linked questions alone as neighbours.
        var rule = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), refusalModel: null,
            new KnowledgeRankingOptions { UseAnnotatedQuestions = false }).Compose(fixture.Knowledge, question);
        var shipped = new ExtractiveAnswerComposer().Compose(fixture.Knowledge, question);

        Assert.Equal(1, rule.Decision!.Features![GroundingFeatures.Names.ToList().IndexOf(feature)]);
        Assert.False(shipped.Grounded);
        Assert.Empty(shipped.Citations);
    }

    [Theory]
    [InlineData("你能查到我社保一共交了几年吗")]
    [InlineData("公司到底欠我多少 你查得到不")]
    public void Compose_AsksTheBotToLookUpOnesOwnRecord_IsRefusedBeforeAnyModel(string question)
    {
        var rule = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), refusalModel: null).Compose(fixture.Knowledge, question);
        var shipped = new ExtractiveAnswerComposer().Compose(fixture.Knowledge, question);

        Assert.False(rule.Grounded);
        Assert.False(shipped.Grounded);
        Assert.Empty(shipped.Citations);
        Assert.Null(shipped.Decision?.Probability);
    }

    [Theory]
    [InlineData("职业伤害保障的钱是平台交还是我自己交")]
    [InlineData("被公司辞退了 经济补偿干一年给几个月工资")]
    [InlineData("义乌每年出口多少种圣诞用品")]
    public void Compose_AsksAFigureOrPayerACitedClauseStates_AnswersWithoutTheNewSignals(string question)
    {
        var shipped = new ExtractiveAnswerComposer().Compose(fixture.Knowledge, question);
        var features = shipped.Decision!.Features!;

        Assert.True(shipped.Grounded);
        Assert.NotEmpty(shipped.Citations);
        Assert.Equal(0, features[GroundingFeatures.Names.ToList().IndexOf("figure_kind_unstated")]);
        Assert.Equal(0, features[GroundingFeatures.Names.ToList().IndexOf("payer_unstated")]);
    }

    [Theory]
    [InlineData("Which floor is the foreign company registration window on in Yiwu?")]
    [InlineData("How many delivery riders work in Yiwu?")]
    public void Compose_EnglishAskingWhatNoCitedClauseStates_Refuses(string question)
    {
        var answer = new ExtractiveAnswerComposer().Compose(fixture.Knowledge, question);

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public void Compose_EnglishAskingAFigureTheGuideStates_Answers()
    {
        var answer = new ExtractiveAnswerComposer().Compose(fixture.Knowledge, "How many foreign merchants and foreign-invested businesses are there in Yiwu?");

        Assert.True(answer.Grounded);
        Assert.NotEmpty(answer.Citations);
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
    public void Compose_RuleAnswers_RecordsTheComposersSignals()
    {
        var answer = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), refusalModel: null).Compose(fixture.Knowledge, AnswerableQuestion);
        var features = answer.Decision!.Features!;
        double Feature(string name) => features[GroundingFeatures.Names.ToList().IndexOf(name)];

        Assert.Equal(1, Feature("thresholds_pass"));
        Assert.Equal(1, Feature("in_domain"));
        Assert.InRange(Feature("ranker_confidence"), 0, 1);
        Assert.NotEqual(0.5, Feature("ranker_confidence"));
        Assert.InRange(Feature("ranker_coverage"), 0.01, 1);
    }

    [Theory]
    [InlineData("我们区劳动监察大队在哪栋楼几楼办公")]
    [InlineData("公积金中心周六上班不 上午几点开门")]
    [InlineData("职业伤害保障试点啥时候推广到全国")]
    public void Compose_AsksAnAspectNoClauseStates_RecordsItAndTheShippedModelRefuses(string question)
    {
        var rule = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), refusalModel: null).Compose(fixture.Knowledge, question);
        var shipped = new ExtractiveAnswerComposer().Compose(fixture.Knowledge, question);

        Assert.NotNull(rule.Decision!.Features);
        Assert.Equal(1, rule.Decision.Features![GroundingFeatures.Names.ToList().IndexOf("aspect_unstated")]);
        Assert.False(shipped.Grounded);
        Assert.Empty(shipped.Citations);
    }

    [Fact]
    public void Compose_AsksForAVerdictOnOnesCase_RecordsTheJudgementAndLowersTheProbability()
    {
        const string verdict = "老板拖了我三个月工资，我这个情况去仲裁能赢吗", rule = "老板拖了我三个月工资，我这个情况能去仲裁吗";
        var composer = new ExtractiveAnswerComposer();

        var asked = composer.Compose(fixture.Knowledge, verdict).Decision!;
        var plain = composer.Compose(fixture.Knowledge, rule).Decision!;

        Assert.Equal(1, asked.Features![GroundingFeatures.Names.ToList().IndexOf("asks_judgement")]);
        Assert.Equal(0, plain.Features![GroundingFeatures.Names.ToList().IndexOf("asks_judgement")]);
        Assert.True(asked.Probability < plain.Probability, $"{asked.Probability} is not below {plain.Probability}");
    }

    [Theory]
    [InlineData("驿站晚上几点关门")]
    [InlineData("被拖欠工资去哪里投诉")]
    public void Compose_AspectTheClauseStates_RecordsNoUnstatedAspectAndAnswers(string question)
    {
        var rule = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions()), refusalModel: null).Compose(fixture.Knowledge, question);
        var shipped = new ExtractiveAnswerComposer().Compose(fixture.Knowledge, question);

        Assert.Equal(0, rule.Decision!.Features![GroundingFeatures.Names.ToList().IndexOf("aspect_unstated")]);
        Assert.True(shipped.Grounded);
        Assert.NotEmpty(shipped.Citations);
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
