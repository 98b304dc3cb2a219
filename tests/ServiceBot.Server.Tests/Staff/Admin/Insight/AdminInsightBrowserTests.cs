using Microsoft.Playwright;
using ServiceBot.Server.Tests.Chat;
using ServiceBot.Server.Tests.Widget;

namespace ServiceBot.Server.Tests.Staff.Admin.Insight;

/// <summary>The dashboard and audit tabs in Chromium, over figures seeded through real chat turns.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminInsightBrowserTests(Chromium chromium, InsightServer server) : IClassFixture<InsightServer>
{
    private const string Day = "2026-09-15", AuditDay = "2026-09-16", RaceDay = "2026-09-17";

    private async Task<IPage> SignedInAsync(BrowserSession browser)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.Http.BaseAddress!, "admin").ToString());
        await page.FillAsync("#token", InsightServer.AdminToken);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForSelectorAsync("#console:not([hidden])");
        return page;
    }

    /// <summary>Opens a tab (which loads its default period) and queries one day on it.</summary>
    private static async Task QueryDayAsync(IPage page, string tab, string day)
    {
        await page.ClickAsync($"#tab-{tab}");
        await page.FillAsync($"#{tab}-from", day);
        await page.FillAsync($"#{tab}-to", day);
        await page.ClickAsync($"#{tab}-load");
    }

    [Fact]
    public async Task DashboardTab_SeededDay_DrawsChannelBarsRatesFunnelAndUnanswered()
    {
        server.At(Day + " 10:00");
        await new ChatSession(server.Http).SayAsync("骑手每天跑十几个小时，休息权有保障吗？");
        await new ChatSession(server.Http).SayAsync("帮我订一张去上海的机票");
        await new ChatSession(server.Http).SayAsync("我想提取公积金");
        await using var browser = await chromium.StartAsync();
        var page = await SignedInAsync(browser);

        await QueryDayAsync(page, "dashboard", Day);
        await page.WaitForSelectorAsync("#dashboard-status:has-text('共 3 轮对话')");

        Assert.Equal(1, await page.Locator("#dashboard-days svg rect[data-channel='api'][data-day='" + Day + "']").CountAsync());
        Assert.Equal("50.0%", await page.Locator("#card-grounded .card-value").TextContentAsync());
        Assert.Equal(1, await page.Locator("#dashboard-funnels svg[data-task='fund_withdrawal']").CountAsync());
        Assert.Contains("帮我订一张去上海的机票", await page.Locator("#dashboard-unanswered").TextContentAsync());
        await BrowserSession.ScreenshotAsync(page, "admin-dashboard");
    }

    [Fact]
    public async Task AuditTab_HandoffOnDay_ListedReadOnly()
    {
        server.At(AuditDay + " 11:00");
        await new ChatSession(server.Http).SayAsync("转人工客服");
        await using var browser = await chromium.StartAsync();
        var page = await SignedInAsync(browser);

        await QueryDayAsync(page, "audit", AuditDay);
        await page.WaitForSelectorAsync("#audit-status:has-text('条记录')");

        Assert.Contains("转人工", await page.Locator("#audit-rows").TextContentAsync());
        Assert.Equal(0, await page.Locator("#panel-audit button:has-text('删除'), #panel-audit button:has-text('编辑')").CountAsync());
    }

    [Fact]
    public async Task DashboardTab_DefaultPeriodAnsweredAfterTheQueriedOne_QueriedPeriodStaysShown()
    {
        server.At(RaceDay + " 09:00");
        await new ChatSession(server.Http).SayAsync("我想提取公积金");
        await using var browser = await chromium.StartAsync();
        var page = await SignedInAsync(browser);
        // Opening the tab asks for the default period; that answer is held back until the queried period has been drawn.
        var defaultPeriodAnswered = new TaskCompletionSource();
        await page.RouteAsync("**/api/admin/dashboard?**", async route =>
        {
            if (route.Request.Url.Contains("from=" + RaceDay, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await route.ContinueAsync();
            defaultPeriodAnswered.TrySetResult();
        });

        await QueryDayAsync(page, "dashboard", RaceDay);
        await page.WaitForSelectorAsync("#dashboard-status:has-text('共 1 轮对话')");
        await defaultPeriodAnswered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Let the late answer reach the page's script before reading what it shows.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains(RaceDay + " 至 " + RaceDay, await page.Locator("#dashboard-status").TextContentAsync());
        Assert.Contains("共 1 轮对话", await page.Locator("#dashboard-status").TextContentAsync());
    }
}
