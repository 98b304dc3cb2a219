using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary>
/// <c>POST /api/agent/assist</c> on the server as deployed: the real call assistant, suggester and summarizer over
/// the repository's knowledge, no stand-ins. A spoken hotline call becomes a pre-filled, masked 工单.
/// </summary>
public sealed class CallAssistEndToEndTests : IAsyncLifetime
{
    private const string Token = "carol-hotline-5b2e91";
    private readonly ServiceBotServer _server = new(new Dictionary<string, string>
    {
        ["AgentDesk:Agents:0:Name"] = "carol", ["AgentDesk:Agents:0:Token"] = Token, ["AgentDesk:Agents:0:Role"] = "agent",
    });

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Assist_SpokenInjuryCall_PrefillsFromCallerOnlyWithMaskedNumbersAndCitedSuggestions()
    {
        var body = new
        {
            callId = "call-e2e-1",
            at = "2026-11-30T10:12:00+08:00",
            utterances = new object[]
            {
                new { speaker = "agent", text = "您好 一二三四五 请讲" },
                new { speaker = "caller", text = "喂 你好 呃 我是跑美团的 就是昨天下午三点 送单的时候摔了一跤 右手腕骨折了" },
                new { speaker = "agent", text = "联系电话我看来电显示是 幺三九 三八八二 幺幺七六 是这个号码吗" },
                new { speaker = "caller", text = "不是 我自己的是 幺八六 三七二幺 五六零四" },
            },
        };

        using var json = await PostAsync(body);

        var task = json.RootElement.GetProperty("task");
        Assert.Equal("injury_report", task.GetProperty("name").GetString());
        var slots = task.GetProperty("slots");
        Assert.Equal("美团", slots.GetProperty("platform").GetString());
        Assert.Equal("2026-11-29T15:00:00+08:00", slots.GetProperty("accident_time").GetString());
        Assert.Equal("186****5604", slots.GetProperty("phone").GetString());
        Assert.Contains("id_number", task.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        var raw = json.RootElement.GetRawText();
        Assert.DoesNotContain("18637215604", raw);
        Assert.DoesNotContain("5604\",\"13938821176", raw);
        Assert.DoesNotContain("1176", slots.GetRawText()); // the agent's read-back is never taken
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("summary").GetString()));
        var suggestions = json.RootElement.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.InRange(suggestions.Count, 2, 3);
        Assert.Contains(suggestions, s => s.GetProperty("citations").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Assist_CallAboutNothingTheCatalogDoes_ReturnsNullTask()
    {
        var body = new
        {
            callId = "call-e2e-2",
            utterances = new object[] { new { speaker = "caller", text = "喂 你好 我想问一下明天天气怎么样" } },
        };

        using var json = await PostAsync(body);

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("task").ValueKind);
    }

    private async Task<JsonDocument> PostAsync(object body)
    {
        using var client = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await client.PostAsync("api/agent/assist", JsonContent.Create(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
