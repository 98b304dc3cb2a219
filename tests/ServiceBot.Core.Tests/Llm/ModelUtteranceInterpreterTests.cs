using System.Text.Json;
using Microsoft.Extensions.AI;
using ServiceBot.Llm;
using ServiceBot.Tasks;
using static ServiceBot.Core.Tests.Llm.LlmTestSupport;

namespace ServiceBot.Core.Tests.Llm;

public sealed class ModelUtteranceInterpreterTests
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task InterpretAsync_JsonReply_TaskAndKnownSlots()
    {
        var chat = TestChatClient.Replying("""{"task":"wage_complaint","slots":{"employer":"快跑科技","amount":6000,"favourite_colour":"蓝"}}""");

        var result = await new ModelUtteranceInterpreter(chat, Prompts, Clock).InterpretAsync("快跑科技欠我六千块工资", TaskCatalog.Default.All, null, default);

        Assert.Equal("wage_complaint", result!.Task);
        Assert.Equal("快跑科技", result.Slots["employer"]);
        Assert.Equal("6000", result.Slots["amount"]);
        Assert.False(result.Slots.ContainsKey("favourite_colour"));
        Assert.Equal(ChatResponseFormat.Json, chat.Requests.Single().Options!.ResponseFormat);
        Assert.Contains("wage_complaint（", LastPrompt(chat));
    }

    [Fact]
    public void Parse_FencedJsonAndUnknownTask_TaskNull()
    {
        var result = ModelUtteranceInterpreter.Parse("```json\n{\"task\":\"book_flight\",\"slots\":{}}\n```", TaskCatalog.Default.All);

        Assert.Null(result.Task);
        Assert.Empty(result.Slots);
    }

    [Theory]
    [InlineData("好的，我来帮您办理")]
    [InlineData("[1,2]")]
    [InlineData("{\"task\":null,\"slots\":[\"amount\"]}")]
    public void Parse_Junk_Throws(string reply)
        => Assert.ThrowsAny<JsonException>(() => ModelUtteranceInterpreter.Parse(reply, TaskCatalog.Default.All));

    [Fact]
    public async Task FallbackInterpreter_JunkReply_NoProposal()
    {
        var interpreter = new FallbackUtteranceInterpreter(new ModelUtteranceInterpreter(TestChatClient.Replying("not json"), Prompts, Clock));

        Assert.Null(await interpreter.InterpretAsync("提取公积金", TaskCatalog.Default.All, null, default));
    }
}
