namespace ServiceBot.Conversation;

/// <summary>
/// Serialises one user's turns: while a turn holds the lock for a key, another turn for that key waits. Where the
/// state is shared by several processes, the lock must be shared too.
/// </summary>
public interface ITurnLock
{
    /// <summary>Waits for the key and holds it until the returned handle is disposed.</summary>
    Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}

/// <summary>The single-process lock: enough when one process owns the state (the embedded SQLite store).</summary>
public sealed class InProcessTurnLock : ITurnLock
{
    private readonly KeyedAsyncLock _locks = new();

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
        => new Handle(await _locks.AcquireAsync(key, cancellationToken));

    private sealed class Handle(IDisposable held) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            held.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
