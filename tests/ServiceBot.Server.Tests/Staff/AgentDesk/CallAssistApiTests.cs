using System.Net;
using ServiceBot.Assist;
using static ServiceBot.Server.Tests.Staff.AgentDesk.DeskServer;

namespace ServiceBot.Server.Tests.Staff.AgentDesk;

/// <summary><c>POST /api/agent/assist</c>: request validation, speaker mapping and masking (CONTRACT §6).</summary>
public sealed class CallAssistApiTests(DeskServer server) : IClassFixture<DeskServer>
{
    [Fact]
    public async Task Assist_CallerLines_ContractShapeWithMaskedSlots()
    {
        using var alice = server.As(Alice);
        var body = new
        {
            callId = "call-001",
            at = "2026-11-28T10:00:00+08:00",
            utterances = new object[]
            {
                new { speaker = "agent", text = "您好12345请讲" },
                new { speaker = "caller", text = "我身份证号130402199003074510 电话13800001111 老板欠我工资" },
            },
        };

        using var response = await PostAsync(alice, "api/agent/assist", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        var task = json.GetProperty("task");
        Assert.Equal("wage_complaint", task.GetProperty("name").GetString());
        Assert.Equal("1304**********4510", task.GetProperty("slots").GetProperty("id_number").GetString());
        Assert.Equal("138****1111", task.GetProperty("slots").GetProperty("phone").GetString());
        Assert.Equal(["employer", "amount", "period"], task.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("来电人反映欠薪", json.GetProperty("summary").GetString());
        Assert.Equal("您好，欠薪可以向劳动保障监察机构投诉。", json.GetProperty("suggestions")[0].GetProperty("text").GetString());
        Assert.Equal("一、(一)", json.GetProperty("suggestions")[0].GetProperty("citations")[0].GetProperty("section").GetString());
        Assert.DoesNotContain("130402199003074510", json.GetRawText());

        var request = server.CallAssistant.Requests.Single(r => r.CallId == "call-001");
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture), request.At);
        Assert.Equal([Speakers.Agent, Speakers.User], request.Utterances.Select(u => u.Speaker));
    }

    [Fact]
    public async Task Assist_NoAt_CallTimeLeftToTheAssistant()
    {
        using var alice = server.As(Alice);

        using var response = await PostAsync(alice, "api/agent/assist", new { callId = "call-002", utterances = new[] { new { speaker = "caller", text = "喂" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(server.CallAssistant.Requests.Single(r => r.CallId == "call-002").At);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"utterances":[{"speaker":"caller","text":"喂"}]}""", "callId" },
        { """{"callId":"c","utterances":[]}""", "utterances" },
        { """{"callId":"c"}""", "utterances" },
        { """{"callId":"c","utterances":[{"speaker":"citizen","text":"喂"}]}""", "utterances[0].speaker" },
        { """{"callId":"c","utterances":[{"speaker":"caller","text":""}]}""", "utterances[0].text" },
        { """{"callId":"c","utterances":[null]}""", "utterances[0].speaker" },
        { """{"callId":"c","at":"昨天","utterances":[{"speaker":"caller","text":"喂"}]}""", "at" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Assist_BadBody_400NamingTheField(string body, string field)
    {
        using var alice = server.As(Alice);

        using var response = await alice.PostAsync("api/agent/assist", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonOf(response)).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }
}
