using ServiceBot.Answers;

namespace ServiceBot.Core.Tests.Answers;

public class TwoQuestionAnswerTests
{
    private static readonly Citation TransferSteps = new("社会保险关系转移接续办事指南（示例）", "办理流程", "向转入城市的社会保险经办机构提出申请。");
    private static readonly Citation TransferOverview = new("社会保险关系转移接续办事指南（示例）", "概述", "已缴纳的社保不会作废。");
    private static readonly Citation FundRent = new("住房公积金提取办事指南（示例）", "租房可以提取公积金吗？", "租房自住的可以提取。");

    private static Answer Grounded(string lead, params Citation[] citations)
        => new($"{lead}\n\n> {citations[0].Text}\n\n{ExtractiveAnswerComposer.Disclaimer}", Grounded: true, citations, Handoff: false);

    [Fact]
    public void Combine_BothGrounded_EachQuestionHasItsHeadingAndLeadAndTheDisclaimerComesOnce()
    {
        var combined = TwoQuestionAnswer.Combine("社保怎么转", Grounded("向转入城市申请。", TransferSteps), "公积金租房能取吗", Grounded("租房可以提取。", FundRent))!;

        Assert.True(combined.Grounded);
        var transfer = combined.Markdown.IndexOf("**一、社保怎么转**", StringComparison.Ordinal);
        var fund = combined.Markdown.IndexOf("**二、公积金租房能取吗**", StringComparison.Ordinal);
        Assert.InRange(transfer, 0, combined.Markdown.IndexOf("向转入城市申请。", StringComparison.Ordinal));
        Assert.InRange(fund, combined.Markdown.IndexOf("向转入城市申请。", StringComparison.Ordinal), combined.Markdown.IndexOf("租房可以提取。", StringComparison.Ordinal));
        Assert.Single(combined.Markdown.Split(ExtractiveAnswerComposer.Disclaimer)[1..]);
        Assert.EndsWith(ExtractiveAnswerComposer.Disclaimer, combined.Markdown);
    }

    [Fact]
    public void Combine_BothGrounded_BothLeadsComeFirstAndEveryClauseOnce()
    {
        var combined = TwoQuestionAnswer.Combine("社保怎么转", Grounded("向转入城市申请。", TransferSteps, TransferOverview, FundRent),
            "公积金租房能取吗", Grounded("租房可以提取。", FundRent, TransferOverview))!;

        Assert.Equal([TransferSteps, FundRent, TransferOverview], combined.Citations);
    }

    [Fact]
    public void Combine_SameLeadClause_IsTheFirstAnswerAlone()
    {
        var first = Grounded("向转入城市申请。", TransferSteps);

        var combined = TwoQuestionAnswer.Combine("社保怎么转", first, "社保转移去哪办", Grounded("向转入城市申请。", TransferSteps, TransferOverview));

        Assert.Same(first, combined);
    }

    [Fact]
    public void Combine_OneRefused_KeepsTheAnswerAndSaysWhichQuestionFoundNothing()
    {
        var combined = TwoQuestionAnswer.Combine("社保怎么转", ExtractiveAnswerComposer.Refusal(), "公积金租房能取吗", Grounded("租房可以提取。", FundRent))!;

        Assert.True(combined.Grounded);
        Assert.Equal([FundRent], combined.Citations);
        Assert.StartsWith("租房可以提取。", combined.Markdown);
        Assert.Contains("关于“社保怎么转”，知识库中没有找到", combined.Markdown);
    }

    [Fact]
    public void Combine_NeitherGrounded_IsNull()
        => Assert.Null(TwoQuestionAnswer.Combine("驾照怎么换", ExtractiveAnswerComposer.Refusal(), "护照怎么办", ExtractiveAnswerComposer.Refusal()));
}
