using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>Door plates (数字政务门牌) over real HTTP against the real engine, the built-in gazetteer and the sandbox's stations.</summary>
public sealed class PlaceChatTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Fact]
    public async Task Post_StationsAtDoorPlate_ListsThatCitysStationsWithoutAskingTheCity()
    {
        var turn = await new ChatSession(server.Http).SayAsync("附近驿站", place: "KS-KF-0001");

        Assert.Equal(("station_finder", "submitted"), (turn.TaskName, turn.State));
        Assert.Equal("昆山市", turn.Slot("city"));
        Assert.Contains("昆山开发区骑手驿站", turn.Reply);
        Assert.DoesNotContain("丛台区人民路工会驿站", turn.Reply);
    }

    [Fact]
    public async Task Post_PlaceOnFirstTurnOnly_ConversationKeepsItForLaterTurns()
    {
        var session = new ChatSession(server.Http);

        await session.SayAsync("你好", place: "HD-CT-0001");
        var appeal = await session.SayAsync("我要登记12345诉求");

        Assert.Equal("hotline_appeal", appeal.TaskName);
        Assert.Equal("邯郸市丛台区滏东北大街56号（丛台区政务服务中心）", appeal.Slot("location"));
        Assert.Equal(["description", "phone"], appeal.Missing);
    }

    [Theory]
    [InlineData("ZZ-ZZ-9999")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    public async Task Post_UnknownPlace_IgnoredWithoutError(string place)
    {
        var turn = await new ChatSession(server.Http).SayAsync("附近驿站", place: place);

        Assert.Equal(("station_finder", "collecting"), (turn.TaskName, turn.State));
        Assert.Equal(["city"], turn.Missing);
    }

    [Fact]
    public async Task Post_OversizedPlace_IgnoredWithoutError()
    {
        using var response = await server.Http.PostAsJsonAsync("api/chat", new { userId = "u-long-place", text = "你好", place = new string('A', 1000) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetWelcome_KnownPlace_NamesThePlaceAndTheAssistant()
    {
        var welcome = await server.Http.GetFromJsonAsync<JsonElement>("api/chat/welcome?place=yw-cc-0002");

        Assert.Equal("政务小助手", welcome.GetProperty("assistant").GetString());
        Assert.StartsWith("您好，您现在位于「国际商贸城一区东门广场」", welcome.GetProperty("welcome").GetString());
        Assert.Equal(("YW-CC-0002", "义乌市"), (welcome.GetProperty("place").GetProperty("code").GetString(), welcome.GetProperty("place").GetProperty("city").GetString()));
        Assert.Contains("附近驿站", welcome.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task GetWelcome_UnknownOrNoPlace_PlainWelcome()
    {
        foreach (var path in new[] { "api/chat/welcome?place=nowhere", "api/chat/welcome" })
        {
            using var response = await server.Http.GetAsync(path);
            var welcome = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(JsonValueKind.Null, welcome.GetProperty("place").ValueKind);
            Assert.StartsWith("您好！我是政务小助手", welcome.GetProperty("welcome").GetString());
        }
    }
}
