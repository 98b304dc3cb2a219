using Npgsql;
using ServiceBot.Storage.Postgres;

namespace ServiceBot.Server.Widget;

/// <summary>Wakes the live subscriptions of a conversation on every replica, not only on the one that wrote to it.</summary>
public interface ILiveTranscriptBroadcast
{
    Task PublishAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>
/// Live transcripts across replicas through PostgreSQL LISTEN/NOTIFY: a line an agent writes on one replica wakes the
/// widget subscribed on another at once. A lost notification (a replica reconnecting) only delays a line until the
/// subscription's next look at the transcript.
/// </summary>
public sealed partial class PostgresLiveTranscripts(PostgresDatabase database, LiveTranscripts live, ILogger<PostgresLiveTranscripts> logger)
    : ILiveTranscriptBroadcast, IHostedService, IAsyncDisposable
{
    private const string Channel = "servicebot_transcripts";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();
    private Task _listening = Task.CompletedTask;
    private int _disposed;

    public async Task PublishAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @conversation)", connection);
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("conversation", conversationId);
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Returns once this replica listens, so nothing published after start is missed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await ListenAsync(cancellationToken);
        _listening = Task.Run(() => ListenLoopAsync(connection, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0) return;
        await _stopping.CancelAsync();
        await _listening.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // Registered both as itself and as a hosted service, so the container may dispose it twice.
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _stopping.Dispose();
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        connection.Notification += (_, notification) => live.Pulse(notification.Payload);
        await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
        await listen.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task ListenLoopAsync(NpgsqlConnection? connection, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                connection ??= await ListenAsync(stopping);
                await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                LogListenFailed(logger, exception);
                if (connection is not null) await connection.DisposeAsync();
                connection = null;
                await Task.Delay(ReconnectDelay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        if (connection is not null) await connection.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for live transcript notifications failed; reconnecting.")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
