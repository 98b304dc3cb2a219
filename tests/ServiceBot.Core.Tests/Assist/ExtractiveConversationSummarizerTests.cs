using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Tasks;
using static ServiceBot.Core.Tests.Assist.AssistTestSupport;

namespace ServiceBot.Core.Tests.Assist;

public class ExtractiveConversationSummarizerTests
{
    private readonly ExtractiveConversationSummarizer _summarizer = new(TaskCatalog.Default);

    [Fact]
    public async Task SummarizeAsync_TaskInProgress_NamesTaskValuesMaskedAndMissing()
    {
        var task = new TaskSnapshot("fund_withdrawal", "collecting",
            new Dictionary<string, string> { ["id_number"] = "130402198806121005", ["reason"] = "rent", ["amount"] = "8600" },
            ["bank_card"], null);

        var summary = await _summarizer.SummarizeAsync(
            [Caller("你好"), Caller("我想用公积金付房租 我电话13800001111"), Caller("卡号我回头再给")], task, CancellationToken.None);

        Assert.Contains("住房公积金提取", summary, StringComparison.Ordinal);
        Assert.Contains("身份证号1304**********1005", summary, StringComparison.Ordinal);
        Assert.Contains("提取原因租房", summary, StringComparison.Ordinal);
        Assert.Contains("尚缺：收款银行卡", summary, StringComparison.Ordinal);
        Assert.Contains("我想用公积金付房租 我电话138****1111", summary, StringComparison.Ordinal);
        Assert.Contains("最近一句：“卡号我回头再给”", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001111", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_NoTask_QuotesWhatTheUserAsked()
    {
        var summary = await _summarizer.SummarizeAsync([Caller("骑手在送餐途中受伤能申报工伤吗")], null, CancellationToken.None);

        Assert.Equal("用户说：“骑手在送餐途中受伤能申报工伤吗”。", summary);
    }
}
