using Microsoft.Playwright;
using ServiceBot.Server.Tests.Widget;
using static Microsoft.Playwright.Assertions;
using static ServiceBot.Server.Tests.Staff.AgentDesk.DeskServer;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary>Two Debian chromium contexts against the real server: a citizen on the widget and an agent on <c>/agent</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentDeskBrowserTests(Chromium chromium, DeskServer server) : IClassFixture<DeskServer>
{
    private const string PolicyQuestion = "骑手每天跑十几个小时，休息权有保障吗？";

    [Fact]
    public async Task Handoff_CitizenAndAgent_TakeOverReplyReleaseAndTheBotAnswersAgain()
    {
        await using var citizenBrowser = await chromium.StartAsync(width: 1000, height: 800);
        await using var agentBrowser = await chromium.StartAsync(width: 1400, height: 900);
        var citizen = new WidgetPage(await citizenBrowser.NewPageAsync());
        var agent = new AgentDeskPage(await agentBrowser.NewPageAsync());

        // The citizen asks for a person; the bot says they are waiting, and stops answering.
        await citizen.OpenDemoPageAsync(server.BaseAddress);
        var waiting = await citizen.AskAsync("转人工");
        await Expect(waiting).ToContainTextAsync("等待人工客服");
        await citizen.AskAsync("喂 有人吗");

        // The agent signs in and sees it in the queue with its channel, reason and summary.
        await agent.SignInAsync(server.BaseAddress, Alice);
        var item = agent.QueueItem("摘要：喂 有人吗");
        await Expect(item).ToBeVisibleAsync();
        await Expect(item).ToContainTextAsync("网页");
        await Expect(item).ToContainTextAsync("用户要求转人工");
        await Expect(item).ToContainTextAsync("已等待");
        await item.ClickAsync();
        await Expect(agent.Transcript).ToContainTextAsync("喂 有人吗");
        await Expect(agent.Button("发送")).ToBeDisabledAsync();

        // Take-over: the citizen is told at once, without typing.
        await agent.Button("接管会话").ClickAsync();
        await Expect(agent.Status).ToHaveTextAsync("已接管，可以回复用户了。");
        var notices = citizen.Page.Locator(".sbw-msg-notice");
        await Expect(notices.Last).ToContainTextAsync("人工客服alice已接入", new() { Timeout = 15_000 });

        // A suggested reply, edited, reaches the widget live.
        var suggestion = agent.Page.Locator(".suggestion").First;
        await Expect(suggestion).ToContainTextAsync("依据：《住房公积金提取管理办法》一、(一)");
        await suggestion.ClickAsync();
        await Expect(agent.Reply).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^关于“喂 有人吗”"));
        await agent.Reply.FillAsync("您好，我是人工客服alice，请问您遇到了什么问题？");
        await agent.Reply.PressAsync("Control+Enter");
        await Expect(agent.Status).ToHaveTextAsync("已发送");
        var agentMessage = citizen.Page.Locator(".sbw-msg-agent");
        await Expect(agentMessage).ToContainTextAsync("您好，我是人工客服alice，请问您遇到了什么问题？", new() { Timeout = 15_000 });
        await Expect(agentMessage).ToContainTextAsync("人工客服 alice");
        await Expect(agent.Transcript.Locator(".line.agent")).ToContainTextAsync("请问您遇到了什么问题");
        await BrowserSession.ScreenshotAsync(agent.Page, "agent-desk-active");
        await BrowserSession.ScreenshotAsync(citizen.Page, "widget-agent-reply");

        // The citizen's words reach the agent while the bot stays silent.
        var silent = await citizen.AskAsync("我想问问公积金提取");
        await Expect(silent).ToContainTextAsync("已转给人工客服");
        await Expect(agent.Transcript).ToContainTextAsync("我想问问公积金提取");

        // Release: the citizen is told, and the bot answers a policy question again with its citation.
        await agent.Button("交还机器人").ClickAsync();
        await Expect(agent.Status).ToHaveTextAsync("已交还智能助手。");
        await Expect(notices.Last).ToContainTextAsync("人工客服已结束服务", new() { Timeout = 15_000 });
        var answer = await citizen.AskAsync(PolicyQuestion);
        await Expect(answer.Locator("details.sbw-citation").First).ToBeVisibleAsync();
        await Expect(item).ToBeHiddenAsync();
    }

    [Fact]
    public async Task TakeOver_AnotherAgentWon_PageShowsTheRefusal()
    {
        var user = new Chat.ChatSession(server.Http);
        await user.SayAsync("人工客服");
        using var bob = server.As(Bob);
        (await PostAsync(bob, $"api/agent/conversations/{user.ConversationId}/takeover")).EnsureSuccessStatusCode();
        await using var browser = await chromium.StartAsync();
        var agent = new AgentDeskPage(await browser.NewPageAsync());

        await agent.SignInAsync(server.BaseAddress, Alice);
        await agent.Page.Locator($".queue-item[data-id='{user.ConversationId}']").ClickAsync();
        await Expect(agent.Page.Locator("#conversation-meta")).ToContainTextAsync("坐席 bob");
        await agent.Button("接管会话").ClickAsync();

        await Expect(agent.Status).ToHaveTextAsync("该会话已由bob接管，您无法操作。");
        await Expect(agent.Status).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("refused"));
    }

    [Fact]
    public async Task SignIn_WrongToken_SaysSoAndKeepsNothing()
    {
        await using var browser = await chromium.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "agent").ToString());

        await page.GetByLabel("访问令牌").FillAsync("not-a-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        await Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("令牌无效，请检查后重试。");
        await Expect(page.Locator("#desk")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('servicebot.agent.token')"));
    }

    [Fact]
    public async Task Reply_FlaggedDraft_FlagsShownThenSentAnyway()
    {
        var user = new Chat.ChatSession(server.Http);
        await user.SayAsync("找真人");
        await using var browser = await chromium.StartAsync(width: 1400, height: 900);
        var agent = new AgentDeskPage(await browser.NewPageAsync());
        await agent.SignInAsync(server.BaseAddress, Alice);
        await agent.Page.Locator($".queue-item[data-id='{user.ConversationId}']").ClickAsync();
        await agent.Button("接管会话").ClickAsync();
        await Expect(agent.Button("发送")).ToBeEnabledAsync();

        await agent.Reply.FillAsync("您的身份证号是130402199003074510");
        await agent.Button("发送").ClickAsync();

        await Expect(agent.Page.Locator("#flags")).ToContainTextAsync("包含完整的身份证号");
        await agent.Button("仍然发送").ClickAsync();
        await Expect(agent.Status).ToHaveTextAsync("已发送");
        await Expect(agent.Transcript.Locator(".line.agent")).ToContainTextAsync("您的身份证号是");
        using var sue = server.As(Sue);
        var audit = await JsonOf(await sue.GetAsync($"api/agent/conversations/{user.ConversationId}/audit"));
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "override" && e.GetProperty("actor").GetString() == "alice");
    }

    [Fact]
    public async Task Prefill_AgentFillsAmount_TaskCardShowsItAndUserIsPrompted()
    {
        var user = new Chat.ChatSession(server.Http);
        await user.SayAsync("转人工");
        await using var browser = await chromium.StartAsync(width: 1400, height: 900);
        var agent = new AgentDeskPage(await browser.NewPageAsync());
        await agent.SignInAsync(server.BaseAddress, Alice);
        await agent.Page.Locator($".queue-item[data-id='{user.ConversationId}']").ClickAsync();
        await agent.Button("接管会话").ClickAsync();
        await Expect(agent.Button("发送")).ToBeEnabledAsync();

        await agent.Page.Locator("#prefill summary").ClickAsync();
        await agent.Page.GetByLabel("事项", new() { Exact = true }).SelectOptionAsync("fund_withdrawal");
        await agent.Page.GetByLabel("金额", new() { Exact = true }).FillAsync("3000");
        await agent.Button("填入并提示用户").ClickAsync();

        await Expect(agent.Status).ToContainTextAsync("已填入并提示用户");
        await Expect(agent.TaskCard).ToContainTextAsync("住房公积金提取");
        await Expect(agent.TaskCard).ToContainTextAsync("3000");
        await Expect(agent.Transcript.Locator(".line.system").Last).ToContainTextAsync("身份证号码");
    }
}
