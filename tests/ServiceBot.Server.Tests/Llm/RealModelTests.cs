using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Llm;

/// <summary>A fact that runs only when <c>SERVICEBOT_LLM_ENDPOINT</c> names a real model endpoint, and is skipped, saying so, otherwise.</summary>
public sealed class RealModelFactAttribute : FactAttribute
{
    public RealModelFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SERVICEBOT_LLM_ENDPOINT")))
            Skip = "SERVICEBOT_LLM_ENDPOINT is not set: no real model to test against (also reads SERVICEBOT_LLM_PROVIDER, _MODEL, _API_KEY).";
    }
}

/// <summary>
/// Opt-in: ServiceBot against a real endpoint, e.g. SERVICEBOT_LLM_ENDPOINT=https://dashscope.aliyuncs.com/compatible-mode/v1
/// SERVICEBOT_LLM_MODEL=qwen-plus SERVICEBOT_LLM_API_KEY=sk-…; SERVICEBOT_LLM_PROVIDER defaults to openai.
/// </summary>
public sealed class RealModelTests
{
    [RealModelFact]
    public async Task PolicyQuestion_RealModel_GroundedAnswerWithCitations()
    {
        var settings = new Dictionary<string, string>
        {
            ["Llm:Provider"] = Environment.GetEnvironmentVariable("SERVICEBOT_LLM_PROVIDER") is { Length: > 0 } p ? p : "openai",
            ["Llm:Endpoint"] = Environment.GetEnvironmentVariable("SERVICEBOT_LLM_ENDPOINT")!,
            ["Llm:Model"] = Environment.GetEnvironmentVariable("SERVICEBOT_LLM_MODEL") ?? "",
            ["Llm:ApiKey"] = Environment.GetEnvironmentVariable("SERVICEBOT_LLM_API_KEY") ?? "",
            ["Llm:Timeout"] = "00:00:30",
        };
        var server = new ServiceBotServer(settings);
        await server.InitializeAsync();
        try
        {
            var turn = await new ChatSession(server.Http).SayAsync("外卖骑手在送餐途中受伤，可以申请职业伤害保障吗？");

            Assert.True(turn.CitationCount > 0, turn.Reply);
            Assert.DoesNotContain("[0]", turn.Reply);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
