using ServiceBot.Answers;
using ServiceBot.Conversation;
using ServiceBot.Localization;
using ServiceBot.Server.BotFramework;
using ServiceBot.Server.WeChat;

namespace ServiceBot.Server.Tests.Channels;

/// <summary>The words a channel adds around a reply (the sources line, the numbered choices) follow the reply's language.</summary>
public sealed class ChannelLanguageTests
{
    private static Reply Answer(string language) =>
        new("c-1", "Rent is a valid reason to withdraw.", [new Citation("住房公积金提取办事指南（示例）", "办理条件", "租房可以提取。")],
            ["Ask another question"], Task: null, Handoff: false) { Language = language };

    [Fact]
    public void BotFrameworkMarkdown_EnglishReply_NamesItsSourcesInEnglish()
    {
        var text = BotActivities.Markdown(Answer(BotLanguages.English));

        Assert.Contains("**Sources**", text);
        Assert.DoesNotContain("依据", text);
    }

    [Fact]
    public void BotFrameworkMarkdown_ChineseReply_KeepsTheChineseHeading()
        => Assert.Contains("**依据**", BotActivities.Markdown(Answer(BotLanguages.Chinese)));

    [Fact]
    public void WeChatRender_EnglishReply_FooterIsEnglish()
    {
        var text = string.Join("\n", WeChatText.Render(Answer(BotLanguages.English), canContinue: true));

        Assert.Contains("Sources: 《住房公积金提取办事指南（示例）》办理条件", text);
        Assert.Contains("Reply with a number:", text);
        Assert.DoesNotContain("依据", text);
        Assert.DoesNotContain("您可以回复数字", text);
    }

    [Fact]
    public void WeChatRender_ChineseReply_FooterIsChinese()
    {
        var text = string.Join("\n", WeChatText.Render(Answer(BotLanguages.Chinese), canContinue: true));

        Assert.Contains("依据：", text);
        Assert.Contains("您可以回复数字：", text);
    }
}
