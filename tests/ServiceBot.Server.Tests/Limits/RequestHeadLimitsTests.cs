using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ServiceBot.Server.Tests.Limits;

/// <summary>
/// Oversized request lines and header blocks, sent byte for byte over TCP to the real Kestrel server, are answered
/// with problem details (414, 431) rather than Kestrel's empty refusals.
/// </summary>
public sealed class RequestHeadLimitsTests(ServiceBotServer server) : IClassFixture<ServiceBotServer>
{
    [Fact]
    public async Task LongRequestTarget_Returns414Problem()
    {
        var answer = await SendAsync($"GET /healthz?q={new string('a', 9 * 1024)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        AssertProblem(answer, 414, "uri_too_long");
    }

    [Fact]
    public async Task LargeHeader_Returns431Problem()
    {
        var answer = await SendAsync($"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Large: {new string('a', 33 * 1024)}\r\nConnection: close\r\n\r\n");

        AssertProblem(answer, 431, "headers_too_large");
    }

    [Fact]
    public async Task TooManyHeaders_Returns431Problem()
    {
        var headers = string.Concat(Enumerable.Range(0, 120).Select(i => $"X-Field-{i}: {i}\r\n"));

        var answer = await SendAsync($"GET /healthz HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n");

        AssertProblem(answer, 431, "headers_too_large");
    }

    [Fact]
    public async Task HeadWithinLimits_Answers()
    {
        var answer = await SendAsync($"GET /healthz?q={new string('a', 7 * 1024)} HTTP/1.1\r\nHost: localhost\r\nX-Large: {new string('a', 30 * 1024)}\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200", answer);
    }

    private async Task<string> SendAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // Connection: close, so the server ends the answer by closing.
        return await reader.ReadToEndAsync(timeout.Token);
    }

    private static void AssertProblem(string answer, int status, string code)
    {
        Assert.StartsWith($"HTTP/1.1 {status} ", answer);
        var head = answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.OrdinalIgnoreCase);
        var body = Unchunk(answer[(head.Length + 4)..]);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    /// <summary>The body of a chunked answer (hex size line, data, CRLF, … up to the zero chunk), or the text as is.</summary>
    private static string Unchunk(string body)
    {
        if (body.StartsWith('{')) return body;
        var text = new StringBuilder();
        var rest = body;
        while (true)
        {
            var lineEnd = rest.IndexOf("\r\n", StringComparison.Ordinal);
            var size = Convert.ToInt32(rest[..lineEnd], 16);
            if (size == 0) return text.ToString();
            // Sizes count bytes; the problem text holds Chinese, so cut by bytes.
            var bytes = Encoding.UTF8.GetBytes(rest[(lineEnd + 2)..]);
            var chunk = Encoding.UTF8.GetString(bytes, 0, size);
            text.Append(chunk);
            rest = rest[(lineEnd + 2 + chunk.Length + 2)..];
        }
    }
}
