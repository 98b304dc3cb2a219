using ServiceBot.Conversation;
using ServiceBot.Tasks;

namespace ServiceBot.Cli.Tests.Console;

public sealed class TaskSummaryTests
{
    [Fact]
    public void Describe_CollectingFundWithdrawal_ChineseNamesNotIds()
    {
        var task = new TaskSnapshot("fund_withdrawal", "collecting", new Dictionary<string, string>(), ["id_number", "reason", "bank_card"], null);

        var line = TaskSummary.Describe(task, TaskCatalog.Default);

        Assert.Equal("住房公积金提取 · 填写中 · 待填：身份证号、提取原因、收款银行卡", line);
    }

    [Fact]
    public void Describe_Submitted_ShowsTicket()
    {
        var task = new TaskSnapshot("hotline_appeal", "submitted", new Dictionary<string, string>(), [], "RX-20261130-00000001");

        Assert.Equal("12345诉求登记 · 已提交 · 办件编号：RX-20261130-00000001", TaskSummary.Describe(task, TaskCatalog.Default));
    }

    [Fact]
    public void Describe_TaskNotInCatalog_FallsBackToItsId()
    {
        var task = new TaskSnapshot("unknown_task", "collecting", new Dictionary<string, string>(), ["x"], null);

        Assert.Equal("unknown_task · 填写中 · 待填：x", TaskSummary.Describe(task, TaskCatalog.Default));
    }
}
