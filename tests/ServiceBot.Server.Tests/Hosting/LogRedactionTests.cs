using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceBot.Server.Tests.Chat;
using ServiceBot.Server.Tests.WeChat;

namespace ServiceBot.Server.Tests.Hosting;

/// <summary>
/// Everything the server logs, at its shipped levels, while personal numbers pass through every door: chat,
/// WeChat and the sandbox. None of them, and no WeChat signature, may appear.
/// </summary>
public sealed class LogRedactionTests
{
    private const string IdNumber = "130402199003074510";
    private const string Card = "6217001234567890122";
    private const string Phone = "13800001111";
    private const string WeChatToken = "servicebot";

    [Fact]
    public async Task Logs_AfterDialoguesWeChatAndSandboxQueries_HoldNoPersonalNumbersOrSignatures()
    {
        var capture = new CapturingLoggerProvider();
        var server = new ServiceBotServer(new Dictionary<string, string> { ["WeChat:Token"] = WeChatToken },
            services => services.AddSingleton<ILoggerProvider>(capture));
        await server.InitializeAsync();
        string signature, nonce;
        try
        {
            var chat = new ChatSession(server.Http);
            foreach (var text in new[] { "我想提取公积金", IdNumber, "租房", "3000元", Card, "确认" }) await chat.SayAsync(text);
            var hotline = new ChatSession(server.Http);
            foreach (var text in new[] { "我要反映噪音扰民", "小区楼下夜间施工噪音很大", "北京市朝阳区幸福小区", Phone }) await hotline.SayAsync(text);

            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            nonce = "918273645";
            signature = ServiceBot.Server.WeChat.WeChatSignature.Compute(WeChatToken, now, nonce);
            using var wechat = await WeChatRequests.PostPlainAsync(server.Http, WeChatToken,
                WeChatRequests.TextXml($"我的身份证号{IdNumber}，电话{Phone}", "7001"), now, nonce);
            Assert.Equal(HttpStatusCode.OK, wechat.StatusCode);

            Assert.NotEmpty(await server.ListTicketsAsync(IdNumber));
            using var account = await server.Http.GetAsync($"sandbox/api/housing-fund/accounts/{IdNumber}");
            using var record = await server.Http.GetAsync($"sandbox/api/social-insurance/records/{IdNumber}");
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.NotEmpty(capture.Lines);
        foreach (var secret in new[] { IdNumber, Card, Phone, signature, nonce })
            Assert.DoesNotContain(capture.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }
}

/// <summary>Keeps every line any logger writes, with its category and exception, as a provider beside the console.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
