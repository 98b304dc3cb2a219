using System.Text;
using ServiceBot.Answers;
using ServiceBot.Server.WeChat;

namespace ServiceBot.Server.Tests.WeChat;

public sealed class WeChatTextTests
{
    [Fact]
    public void PlainText_Markdown_StripsMarkupAndKeepsWords()
    {
        const string markdown = "## 提取条件\n\n**租房**提取需要：\n\n- 身份证\n- 租赁合同，见[办事指南](https://example.gov.cn/guide)\n\n> 注意：`封存`账户不能提取。\n\n---\n\n| 材料 | 份数 |\n|---|---|\n| 合同 | 1 |";

        var text = WeChatText.PlainText(markdown);

        Assert.Equal("提取条件\n\n租房提取需要：\n\n• 身份证\n• 租赁合同，见办事指南（https://example.gov.cn/guide）\n\n注意：封存账户不能提取。\n\n材料  份数\n合同  1", text);
    }

    [Fact]
    public void PlainText_EscapedMasksAndTypedLink_ShowsTheCharactersWithoutBackslashes()
    {
        const string markdown = "请核对：\n\n- 银行卡号：6217 \\*\\*\\*\\* \\*\\*\\*\\* 0122\n- 诉求内容：见\\[x\\](https\\://evil.example)，**请确认**";

        var text = WeChatText.PlainText(markdown);

        Assert.Contains("• 银行卡号：6217 **** **** 0122", text);
        Assert.Contains("• 诉求内容：见[x](https://evil.example)，请确认", text);
    }

    [Fact]
    public void Render_CitationsAndSuggestions_ShortReferencesAndNumberedList()
    {
        var reply = ScriptedEngine.Answer("可以提取。", ["我要提取公积金", "转人工"],
            [new Citation("住房公积金管理条例", "第二十四条", "职工有下列情形之一的……"), new Citation("《住房公积金管理条例》", "第二十四条", "重复")]);

        var parts = WeChatText.Render(reply, canContinue: false);

        Assert.Equal(["可以提取。\n\n依据：《住房公积金管理条例》第二十四条\n\n您可以回复数字：\n1. 我要提取公积金\n2. 转人工"], parts);
    }

    [Fact]
    public void Render_LongAnswerWithoutContinuation_OnePartUnderLimitEndingWithNoteAndFooter()
    {
        var reply = ScriptedEngine.Answer(ScriptedEngine.LongMarkdown(), ["还有其他问题"]);

        var parts = WeChatText.Render(reply, canContinue: false);

        var part = Assert.Single(parts);
        Assert.True(Encoding.UTF8.GetByteCount(part) <= WeChatOptions.MaxTextBytes, $"{Encoding.UTF8.GetByteCount(part)} bytes");
        Assert.Contains(WeChatText.ShortenedNote, part);
        Assert.EndsWith("1. 还有其他问题", part);
        Assert.StartsWith("详细说明\n\n1. 第1段", part);
    }

    [Fact]
    public void Render_LongAnswerWithContinuation_PartsUnderLimitCarryEverything()
    {
        var reply = ScriptedEngine.Answer(ScriptedEngine.LongMarkdown(), ["还有其他问题"]);

        var parts = WeChatText.Render(reply, canContinue: true);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= WeChatOptions.MaxTextBytes));
        var joined = string.Join("\n", parts);
        Assert.Contains("第1段", joined);
        Assert.Contains("第60段", joined);
        Assert.EndsWith("1. 还有其他问题", parts[^1]);
    }

    [Fact]
    public void Prefix_Emoji_NeverSplitsSurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 10));

        var prefix = WeChatText.Prefix(text, 10);

        Assert.Equal("😀😀", prefix);
    }

    [Fact]
    public void Welcome_ListsEveryTaskNumbered()
    {
        var welcome = WeChatText.Welcome("您好！我是政务小助手。");

        foreach (var label in new[] { "住房公积金提取", "职业伤害保障申报", "欠薪投诉", "社保转移", "12345诉求", "附近驿站", "办件进度" })
            Assert.Contains(label, welcome);
        Assert.Contains("7. 办件进度", welcome);
    }
}
