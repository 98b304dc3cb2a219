using Microsoft.Playwright;
using ServiceBot.Server.Tests.Chat;
using ServiceBot.Server.Tests.Widget;
using static Microsoft.Playwright.Assertions;
using static ServiceBot.Server.Tests.Staff.Admin.AdminServer;

namespace ServiceBot.Server.Tests.Staff.Admin;

/// <summary>The admin console in Debian chromium against the real server: the steps an administrator takes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminConsoleBrowserTests(Chromium chromium, AdminServer server) : IClassFixture<AdminServer>
{
    private static async Task SignInAsync(IPage page, Uri server, string token)
    {
        await page.GotoAsync(new Uri(server, "admin").ToString());
        await page.GetByLabel("访问令牌").FillAsync(token);
        await page.GetByLabel("访问令牌").PressAsync("Enter");
    }

    [Fact]
    public async Task Console_UploadDocxReindexHitTest_ChatAnswersFromTheNewDocument()
    {
        await using var browser = await chromium.StartAsync(width: 1400, height: 1000);
        var page = await browser.NewPageAsync();
        var title = TestDocuments.StarlightNotice[0];

        await SignInAsync(page, server.BaseAddress, AdminToken);
        await Expect(page.Locator("#who-name")).ToHaveTextAsync("ada（管理员）");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "知识库" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#documents-rows")).ToContainTextAsync("关于加强新就业群体服务管理的意见");
        await Expect(page.Locator("#documents-rows")).Not.ToContainTextAsync(title);

        // Upload the notice as Word.
        await page.GetByLabel("文件").SetInputFilesAsync(new FilePayload
        {
            Name = "星光补贴通知.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = TestDocuments.Docx(TestDocuments.StarlightNotice),
        });
        await page.GetByLabel("类型").SelectOptionAsync("policy");
        await page.GetByLabel("施行日期").FillAsync("2026-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Expect(page.Locator("#upload-status")).ToHaveTextAsync($"已上传《{title}》，共 3 个条款。重新索引后生效。");

        // Re-index: the bar fills and the new document is listed.
        await page.GetByRole(AriaRole.Button, new() { Name = "重新索引" }).ClickAsync();
        await Expect(page.Locator("#reindex-status")).ToContainTextAsync("索引完成", new() { Timeout = 60_000 });
        Assert.Equal(100, await page.Locator("#reindex-progress").EvaluateAsync<double>("bar => bar.value"));
        await Expect(page.Locator("#reindex-status")).ToContainTextAsync("新增 1");
        var row = page.Locator("#documents-rows tr", new() { HasTextString = title });
        await Expect(row).ToContainTextAsync("现行有效");
        await Expect(row).ToContainTextAsync("2026-01-01");
        await BrowserSession.ScreenshotAsync(page, "admin-knowledge");

        // Hit testing finds the clause and would answer from it.
        await page.GetByRole(AriaRole.Tab, new() { Name = "命中测试" }).ClickAsync();
        await page.GetByLabel("测试问题").FillAsync(TestDocuments.StarlightQuestion);
        await page.GetByLabel("测试问题").PressAsync("Enter");
        // The hit test runs the whole engine; a loaded machine takes longer than the default 5 s.
        await Expect(page.Locator("#hittest-hits .hit").First).ToContainTextAsync($"1. 《{title}》一、(二)", new() { Timeout = 20_000 });
        await Expect(page.Locator("#hittest-decision")).ToContainTextAsync($"可以作答，依据：《{title}》一、(二)");
        await Expect(page.Locator("#hittest-query")).ToContainTextAsync("星光");
        await BrowserSession.ScreenshotAsync(page, "admin-hittest");

        // The running service answers from it over /api/chat.
        var turn = await new ChatSession(server.Http).SayAsync(TestDocuments.StarlightQuestion);
        Assert.Equal(title, turn.Json.GetProperty("citations")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Console_AgentToken_RefusedWithAMessage()
    {
        await using var browser = await chromium.StartAsync();
        var page = await browser.NewPageAsync();

        await SignInAsync(page, server.BaseAddress, AgentToken);

        await Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("该账号不是管理员，不能使用管理后台。");
        await Expect(page.Locator("#console")).ToBeHiddenAsync();
    }
}
