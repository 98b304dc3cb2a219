using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>The widget as a visitor uses it on the demo page: the steps the browser tests share.</summary>
public sealed class WidgetPage(IPage page)
{
    public IPage Page => page;

    public ILocator Launcher => page.Locator(".sbw-launcher");
    public ILocator Panel => page.Locator("#sbw-panel");
    public ILocator Input => page.Locator("#sbw-input");
    public ILocator TaskCard => page.Locator(".sbw-task");
    public ILocator UserMessages => page.Locator(".sbw-msg-user");

    /// <summary>Finished bot answers: not the welcome text, not a bubble still streaming.</summary>
    public ILocator Answers => page.Locator(".sbw-msg-bot:not(.sbw-welcome):not([data-streaming])");

    public ILocator Suggestion(string text) => page.Locator(".sbw-suggestion", new PageLocatorOptions { HasTextString = text });

    public async Task OpenDemoPageAsync(Uri server)
    {
        await page.GotoAsync(server.ToString());
        await Expect(Launcher).ToBeVisibleAsync();
        await Launcher.ClickAsync();
        await Expect(Panel).ToBeVisibleAsync();
    }

    /// <summary>Types the text and presses Enter, then waits until the answer to it is on screen.</summary>
    public async Task<ILocator> AskAsync(string text)
    {
        var before = await Answers.CountAsync();
        await Input.FillAsync(text);
        await Input.PressAsync("Enter");
        return await NextAnswerAsync(before);
    }

    public async Task<ILocator> ClickSuggestionAsync(string text)
    {
        var before = await Answers.CountAsync();
        await Suggestion(text).ClickAsync();
        return await NextAnswerAsync(before);
    }

    public async Task<ILocator> ClickAsync(ILocator button)
    {
        var before = await Answers.CountAsync();
        await button.ClickAsync();
        return await NextAnswerAsync(before);
    }

    public async Task<ILocator> NextAnswerAsync(int before)
    {
        await Expect(Answers).ToHaveCountAsync(before + 1, new() { Timeout = 30_000 });
        await Expect(page.Locator(".sbw-send")).ToBeEnabledAsync();
        return Answers.Nth(before);
    }

    public async Task<JsonElement> StoredStateAsync() =>
        JsonDocument.Parse(await page.EvaluateAsync<string>("() => localStorage.getItem('servicebot.widget.v1')")).RootElement.Clone();
}
