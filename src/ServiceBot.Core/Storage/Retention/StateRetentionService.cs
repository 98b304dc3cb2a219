using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceBot.Storage.Retention;

/// <summary>
/// Deletes state older than <see cref="StateOptions.RetentionDays"/>: once at start, then every <see cref="SweepInterval"/>.
/// A failed sweep is logged and retried at the next one; it never stops the host.
/// </summary>
public sealed partial class StateRetentionService(
    IStateEraser eraser, IOptions<StateOptions> options, TimeProvider clock, ILogger<StateRetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's calls complete synchronously: yield first so the first sweep never delays the host's start.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await SweepAsync(stoppingToken);
            try
            {
                await Task.Delay(SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One sweep with the cutoff taken from the clock now.</summary>
    /// <returns>The rows deleted; 0 when the sweep failed.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        try
        {
            var deleted = await eraser.DeleteOlderThanAsync(cutoff, cancellationToken);
            if (deleted > 0) LogSwept(logger, deleted, options.Value.RetentionDays);
            return deleted;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogSweepFailed(logger, exception.GetType().Name);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Rows} stored rows older than {Days} days.")]
    private static partial void LogSwept(ILogger logger, int rows, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed ({ExceptionType}); it runs again at the next interval.")]
    private static partial void LogSweepFailed(ILogger logger, string exceptionType);
}
