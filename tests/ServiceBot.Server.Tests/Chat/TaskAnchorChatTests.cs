using System.Text.Json;

namespace ServiceBot.Server.Tests.Chat;

/// <summary>
/// A message shaped like a request opens a task's form only when it names what the task is about (its anchors), over
/// real HTTP: the same "where is … in this district" opens the station look-up for a station and not for an arbitration office.
/// </summary>
public sealed class TaskAnchorChatTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Theory]
    [InlineData("深圳龙岗区劳动仲裁委的地址在哪条街")]
    [InlineData("武汉的骑手统一去哪个医院体检")]
    [InlineData("Where can I buy a cheap SIM card in Yiwu?")]
    public async Task Post_WhereIsSomethingThatIsNoStation_OpensNoForm(string question)
    {
        var turn = await new ChatSession(server.Http).SayAsync(question);

        Assert.Null(turn.Task);
        Assert.Equal(0, turn.CitationCount);
        Assert.Contains("12345", turn.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DebtThatIsNoWage_OpensNoComplaint()
    {
        var turn = await new ChatSession(server.Http).SayAsync("老公赌博欠了十几万 我要不要一起还");

        Assert.Null(turn.Task);
        Assert.Equal(0, turn.CitationCount);
    }

    [Fact]
    public async Task Post_WhereIsAStation_StillOpensTheLookUp()
    {
        var turn = await new ChatSession(server.Http).SayAsync("邯郸丛台区的骑手驿站在哪");

        Assert.Equal("station_finder", turn.TaskName);
        Assert.Equal(JsonValueKind.Object, turn.Task!.Value.ValueKind);
    }
}
