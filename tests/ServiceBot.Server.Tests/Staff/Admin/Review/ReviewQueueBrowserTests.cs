using Microsoft.Playwright;
using ServiceBot.Server.Tests.Widget;
using static Microsoft.Playwright.Assertions;

namespace ServiceBot.Server.Tests.Staff.Admin.Review;

/// <summary>
/// The loops the review queue exists for, in Debian chromium against the real engine: an admin uploads a Word document
/// that the widget then answers from; a citizen's 没帮助 with a comment on the widget reaches the admin's queue at
/// <c>/admin</c>; the admin attaches the question to the right clause, or writes a curated answer, and re-indexes; the same
/// question on the widget is then answered citing that clause.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewQueueBrowserTests(Chromium chromium, AdminServer server) : IClassFixture<AdminServer>
{
    private const string Comment = "没说找哪个部门管，回电13812345678";

    [Fact]
    public async Task AcceptancePath_UploadDocxThenThumbsDownWithCommentAttachedAsSimilarQuestion_WidgetAnswersCitingTheClauses()
    {
        // The admin signs in, uploads a .docx and re-indexes.
        await using var editor = await chromium.StartAsync(width: 1400, height: 1000);
        var admin = await editor.NewPageAsync();
        await SignInAsync(admin);
        var title = TestDocuments.StarlightNotice[0];
        await admin.GetByLabel("文件").SetInputFilesAsync(new FilePayload
        {
            Name = "星光补贴通知.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = TestDocuments.Docx(TestDocuments.StarlightNotice),
        });
        await admin.GetByLabel("类型").SelectOptionAsync("policy");
        await admin.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#upload-status")).ToContainTextAsync($"已上传《{title}》");
        await admin.GetByRole(AriaRole.Button, new() { Name = "重新索引" }).ClickAsync();
        await Expect(admin.Locator("#reindex-status")).ToContainTextAsync("索引完成", new() { Timeout = 90_000 });

        // The citizen's widget answers from it.
        await using var citizen = await chromium.StartAsync();
        var widget = new WidgetPage(await citizen.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        var starlight = await widget.AskAsync(TestDocuments.StarlightQuestion);
        await Expect(starlight.Locator("details.sbw-citation summary").First).ToContainTextAsync($"《{title}》 一、(二)");

        // A question the bot refuses: 没帮助, then a comment.
        var refused = await widget.AskAsync(ReviewScenario.RefusedQuestion);
        await Expect(refused.Locator("details.sbw-citation")).ToHaveCountAsync(0);
        await refused.GetByRole(AriaRole.Button, new() { Name = "没帮助" }).ClickAsync();
        await Expect(refused.Locator(".sbw-rate-status")).ToHaveTextAsync("感谢您的反馈");
        var comment = refused.GetByLabel("哪里没帮到您？");
        await Expect(comment).ToHaveAttributeAsync("maxlength", "200");
        await comment.FillAsync(Comment);
        await refused.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Expect(refused.Locator(".sbw-rate-status")).ToHaveTextAsync("已收到您的补充说明，感谢反馈");
        await Expect(refused.Locator(".sbw-comment")).ToHaveCountAsync(0);

        // The admin sees it, with the comment masked, and attaches it as a 相似问法.
        await admin.Locator("#tab-review").ClickAsync();
        var group = admin.Locator(".review-group", new() { HasTextString = ReviewScenario.RefusedQuestion });
        // The queue reads every store of the period; a busy machine takes its time.
        await Expect(group).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(group.Locator(".review-meta")).ToContainTextAsync("没帮助");
        await Expect(group.Locator(".review-examples")).ToContainTextAsync("评论：没说找哪个部门管，回电138****5678");
        await group.Locator("button.attach").ClickAsync();
        // The citizen's words do not find the clause; the editor searches in the policy's own terms.
        await group.Locator(".clause-picker .clause-query").FillAsync(ReviewScenario.ClauseSearch);
        await group.Locator(".clause-picker .clause-query").PressAsync("Enter");
        var clause = group.Locator(".clause-picker .clause-hit", new() { HasTextString = $"《{ReviewScenario.Source}》{ReviewScenario.Section}" });
        await clause.Locator("button.clause-choose").ClickAsync();
        await Expect(group.Locator(".review-result")).ToContainTextAsync("重新索引后生效");
        await BrowserSession.ScreenshotAsync(admin, "admin-review-attached");
        await admin.Locator("#review-reindex").ClickAsync();
        await Expect(admin.Locator("#review-status")).ToHaveTextAsync("重新索引完成，修改已生效。", new() { Timeout = 90_000 });
        await Expect(admin.Locator(".review-group", new() { HasTextString = ReviewScenario.RefusedQuestion })).ToHaveCountAsync(0);

        // The same question on the widget now cites the clause; the upload still answers.
        var answered = await widget.AskAsync(ReviewScenario.RefusedQuestion);
        var citation = answered.Locator("details.sbw-citation summary").First;
        await Expect(citation).ToContainTextAsync(ReviewScenario.Source);
        await Expect(citation).ToContainTextAsync(ReviewScenario.Section);
        var again = await widget.AskAsync(TestDocuments.StarlightQuestion);
        await Expect(again.Locator("details.sbw-citation summary").First).ToContainTextAsync(title);
    }

    [Fact]
    public async Task CuratedAnswer_WrittenFromTheQueueAndReindexed_WidgetAnswersWithItCitingTheClause()
    {
        await using var citizen = await chromium.StartAsync();
        var widget = new WidgetPage(await citizen.NewPageAsync());
        await widget.OpenDemoPageAsync(server.BaseAddress);
        var refused = await widget.AskAsync(CuratedScenario.Question);
        await Expect(refused.Locator("details.sbw-citation")).ToHaveCountAsync(0);

        await using var editor = await chromium.StartAsync(width: 1400, height: 1000);
        var admin = await editor.NewPageAsync();
        await SignInAsync(admin);
        await admin.Locator("#tab-review").ClickAsync();
        var group = admin.Locator(".review-group", new() { HasTextString = CuratedScenario.Question });
        await Expect(group).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await group.Locator("button.curate").ClickAsync();
        var form = group.Locator(".curated-form");
        await form.GetByLabel("答复内容").FillAsync(CuratedScenario.Answer);
        await form.Locator(".clause-query").FillAsync("劳动报酬 及时足额支付");
        await form.Locator(".clause-query").PressAsync("Enter");
        await form.Locator(".clause-hit", new() { HasTextString = $"《{CuratedScenario.Source}》{CuratedScenario.Section}" })
            .Locator("button.clause-choose").ClickAsync();
        await Expect(form.Locator(".curated-cited")).ToContainTextAsync($"《{CuratedScenario.Source}》{CuratedScenario.Section}");
        await form.GetByRole(AriaRole.Button, new() { Name = "保存精选答复" }).ClickAsync();
        await Expect(group.Locator(".review-result")).ToHaveTextAsync("已保存精选答复，重新索引后生效。");
        await BrowserSession.ScreenshotAsync(admin, "admin-review-curated");
        await admin.Locator("#review-reindex").ClickAsync();
        await Expect(admin.Locator("#review-status")).ToHaveTextAsync("重新索引完成，修改已生效。", new() { Timeout = 90_000 });
        await Expect(admin.Locator(".review-group", new() { HasTextString = CuratedScenario.Question })).ToHaveCountAsync(0);

        var answered = await widget.AskAsync(CuratedScenario.Question);
        await Expect(answered).ToContainTextAsync("国家文件没有统一规定节日福利");
        var citations = answered.Locator("details.sbw-citation summary");
        await Expect(citations).ToHaveCountAsync(1);
        await Expect(citations.First).ToContainTextAsync($"《{CuratedScenario.Source}》 {CuratedScenario.Section}");
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "admin").ToString());
        await page.GetByLabel("访问令牌").FillAsync(AdminServer.AdminToken);
        await page.GetByLabel("访问令牌").PressAsync("Enter");
        await Expect(page.Locator("#who-name")).ToHaveTextAsync("ada（管理员）");
    }
}
