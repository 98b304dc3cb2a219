using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ServiceBot.Storage;

/// <summary>
/// One writer at a time per SQLite file in this process. SQLite admits a single writer; a second one that reaches the
/// file meets <c>SQLITE_BUSY</c>, and Microsoft.Data.Sqlite answers that by putting the request thread to sleep for
/// 150 ms and retrying. Writers that wait here instead wait asynchronously and in arrival order, holding no thread.
/// Every store that writes a file shares the gate of that file, whatever its connection string looks like.
/// Other processes on the same file still meet SQLite's own lock.
/// </summary>
public sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _semaphore = new(1, 1);

    private SqliteWriteGate()
    {
    }

    /// <summary>The gate of the database file the connection string opens.</summary>
    public static SqliteWriteGate For(string connectionString) => Gates.GetOrAdd(FileKey(connectionString), _ => new SqliteWriteGate());

    /// <summary>Waits for the file's writer slot; dispose the result to hand it on.</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Slot(_semaphore);
    }

    /// <summary>Runs <paramref name="write"/> holding the file's writer slot.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        using (await EnterAsync(cancellationToken))
            return await write();
    }

    // Two spellings of one file (relative or absolute, extra keywords) must share a gate; private in-memory databases
    // never meet another connection, and named shared ones are told apart by name.
    private static string FileKey(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return "source:" + source;
        return "file:" + Path.GetFullPath(source);
    }

    /// <summary>The writer slot of one file, held until disposed.</summary>
    public readonly struct Slot : IDisposable
    {
        private readonly SemaphoreSlim? _semaphore;

        internal Slot(SemaphoreSlim semaphore) => _semaphore = semaphore;

        public void Dispose() => _semaphore?.Release();
    }
}
