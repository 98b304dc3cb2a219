using ServiceBot.Conversation;

namespace ServiceBot.Core.Tests.Conversation;

/// <summary>Door plates (数字政务门牌): the welcome names the place, look-ups and appeals use it.</summary>
public sealed class PlaceEntryTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task HandleAsync_ArrivalAtKnownPlace_WelcomesThereAndKeepsThePlace()
    {
        var bot = new EngineHarness(fixture);

        var welcome = await bot.Arrive("ks-kf-0009", messageId: "scan-1");

        Assert.StartsWith("您好，您现在位于「测试广场」（昆山市开发区测试路1号）", welcome.Markdown);
        Assert.Contains("测试驿站", welcome.Markdown);
        Assert.Contains("查找附近的驿站", welcome.Suggestions);
        Assert.Equal("KS-KF-0009", (await bot.Store.FindAsync(welcome.ConversationId, CancellationToken.None))!.Place);
        Assert.Same(welcome, await bot.Arrive("ks-kf-0009", messageId: "scan-1"));
    }

    [Fact]
    public async Task HandleAsync_UnknownPlace_IgnoredAndAnsweredAsUsual()
    {
        var bot = new EngineHarness(fixture);

        var welcome = await bot.Arrive("XX-XX-0000");
        var reply = await bot.Say("查找附近的驿站", place: "nowhere");

        Assert.DoesNotContain("位于", welcome.Markdown);
        Assert.Null((await bot.Store.FindAsync(welcome.ConversationId, CancellationToken.None))!.Place);
        Assert.Equal(["city"], reply.Task!.Missing);
    }

    [Fact]
    public async Task HandleAsync_StationFinderAtPlace_UsesThePlacesCityWithoutAsking()
    {
        var bot = new EngineHarness(fixture);

        await bot.Arrive("HD-CT-0009");
        var reply = await bot.Say("附近有没有驿站");

        Assert.Equal("submitted", reply.Task!.State);
        Assert.Equal("邯郸市", Assert.Single(bot.Backend.Calls).Arguments["city"]);
        Assert.Contains("丛台路88号", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_StationFinderNamingAnotherCity_TheNamedCityWins()
    {
        var bot = new EngineHarness(fixture);

        var reply = await bot.Say("义乌有哪些驿站", place: "HD-CT-0009");

        Assert.Equal("submitted", reply.Task!.State);
        Assert.Equal("义乌市", Assert.Single(bot.Backend.Calls).Arguments["city"]);
    }

    [Fact]
    public async Task HandleAsync_HotlineAppealAtPlace_PrefillsLocationWhichTheUserCanCorrect()
    {
        var bot = new EngineHarness(fixture);

        var start = await bot.Say("我要登记12345诉求", place: "KS-KF-0009");
        var confirming = await bot.SayAll("路灯坏了好几天了，晚上很不安全", "13800001111");
        var corrected = await bot.Say("不对，地点改成测试路3号门口");
        await bot.Say("确认");

        Assert.Equal(["description", "phone"], start.Task!.Missing);
        Assert.Equal("昆山市开发区测试路1号（测试广场）", start.Task.Slots["location"]);
        Assert.Contains("诉求地点已按您所在的「测试广场」填写", start.Markdown);
        Assert.Equal("confirming", confirming.Task!.State);
        Assert.Contains("昆山市开发区测试路1号（测试广场）", confirming.Markdown);
        Assert.Equal("测试路3号门口", corrected.Task!.Slots["location"]);
        Assert.Equal("测试路3号门口", Assert.Single(bot.Backend.Calls).Arguments["location"]);
    }

    [Fact]
    public async Task HandleAsync_GreetingAtPlace_NamesTheAssistantAndThePlace()
    {
        var bot = new EngineHarness(fixture, assistant: new AssistantOptions { Name = "小邯" });

        var reply = await bot.Say("你好", place: "HD-CT-0009");

        Assert.Contains("您现在位于「测试大厅」", reply.Markdown);
        Assert.Contains("我是小邯", reply.Markdown);
        Assert.DoesNotContain("ServiceBot", reply.Markdown);
    }

    [Fact]
    public async Task HandleAsync_GreetingConfigured_IsUsedAsWritten()
    {
        var bot = new EngineHarness(fixture, assistant: new AssistantOptions { Greeting = "欢迎来到政务服务，有事您说话。" });

        var reply = await bot.Say("你好");

        Assert.Equal("欢迎来到政务服务，有事您说话。", reply.Markdown);
    }
}
