using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Storage;
using static Microsoft.Playwright.Assertions;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>The widget in Debian chromium against the server with its real engine in the default configuration.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetRealEngineBrowserTests(Chromium chromium, ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    private const string ZhangWei = "130402199003074510";
    private const string ZhangWeiCard = "6217001234567890122";
    private const string PolicyQuestion = "骑手每天跑十几个小时，休息权有保障吗？";

    private const string RecordStreaming = """
        () => {
          window.__streamed = [];
          new MutationObserver(() => {
            const body = document.querySelector('[data-streaming] .sbw-body');
            if (body && !body.querySelector('.sbw-typing')) window.__streamed.push(body.textContent);
          }).observe(document.querySelector('.sbw-log'), { childList: true, subtree: true, characterData: true });
        }
        """;

    [Fact]
    public async Task PolicyQuestion_RealEngine_StreamsAnswerWithExpandableCitation()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        await widget.Page.EvaluateAsync(RecordStreaming);

        var answer = await widget.AskAsync(PolicyQuestion);

        var final = await answer.Locator(".sbw-body").TextContentAsync() ?? "";
        var streamed = await widget.Page.EvaluateAsync<string[]>("() => window.__streamed");
        Assert.True(streamed.Count(s => s.Length > 0 && s.Length < final.Length) >= 2, "expected the answer to arrive in parts");
        var citation = answer.Locator("details.sbw-citation").First;
        await Expect(citation.Locator(".sbw-citation-text")).ToBeHiddenAsync();
        await citation.Locator("summary").ClickAsync();
        await Expect(citation.Locator(".sbw-citation-text")).ToBeVisibleAsync();
        Assert.True((await citation.Locator(".sbw-citation-text").TextContentAsync())!.Length > 10, "the clause text is shown in full");
        await BrowserSession.ScreenshotAsync(widget.Page, "widget-real-policy-answer");
    }

    [Fact]
    public async Task FundWithdrawal_RealEngine_QuickRepliesAndConfirmButton_TicketFromTheSandbox()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);

        await widget.ClickSuggestionAsync("我要提取公积金");
        await Expect(widget.TaskCard).ToContainTextAsync("住房公积金提取");
        await Expect(widget.TaskCard.Locator(".sbw-badge")).ToHaveTextAsync("填写中");
        await widget.AskAsync(ZhangWei);
        await Expect(widget.TaskCard).ToContainTextAsync("1304**********4510");
        await widget.ClickSuggestionAsync("租房");
        await widget.AskAsync("2000");
        await widget.AskAsync(ZhangWeiCard);
        await Expect(widget.TaskCard.Locator(".sbw-badge")).ToHaveTextAsync("待确认");
        await Expect(widget.TaskCard).Not.ToContainTextAsync(ZhangWeiCard);

        var answer = await widget.ClickAsync(widget.TaskCard.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "确认提交" }));

        await Expect(widget.TaskCard.Locator(".sbw-badge")).ToHaveTextAsync("已提交");
        var ticket = (await answer.Locator(".sbw-ticket-chip strong").TextContentAsync())!;
        Assert.StartsWith("GJJ-", ticket);
        await Expect(widget.TaskCard.Locator(".sbw-task-ticket")).ToContainTextAsync(ticket);
        Assert.Contains(await server.ListTicketsAsync(ZhangWei), t => t.GetProperty("ticket").GetString() == ticket);
        await BrowserSession.ScreenshotAsync(widget.Page, "widget-real-task-ticket");
    }

    [Fact]
    public async Task Confirmation_RealEngine_MaskedNumbersShowTheirStarsNotBold()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);

        var answer = await widget.AskAsync($"我想提取公积金，身份证{ZhangWei}，租房，提取3000元，银行卡{ZhangWeiCard}");

        var body = answer.Locator(".sbw-body");
        await Expect(body).ToContainTextAsync("身份证号：1304**********4510");
        await Expect(body).ToContainTextAsync("收款银行卡：6217 **** **** 0122");
        // Read as Markdown, the stars would have become <strong> runs around the spaces between them.
        await Expect(body.Locator("li strong")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(widget.Page, "widget-real-masked-confirmation");
    }

    [Fact]
    public async Task Confirmation_RealEngine_TypedLinksStayInertText()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);

        await widget.AskAsync("我要向12345反映问题");
        await widget.AskAsync($"小区门口的路灯坏了一个月，照片见{Chat.ReplyMarkdownTests.TypedLink}，还有{Chat.ReplyMarkdownTests.BareLink}");
        await widget.AskAsync("邯郸市丛台区人民路88号");
        var confirmation = await widget.AskAsync("13800001111");

        await Expect(widget.TaskCard.Locator(".sbw-badge")).ToHaveTextAsync("待确认");
        await Expect(confirmation.Locator(".sbw-body")).ToContainTextAsync(Chat.ReplyMarkdownTests.TypedLink);
        await Expect(confirmation.Locator(".sbw-body")).ToContainTextAsync(Chat.ReplyMarkdownTests.BareLink);
        await Expect(widget.Page.Locator("a[href*='evil.example']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Reload_RealEngine_ContinuesTheSameConversationWithTheStoredToken()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        await widget.AskAsync(PolicyQuestion);
        var conversationId = (await widget.StoredStateAsync()).GetProperty("conversationId").GetString();
        var userToken = (await widget.StoredStateAsync()).GetProperty("userToken").GetString();

        await widget.Page.ReloadAsync();
        await Expect(widget.Answers).ToHaveCountAsync(1);
        var request = await widget.Page.RunAndWaitForRequestAsync(
            () => widget.AskAsync("我要提取公积金"), r => r.Url.EndsWith("/api/chat/stream", StringComparison.Ordinal));

        Assert.StartsWith("c-", conversationId);
        Assert.Equal(conversationId, JsonDocument.Parse(request.PostData!).RootElement.GetProperty("conversationId").GetString());
        // The server requires the token on every later turn; the widget keeps it across the reload.
        Assert.False(string.IsNullOrEmpty(userToken));
        Assert.Equal(userToken, JsonDocument.Parse(request.PostData!).RootElement.GetProperty("userToken").GetString());
        Assert.Equal(conversationId, (await widget.StoredStateAsync()).GetProperty("conversationId").GetString());
        await Expect(widget.UserMessages).ToHaveCountAsync(2);
        await Expect(widget.TaskCard).ToContainTextAsync("住房公积金提取");
    }

    [Fact]
    public async Task DeleteMyRecords_RealEngine_ConfirmedThenTheNextMessageStartsANewConversationWithoutAnError()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        await widget.AskAsync("我要提取公积金");
        await widget.AskAsync(ZhangWei);
        var erased = (await widget.StoredStateAsync()).GetProperty("conversationId").GetString()!;

        var asked = await widget.AskAsync("删除我的记录");
        await Expect(asked).ToContainTextAsync("确认删除");
        var done = await widget.ClickSuggestionAsync("确认删除");
        await Expect(done).ToContainTextAsync("已删除");
        Assert.Null(await server.Services.GetRequiredService<IConversationStore>().FindAsync(erased, CancellationToken.None));

        await widget.AskAsync("我要提取公积金");

        await Expect(widget.Page.Locator(".sbw-msg-error")).ToHaveCountAsync(0);
        await Expect(widget.TaskCard).ToContainTextAsync("住房公积金提取");
        await Expect(widget.TaskCard).Not.ToContainTextAsync("1304**********4510");
        var current = (await widget.StoredStateAsync()).GetProperty("conversationId").GetString();
        Assert.StartsWith("c-", current);
        Assert.NotEqual(erased, current);
    }

    [Fact]
    public async Task ThumbsDown_RealEngine_IsStoredForThatMessageWithTheOwnersToken()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        var answer = await widget.AskAsync(PolicyQuestion);

        // The feedback route accepts only the conversation owner's token, which the widget sends.
        await answer.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "没帮助" }).ClickAsync();

        await Expect(answer.Locator(".sbw-rate-status")).ToHaveTextAsync("感谢您的反馈");
        await Expect(answer.Locator(".sbw-rate-down")).ToHaveAttributeAsync("aria-pressed", "true");
        var state = await widget.StoredStateAsync();
        var conversationId = state.GetProperty("conversationId").GetString();
        var messageId = state.GetProperty("history")[0].GetProperty("messageId").GetString();
        var stored = await server.Http.GetFromJsonAsync<JsonElement>($"api/feedback?conversationId={conversationId}");
        var entry = Assert.Single(stored.EnumerateArray());
        Assert.Equal(messageId, entry.GetProperty("messageId").GetString());
        Assert.Equal("down", entry.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task LostToken_RealEngine_RefusedOnceThenContinuesAsANewVisitor()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        await widget.AskAsync(PolicyQuestion);
        var before = await widget.StoredStateAsync();
        await widget.Page.EvaluateAsync("""
            () => {
              const state = JSON.parse(localStorage.getItem('servicebot.widget.v1'));
              delete state.userToken;
              localStorage.setItem('servicebot.widget.v1', JSON.stringify(state));
            }
            """);
        await widget.Page.ReloadAsync();

        await widget.Input.FillAsync("我要提取公积金");
        await widget.Input.PressAsync("Enter");
        await Expect(widget.Page.Locator(".sbw-msg-error")).ToContainTextAsync("会话已失效");
        await Expect(widget.Page.Locator(".sbw-send")).ToBeEnabledAsync();
        await widget.AskAsync("我要提取公积金");

        var after = await widget.StoredStateAsync();
        Assert.NotEqual(before.GetProperty("userId").GetString(), after.GetProperty("userId").GetString());
        Assert.False(string.IsNullOrEmpty(after.GetProperty("userToken").GetString()));
        await Expect(widget.TaskCard).ToContainTextAsync("住房公积金提取");
    }

    [Fact]
    public async Task StreamUnavailable_RealEngine_FallsBackToApiChat()
    {
        await using var browser = await chromium.StartAsync();
        var page = await browser.NewPageAsync();
        var widget = new WidgetPage(page);
        var plainTurns = 0;
        page.Request += (_, r) => { if (r.Url.EndsWith("/api/chat", StringComparison.Ordinal)) plainTurns++; };
        await page.RouteAsync("**/api/chat/stream", route => route.AbortAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);

        var answer = await widget.AskAsync(PolicyQuestion);

        Assert.Equal(1, plainTurns);
        await Expect(answer.Locator("details.sbw-citation").First).ToBeVisibleAsync();
        Assert.StartsWith("c-", (await widget.StoredStateAsync()).GetProperty("conversationId").GetString());
    }
}
