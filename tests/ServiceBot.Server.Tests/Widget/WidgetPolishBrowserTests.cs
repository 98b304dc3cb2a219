using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>Focus, scrolling and rating in Debian chromium, against the real server with scripted engine replies.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetPolishBrowserTests(Chromium chromium, WidgetServer server) : IClassFixture<WidgetServer>
{
    [Fact]
    public async Task QuickReply_Pressed_FocusStaysInTheInput()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);

        await widget.ClickSuggestionAsync("我要提取公积金");
        await widget.AskAsync("130402199003074510");
        await widget.ClickSuggestionAsync("租房");

        await Expect(widget.Input).ToBeFocusedAsync();
        Assert.Equal("sbw-input", await widget.Page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task TaskCardCancel_Pressed_FocusStaysInTheInput()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        await widget.ClickSuggestionAsync("我要提取公积金");

        await widget.ClickAsync(widget.TaskCard.GetByRole(AriaRole.Button, new() { Name = "取消办理" }));

        await Expect(widget.Input).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Reload_LongConversation_OpensScrolledToTheNewestMessage()
    {
        await using var browser = await chromium.StartAsync(width: 400, height: 600);
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        for (var i = 1; i <= 8; i++) await widget.AskAsync($"第{i}个问题，内容稍微长一些，好让对话记录超过一屏的高度");

        await widget.Page.ReloadAsync();

        await Expect(widget.Answers).ToHaveCountAsync(8);
        var (top, height, visible) = await LogScrollAsync(widget.Page);
        Assert.True(height > visible, $"the log should overflow: {height} <= {visible}");
        Assert.True(top + visible >= height - 2, $"expected the log scrolled to the end, at {top} + {visible} of {height}");
        await Expect(widget.Answers.Last).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Rating_OnlyUnderAnswersWithCitations_NeverUnderFormPrompts()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);

        var answer = await widget.AskAsync(ScriptedConversationEngine.PolicyQuestion);
        var echo = await widget.AskAsync("谢谢");
        var prompt = await widget.AskAsync("我要提取公积金");
        var nextPrompt = await widget.AskAsync("130402199003074510");

        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "有帮助" })).ToBeVisibleAsync();
        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "没帮助" })).ToBeVisibleAsync();
        foreach (var reply in new[] { echo, prompt, nextPrompt })
            await Expect(reply.Locator(".sbw-rate")).ToHaveCountAsync(0);
    }

    private static async Task<(double Top, double Height, double Visible)> LogScrollAsync(IPage page)
    {
        var values = await page.EvaluateAsync<double[]>("() => { const l = document.querySelector('.sbw-log'); return [l.scrollTop, l.scrollHeight, l.clientHeight]; }");
        return (values[0], values[1], values[2]);
    }
}
