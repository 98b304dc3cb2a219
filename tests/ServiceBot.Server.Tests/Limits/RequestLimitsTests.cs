using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Limits;

/// <summary>Body limits are enforced while Kestrel reads, declared length or chunked, and every refusal is problem details.</summary>
public sealed class RequestLimitsTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Fact]
    public async Task Chat_ContentLengthOverLimit_Returns413Problem()
    {
        using var content = new StringContent(ChatJson(70 * 1024), Encoding.UTF8, "application/json");

        using var response = await server.Http.PostAsync("api/chat", content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body_too_large");
    }

    [Fact]
    public async Task Chat_ChunkedBodyOverLimit_Returns413Problem()
    {
        using var response = await server.Http.PostAsync("api/chat", new ChunkedContent(ChatJson(200 * 1024)));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body_too_large");
    }

    [Fact]
    public async Task BotFrameworkMessages_ChunkedBodyOver256KB_Returns413Problem()
    {
        var activity = $$"""{"type":"message","text":"{{new string('x', 400 * 1024)}}"}""";

        using var response = await server.Http.PostAsync("api/messages", new ChunkedContent(activity));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body_too_large");
    }

    [Fact]
    public async Task Chat_ChunkedBodyWithinLimit_Answers()
    {
        using var response = await server.Http.PostAsync("api/chat", new ChunkedContent(JsonSerializer.Serialize(new { userId = "limits-ok", text = "你好" })));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200C\u200D\uFEFF")]
    [InlineData(" \u2060 ")]
    public async Task Chat_ZeroWidthOnlyText_Returns400(string text)
    {
        using var response = await server.PostAsync("api/chat", new { userId = "zero-width", text });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        using var response = await server.Http.GetAsync("no/such/route");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Chat_WrongMethod_Returns405Problem()
    {
        using var response = await server.Http.DeleteAsync("api/chat");

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, null);
    }

    [Fact]
    public async Task Chat_MalformedChunkedBody_Returns400Problem()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = socket.GetStream();
        var request = "POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        var answer = await ReadAnswerAsync(stream);

        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("application/problem+json", answer);
    }

    internal static async Task<string> ReadAnswerAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (text.ToString().Contains("}", StringComparison.Ordinal)) break;
        }
        return text.ToString();
    }

    internal static string ChatJson(int textBytes) => JsonSerializer.Serialize(new { userId = "limits", text = new string('a', textBytes) });

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (code is not null) Assert.Equal(code, problem.GetProperty("code").GetString());
    }
}

/// <summary>A body sent with <c>Transfer-Encoding: chunked</c>: no length is declared, so only reading can find it too large.</summary>
internal sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _body;

    public ChunkedContent(string json)
    {
        _body = Encoding.UTF8.GetBytes(json);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _body.Length; offset += 8192)
            await stream.WriteAsync(_body.AsMemory(offset, Math.Min(8192, _body.Length - offset)));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>The channel's own, smaller limit also holds for a chunked body.</summary>
public sealed class BotFrameworkBodyLimitTests
{
    [Fact]
    public async Task Messages_ChunkedBodyOverChannelLimit_Returns413Problem()
    {
        var server = new ServiceBotServer(new Dictionary<string, string> { ["BotFramework:MaxBodyBytes"] = "2048" });
        await server.InitializeAsync();
        try
        {
            var activity = $$"""{"type":"message","text":"{{new string('x', 10 * 1024)}}"}""";

            using var response = await server.Http.PostAsync("api/messages", new ChunkedContent(activity));

            await RequestLimitsTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body_too_large");
            Assert.Contains("2048", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
