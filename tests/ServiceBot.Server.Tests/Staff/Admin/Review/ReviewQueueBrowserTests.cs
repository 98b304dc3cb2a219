using Microsoft.Playwright;
using ServiceBot.Server.Tests.Widget;
using static Microsoft.Playwright.Assertions;

namespace ServiceBot.Server.Tests.Staff.Admin.Review;

/// <summary>
/// The loop the review queue exists for, in Debian chromium against the real engine: a citizen's 没帮助 on the widget
/// reaches the admin's queue at <c>/admin</c>; the admin attaches the question to the right clause and re-indexes; the
/// same question on the widget is then answered citing that clause.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewQueueBrowserTests(Chromium chromium, AdminServer server) : IClassFixture<AdminServer>
{
    [Fact]
    public async Task ThumbsDown_AttachedAsSimilarQuestionAndReindexed_WidgetAnswersCitingTheClause()
    {
        await using var citizen = await chromium.StartAsync();
        var widget = new WidgetPage(await citizen.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        var refused = await widget.AskAsync(ReviewScenario.RefusedQuestion);
        await Expect(refused.Locator("details.sbw-citation")).ToHaveCountAsync(0);
        await refused.GetByRole(AriaRole.Button, new() { Name = "没帮助" }).ClickAsync();
        await Expect(refused.Locator(".sbw-rate-status")).ToHaveTextAsync("感谢您的反馈");

        await using var editor = await chromium.StartAsync();
        var admin = await editor.NewPageAsync();
        await admin.GotoAsync(new Uri(server.BaseAddress, "admin").ToString());
        await admin.Locator("#token").FillAsync(AdminServer.AdminToken);
        await admin.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await admin.Locator("#tab-review").ClickAsync();
        var group = admin.Locator(".review-group", new() { HasTextString = ReviewScenario.RefusedQuestion });
        await Expect(group).ToBeVisibleAsync();
        await Expect(group.Locator(".review-meta")).ToContainTextAsync("没帮助");

        await group.Locator("button.attach").ClickAsync();
        // The citizen's words do not find the clause; the editor searches in the policy's own terms.
        await group.Locator(".clause-query").FillAsync(ReviewScenario.ClauseSearch);
        await group.Locator(".clause-query").PressAsync("Enter");
        var clause = group.Locator(".clause-hit", new() { HasTextString = $"《{ReviewScenario.Source}》{ReviewScenario.Section}" });
        await clause.Locator("button.clause-choose").ClickAsync();
        await Expect(group.Locator(".review-result")).ToContainTextAsync("重新索引后生效");
        await BrowserSession.ScreenshotAsync(admin, "admin-review-attached");
        await admin.Locator("#review-reindex").ClickAsync();
        await Expect(admin.Locator("#review-status")).ToHaveTextAsync("重新索引完成，修改已生效。", new() { Timeout = 90_000 });
        await Expect(admin.Locator(".review-group", new() { HasTextString = ReviewScenario.RefusedQuestion })).ToHaveCountAsync(0);

        var answered = await widget.AskAsync(ReviewScenario.RefusedQuestion);
        var citation = answered.Locator("details.sbw-citation summary").First;
        await Expect(citation).ToContainTextAsync(ReviewScenario.Source);
        await Expect(citation).ToContainTextAsync(ReviewScenario.Section);
    }
}
