using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary>The agent desk page (<c>/agent</c>) as an agent uses it: the steps the browser tests share.</summary>
public sealed class AgentDeskPage(IPage page)
{
    public IPage Page => page;

    public ILocator Queue => page.Locator("#queue-list");
    public ILocator Transcript => page.Locator("#transcript");
    public ILocator TaskCard => page.Locator("#task-card");
    public ILocator Status => page.Locator("#action-status");
    public ILocator Reply => page.GetByLabel("回复用户");

    public ILocator QueueItem(string summary) => page.Locator(".queue-item", new PageLocatorOptions { HasTextString = summary });

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task SignInAsync(Uri server, string token)
    {
        await page.GotoAsync(new Uri(server, "agent").ToString());
        await page.GetByLabel("访问令牌").FillAsync(token);
        await page.GetByLabel("访问令牌").PressAsync("Enter");
        await Expect(page.Locator("#who-name")).ToBeVisibleAsync();
    }
}
