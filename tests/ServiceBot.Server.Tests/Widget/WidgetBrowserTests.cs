using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>The widget in Debian chromium against the real server on a loopback port, with scripted engine replies.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetBrowserTests(Chromium chromium, WidgetServer server) : IClassFixture<WidgetServer>
{
    /// <summary>Records every distinct text the streaming bubble shows, so the test can see the answer arrive in parts.</summary>
    private const string RecordStreaming = """
        () => {
          window.__streamed = [];
          new MutationObserver(() => {
            const body = document.querySelector('[data-streaming] .sbw-body');
            if (!body || body.querySelector('.sbw-typing')) return;
            const text = body.textContent;
            if (window.__streamed[window.__streamed.length - 1] !== text) window.__streamed.push(text);
          }).observe(document.querySelector('.sbw-log'), { childList: true, subtree: true, characterData: true });
        }
        """;

    [Fact]
    public async Task PolicyQuestion_Streamed_TextArrivesInPartsAndCitationExpands()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        await widget.Page.EvaluateAsync(RecordStreaming);

        var answer = await widget.AskAsync(ScriptedConversationEngine.PolicyQuestion);

        await Expect(answer).ToContainTextAsync("由平台企业协助申报");
        var final = await answer.Locator(".sbw-body").TextContentAsync() ?? "";
        var streamed = await widget.Page.EvaluateAsync<string[]>("() => window.__streamed");
        var partial = streamed.Where(s => s.Length > 0 && s.Length < final.Length).ToList();
        // Two is enough to prove streaming; a busy machine may hand the browser several deltas in one read.
        Assert.True(partial.Count >= 2, $"expected the answer to arrive in parts, saw {partial.Count}: {string.Join(" | ", partial)}");
        Assert.StartsWith("根据", partial[0]);
        await Expect(answer.Locator("strong", new() { HasTextString = "由平台企业协助申报" })).ToBeVisibleAsync();
        await Expect(answer.Locator("li")).ToHaveCountAsync(3);

        var citation = answer.Locator("details.sbw-citation").First;
        await Expect(citation.Locator("summary")).ToContainTextAsync("关于加强新就业群体服务管理的意见");
        await Expect(citation.Locator("summary")).ToContainTextAsync("四、(八)");
        await Expect(citation.Locator(".sbw-citation-text")).ToBeHiddenAsync();
        await citation.Locator("summary").ClickAsync();
        await Expect(citation.Locator(".sbw-citation-text")).ToBeVisibleAsync();
        await Expect(citation.Locator(".sbw-citation-text")).ToContainTextAsync("不得拖延");
        await BrowserSession.ScreenshotAsync(widget.Page, "widget-policy-answer");
    }

    [Fact]
    public async Task FundWithdrawal_QuickRepliesAndTaskCard_EndsWithTicket()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);

        await widget.ClickSuggestionAsync("我要提取公积金");
        await Expect(widget.TaskCard).ToBeVisibleAsync();
        await Expect(widget.TaskCard).ToContainTextAsync("住房公积金提取");
        await Expect(widget.TaskCard).ToContainTextAsync("还需提供：身份证号码、提取原因、金额、银行卡号");

        await widget.AskAsync("130402199003074510");
        await Expect(widget.TaskCard.Locator("dd").First).ToHaveTextAsync("1304**********4510");
        await widget.ClickSuggestionAsync("租房");
        await Expect(widget.TaskCard).ToContainTextAsync("租房");
        await widget.AskAsync("2000");
        await widget.AskAsync("6217001234567890122");

        await Expect(widget.TaskCard.Locator(".sbw-badge")).ToHaveTextAsync("待确认");
        await Expect(widget.TaskCard).ToContainTextAsync("6217 **** **** 0122");
        await Expect(widget.TaskCard).Not.ToContainTextAsync("6217001234567890122");
        var answer = await widget.ClickAsync(widget.TaskCard.GetByRole(AriaRole.Button, new() { Name = "确认提交" }));

        await Expect(widget.TaskCard.Locator(".sbw-badge")).ToHaveTextAsync("已提交");
        await Expect(widget.TaskCard.Locator(".sbw-task-ticket")).ToContainTextAsync(ScriptedConversationEngine.Ticket);
        await Expect(answer.Locator(".sbw-ticket-chip")).ToContainTextAsync(ScriptedConversationEngine.Ticket);
        await Expect(widget.TaskCard.Locator(".sbw-task-actions")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(widget.Page, "widget-task-ticket");
    }

    [Fact]
    public async Task Reload_AfterAnAnswer_ShowsHistoryAndContinuesTheConversation()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        await widget.AskAsync(ScriptedConversationEngine.PolicyQuestion);
        var conversationId = (await widget.StoredStateAsync()).GetProperty("conversationId").GetString();
        Assert.False(string.IsNullOrEmpty(conversationId));

        await widget.Page.ReloadAsync();

        await Expect(widget.Panel).ToBeVisibleAsync();
        await Expect(widget.UserMessages.First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(ScriptedConversationEngine.PolicyQuestion.Replace("？", "\\？")));
        await Expect(widget.Answers).ToHaveCountAsync(1);
        await Expect(widget.Answers.First).ToContainTextAsync("由平台企业协助申报");
        var request = await widget.Page.RunAndWaitForRequestAsync(
            () => widget.AskAsync("谢谢，还想问一下"), r => r.Url.EndsWith("/api/chat/stream", StringComparison.Ordinal));
        var sent = JsonDocument.Parse(request.PostData!).RootElement;
        Assert.Equal(conversationId, sent.GetProperty("conversationId").GetString());
        Assert.Equal(conversationId, server.Script.Received.Last().ConversationId);
        await Expect(widget.Answers).ToHaveCountAsync(2);
        await Expect(widget.Answers.Last).ToContainTextAsync("您说的是：谢谢，还想问一下");
        await BrowserSession.ScreenshotAsync(widget.Page, "widget-after-reload");
    }

    [Fact]
    public async Task AnswerWithMarkup_Rendered_ShowsItAsInertText()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);

        var answer = await widget.AskAsync(ScriptedConversationEngine.MarkupTrigger);
        await widget.AskAsync("<img src=x onerror=\"window.__xss=7\"><b>粗体</b>");
        await widget.Page.WaitForTimeoutAsync(300); // an image error handler would have run by now

        Assert.True(await widget.Page.EvaluateAsync<bool>("() => window.__xss === undefined"), "a payload ran");
        Assert.Equal(0, await widget.Page.Locator(".sbw-root img, .sbw-root script, .sbw-root b").CountAsync());
        await Expect(answer).ToContainTextAsync("<img src=x onerror=\"window.__xss=1\">");
        await Expect(answer).ToContainTextAsync("<script>window.__xss=2</script>");
        await Expect(answer.Locator("a")).ToHaveCountAsync(1);
        await Expect(answer.Locator("a")).ToHaveAttributeAsync("href", "https://www.gov.cn/");
        await Expect(answer.Locator("a")).ToHaveAttributeAsync("rel", "noopener noreferrer nofollow");
        await Expect(answer).ToContainTextAsync("[点击领取](javascript:window.__xss=3)");
        await Expect(answer.Locator("summary")).ToContainTextAsync("<b>测试文件</b>");
        await Expect(widget.UserMessages.Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("<img src=x onerror=\"window.__xss=7\"><b>粗体</b>"));
        await BrowserSession.ScreenshotAsync(widget.Page, "widget-markup-inert");
    }

    [Fact]
    public async Task MarkdownRenderer_Whitelist_BuildsOnlyAllowedElements()
    {
        await using var browser = await chromium.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());

        var html = await page.EvaluateAsync<string>("""
            md => { const div = document.createElement('div'); window.ServiceBotWidget.renderMarkdown(md, div); return div.innerHTML; }
            """, "第一行\n第二行 **粗** `码`\n\n- 甲\n- 乙\n\n3. 丙\n\n> 引用\n\n[好](http://a.example/x?q=1&r=2) [坏](javascript:alert(1)) <i>x</i>");

        Assert.Equal(
            "<p>第一行<br>第二行 <strong>粗</strong> <code>码</code></p><ul><li>甲</li><li>乙</li></ul><ol start=\"3\"><li>丙</li></ol>" +
            "<blockquote><p>引用</p></blockquote><p><a href=\"http://a.example/x?q=1&amp;r=2\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">好</a> " +
            "[坏](javascript:alert(1)) &lt;i&gt;x&lt;/i&gt;</p>",
            html);
    }

    [Fact]
    public async Task Panel_PhoneWidthAndKeyboard_FullScreenAndOperableWithoutMouse()
    {
        await using var browser = await chromium.StartAsync(width: 375, height: 740);
        var page = await browser.NewPageAsync();
        var widget = new WidgetPage(page);
        await page.GotoAsync(server.BaseAddress.ToString());
        await Expect(widget.Launcher).ToBeVisibleAsync();

        await widget.Launcher.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.Panel).ToBeVisibleAsync();
        await Expect(widget.Panel).ToHaveAttributeAsync("role", "dialog");
        await Expect(page.Locator(".sbw-log")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(widget.Input).ToBeFocusedAsync();
        var box = (await widget.Panel.BoundingBoxAsync())!;
        Assert.Equal((0f, 0f, 375f, 740f), ((float)box.X, (float)box.Y, (float)box.Width, (float)box.Height));

        await page.Keyboard.TypeAsync("你好");
        await page.Keyboard.PressAsync("Enter");
        await Expect(widget.Answers).ToHaveCountAsync(1);
        await Expect(widget.Answers.First).ToContainTextAsync("您说的是：你好");
        await BrowserSession.ScreenshotAsync(page, "widget-phone-width");

        await page.Keyboard.PressAsync("Escape");
        await Expect(widget.Panel).ToBeHiddenAsync();
        await Expect(widget.Launcher).ToBeFocusedAsync();
        await Expect(widget.Launcher).ToHaveAttributeAsync("aria-expanded", "false");
    }
}
