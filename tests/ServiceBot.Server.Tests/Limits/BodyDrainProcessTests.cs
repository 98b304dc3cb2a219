using System.Net.Sockets;
using System.Text;
using ServiceBot.Server.Tests.Chat;

namespace ServiceBot.Server.Tests.Limits;

/// <summary>
/// A chunked body past its limit, sent by a client that pauses and then keeps writing, on a server process of its own
/// (the way a browser on a slow uplink sends): the server reads the rest and discards it before answering, so the
/// client's writes never meet a reset connection and it reads the 413.
/// </summary>
public sealed class BodyDrainProcessTests() : ServerProcessTest("drain")
{
    [Fact]
    public async Task Chat_ChunkedBodyOverLimitStillBeingSent_ClientFinishesWritingAndReads413()
    {
        // A warm server answers within the pause below; a cold one might still be compiling its first request.
        await new ChatSession(Server.Http).SayAsync("你好");
        await Server.Http.PostAsync("api/chat", new ChunkedContent(RequestLimitsTests.ChatJson(100 * 1024)));
        using var socket = new TcpClient();
        await socket.ConnectAsync(Server.Http.BaseAddress!.Host, Server.Http.BaseAddress.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        await stream.WriteAsync(Chunk("{\"userId\":\"drain\",\"text\":\""));
        var text = Chunk(new string('a', 16 * 1024));
        for (var sent = 0; sent < 800 * 1024; sent += 16 * 1024)
        {
            // Past the 64 KB limit the server has answered by the end of this pause: it must still be reading.
            if (sent == 160 * 1024) await Task.Delay(TimeSpan.FromSeconds(1));
            await stream.WriteAsync(text);
        }
        await stream.WriteAsync(Chunk("\"}"));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("0\r\n\r\n"));

        var answer = await RequestLimitsTests.ReadAnswerAsync(stream);

        Assert.StartsWith("HTTP/1.1 413", answer);
        Assert.Contains("body_too_large", answer);
    }

    private static byte[] Chunk(string data) => Encoding.ASCII.GetBytes($"{data.Length:x}\r\n{data}\r\n");
}
