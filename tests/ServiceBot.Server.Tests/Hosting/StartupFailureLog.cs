using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServiceBot.Server.Tests.Hosting;

/// <summary>
/// Keeps the errors the host logs while it starts. When a minimal-hosting app fails fast, WebApplicationFactory can
/// report the disposed host (ObjectDisposedException) instead of the cause; the host has logged the cause by then.
/// </summary>
internal sealed class StartupFailureLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => new Recorder(_errors);

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) errors.Enqueue($"{formatter(state, exception)}: {exception}");
        }
    }
}
