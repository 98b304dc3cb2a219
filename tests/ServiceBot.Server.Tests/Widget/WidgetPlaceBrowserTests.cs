using static Microsoft.Playwright.Assertions;

namespace ServiceBot.Server.Tests.Widget;

/// <summary>A door plate's QR code opens the demo page with <c>?place=</c>: in Debian chromium against the real engine and sandbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetPlaceBrowserTests(Chromium chromium, ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Fact]
    public async Task DoorPlatePage_WelcomeNamesThePlaceAndStationsComeWithoutAskingTheCity()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(new Uri(server.BaseAddress, "/?place=KS-KF-0001"));

        var welcome = widget.Page.Locator(".sbw-welcome");
        await Expect(welcome).ToContainTextAsync("您好，您现在位于「开发区前进东路商业广场」");
        await Expect(widget.Page.Locator(".sbw-title")).ToHaveTextAsync("政务小助手");
        await Expect(widget.Page.Locator(".sbw-panel")).Not.ToContainTextAsync("ServiceBot");

        var stations = await widget.ClickSuggestionAsync("附近驿站");

        await Expect(stations).ToContainTextAsync("昆山开发区骑手驿站");
        await Expect(stations).Not.ToContainTextAsync("哪个城市");
        await Expect(stations).Not.ToContainTextAsync("丛台区人民路工会驿站");
        await Expect(widget.TaskCard).ToContainTextAsync("昆山市");
        await BrowserSession.ScreenshotAsync(widget.Page, "widget-door-plate-stations");
    }

    [Fact]
    public async Task DoorPlatePage_AppealConfirmationShowsThePlaceAsLocation()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(new Uri(server.BaseAddress, "/?place=HD-CT-0001"));
        await Expect(widget.Page.Locator(".sbw-welcome")).ToContainTextAsync("丛台区政务服务中心");

        await widget.AskAsync("我要登记12345诉求");
        await widget.AskAsync("路口的红绿灯坏了，过马路很危险");
        var confirmation = await widget.AskAsync("13800001111");

        await Expect(confirmation).ToContainTextAsync("邯郸市丛台区滏东北大街56号（丛台区政务服务中心）");
        await Expect(widget.TaskCard.Locator(".sbw-badge")).ToHaveTextAsync("待确认");
    }

    [Fact]
    public async Task UnknownPlace_PlainWelcomeAndTheCityIsAsked()
    {
        await using var browser = await chromium.StartAsync();
        var widget = new WidgetPage(await browser.NewPageAsync());
        await widget.OpenDemoPageAsync(new Uri(server.BaseAddress, "/?place=ZZ-ZZ-9999"));
        await Expect(widget.Page.Locator(".sbw-welcome")).ToContainTextAsync("我是政务小助手");

        var reply = await widget.AskAsync("附近驿站");

        await Expect(reply).ToContainTextAsync("哪个城市");
    }
}
