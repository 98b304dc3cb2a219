using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Hosting;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>A small knowledge folder of the tests' own (a policy with 相似问法, a task guide, a dictionary), ingested once.</summary>
public sealed class CompositionKnowledgeFixture : IDisposable
{
    public const string PolicyTitle = "关于保障户外劳动者权益的示例意见";
    public const string GuideTitle = "社会保险关系转移接续办事指南（示例）";

    private readonly TempFolder _knowledge = new();
    private readonly TempFolder _index = new();

    public CompositionKnowledgeFixture()
    {
        _knowledge.Write("dictionary/terms.txt", "骑手 3000 n\n社保 3000 n\n驿站 3000 n\n抽佣 3000 n\n");
        _knowledge.Write("dictionary/synonyms.txt", "社会保险,社保\n抽佣,抽成\n");
        _knowledge.Write("policies/outdoor.md", $"""
            ---
            title: {PolicyTitle}
            date: 2025-06-01
            type: policy
            ---
            # {PolicyTitle}

            ## 一、加强权益保障

            (一)规范收费行为。依法查处平台企业不合理收费抽佣行为。平台企业调整收费规则应当提前公示。

            (二)建设户外驿站。推进驿站建设，为骑手提供休息、饮水、热饭和充电服务。

            <!-- 相似问法
            - 送餐路上口渴了想找个地方坐坐
            -->

            ## 二、加强组织实施

            各地要结合实际抓好落实。
            """);
        _knowledge.Write("guides/insurance-transfer.md", $"""
            ---
            title: {GuideTitle}
            date: 2026-11-01
            type: guide
            task: insurance_transfer
            ---
            # {GuideTitle}

            换城市工作后，可以把社会保险关系转到新的参保城市，缴费年限累计计算。

            ## 所需材料

            申请转移接续需提供以下信息：

            - 身份证号：参保人本人的居民身份证号码；
            - 转出城市：原来缴纳社保的城市；
            - 转入城市：现在工作并参保的城市；
            - 险种：需要转移的险种。

            ## 办理时限

            转移接续一般在45个工作日内办结。

            ## 常见问题

            ### 社保断缴了还能转移吗？

            能。中断缴费期间已缴纳的部分仍然有效，在新城市重新参保后即可申请转移接续。
            """);
        new IngestionPipeline(Options.Create(new KnowledgeOptions()), Options.Create(new IndexOptions()))
            .RunAsync([_knowledge.Path], _index.Path).GetAwaiter().GetResult();
        Knowledge = KnowledgeBase.Load(_index.Path);
    }

    public KnowledgeBase Knowledge { get; }

    public void Dispose()
    {
        _knowledge.Dispose();
        _index.Dispose();
    }
}

public sealed class AnswerCompositionTests(CompositionKnowledgeFixture fixture) : IClassFixture<CompositionKnowledgeFixture>
{
    private const string TaughtQuestion = "送餐路上口渴了 想找个地方坐一坐";

    private readonly ExtractiveAnswerComposer _composer = new();

    [Fact]
    public void Compose_QuestionCloseToSimilarQuestion_IsGroundedOnTheLinkedClause()
    {
        var answer = _composer.Compose(fixture.Knowledge, TaughtQuestion);

        Assert.True(answer.Grounded);
        Assert.Equal((CompositionKnowledgeFixture.PolicyTitle, "一、(二)"), (answer.Citations[0].Source, answer.Citations[0].Section));
        Assert.DoesNotContain("口渴", answer.Citations[0].Text);
    }

    [Fact]
    public void Compose_SameQuestionWhenSimilarQuestionsMustMatchExactly_IsRefused()
    {
        var strict = new ExtractiveAnswerComposer(Options.Create(new AnswerOptions { MinQuestionMatch = 1.0 }));

        Assert.False(strict.Compose(fixture.Knowledge, TaughtQuestion).Grounded);
    }

    [Fact]
    public void Compose_PolicyQuestion_OpensWithTheAnsweringSentenceAndNamesTheDocumentOnce()
    {
        var answer = _composer.Compose(fixture.Knowledge, "平台抽成不合理有人查吗");

        Assert.True(answer.Grounded);
        Assert.StartsWith("依法查处平台企业不合理收费抽佣行为。", answer.Markdown);
        Assert.DoesNotContain("根据", answer.Markdown);
        Assert.Equal(1, Occurrences(answer.Markdown, CompositionKnowledgeFixture.PolicyTitle));
        Assert.Contains($"（《{CompositionKnowledgeFixture.PolicyTitle}》一、(一)，2025-06-01）", answer.Markdown);
        Assert.Contains("> (一)规范收费行为。", answer.Markdown);
    }

    [Fact]
    public void ComposeForTask_MaterialsQuestion_LeadsWithTheGuideMaterialsAsOneSentence()
    {
        var answer = _composer.ComposeForTask(fixture.Knowledge, "社保转移要准备啥材料", "insurance_transfer");

        Assert.True(answer.Grounded);
        Assert.Equal((CompositionKnowledgeFixture.GuideTitle, "所需材料"), (answer.Citations[0].Source, answer.Citations[0].Section));
        Assert.StartsWith("申请转移接续需提供以下信息：身份证号、转出城市、转入城市、险种。\n", answer.Markdown);
        Assert.Contains("> - 转入城市：现在工作并参保的城市；", answer.Markdown);
        Assert.Equal(1, Occurrences(answer.Markdown, CompositionKnowledgeFixture.GuideTitle));
    }

    [Fact]
    public void ComposeForTask_TimeQuestionInOtherWords_AnsweredFromTheTimeLimitSection()
    {
        var answer = _composer.ComposeForTask(fixture.Knowledge, "社保转过去要等几天", "insurance_transfer");

        Assert.Equal("办理时限", answer.Citations[0].Section);
        Assert.StartsWith("转移接续一般在45个工作日内办结。", answer.Markdown);
    }

    [Fact]
    public void Compose_InDomainQuestionWithoutAnswer_RefusalNamesWhatItUnderstoodAndNearbyTopics()
    {
        var answer = _composer.Compose(fixture.Knowledge, "骑手的抽佣比例是多少");

        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Contains("您问的是“", answer.Markdown);
        Assert.Contains("抽佣", answer.Markdown[..answer.Markdown.IndexOf("相关的问题", StringComparison.Ordinal)]);
        Assert.Contains("规范收费行为", answer.Suggestions);
        Assert.Contains("12345", answer.Markdown);
        Assert.Contains("人工客服", answer.Markdown);
    }

    [Fact]
    public void Compose_OffTopicQuestion_GetsTheShortOutOfScopeText()
    {
        var answer = _composer.Compose(fixture.Knowledge, "红烧肉怎么做才好吃");

        Assert.Equal(ExtractiveAnswerComposer.OutOfScopeMarkdown, answer.Markdown);
        Assert.Empty(answer.Suggestions);
        Assert.False(answer.Grounded);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
