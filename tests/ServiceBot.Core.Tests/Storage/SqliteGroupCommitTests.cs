using Microsoft.Data.Sqlite;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>Group commit on a real SQLite file in full-sync mode, the way the sandbox's ticket store uses it.</summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly HashSet<SqliteTransaction> _transactions = [];
    private SqliteGroupCommit<string, long> _writer = null!;

    private string ConnectionString => $"Data Source={Path.Combine(_folder.Path, "rows.db")};Default Timeout=1";

    public async Task InitializeAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE rows (name TEXT PRIMARY KEY);";
        await command.ExecuteNonQueryAsync();
        _writer = new SqliteGroupCommit<string, long>(ConnectionString, OpenAsync, InsertAsync);
    }

    [Fact]
    public async Task WriteAsync_WritesQueuedDuringACommit_ShareTheNextOneAndAllLand()
    {
        const int Writes = 50;
        var slot = await SqliteWriteGate.For(ConnectionString).EnterAsync(CancellationToken.None);
        var pending = Enumerable.Range(0, Writes).Select(i => _writer.WriteAsync("row-" + i, CancellationToken.None)).ToList();
        await Task.Delay(200);
        Assert.DoesNotContain(pending, p => p.IsCompleted);
        slot.Dispose();

        var ids = await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Writes, ids.Distinct().Count());
        Assert.Equal(Writes, await CountAsync());
        Assert.InRange(_transactions.Count, 1, 3);
    }

    [Fact]
    public async Task WriteAsync_OneWriteOfAGroupFails_NoneOfItsGroupLands()
    {
        var slot = await SqliteWriteGate.For(ConnectionString).EnterAsync(CancellationToken.None);
        var pending = new[] { "a", "b", "c", "fail", "d" }.Select(name => _writer.WriteAsync(name, CancellationToken.None)).ToList();
        await Task.Delay(200);
        slot.Dispose();
        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.True(pending[3].IsFaulted);
        foreach (var (name, write) in new[] { "a", "b", "c", "fail", "d" }.Zip(pending))
            Assert.Equal(write.IsCompletedSuccessfully ? 1 : 0, await CountAsync(name));
        Assert.True(pending[2].IsFaulted, "the write queued just before the failing one shares its group");
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string name)
    {
        if (name == "fail") throw new InvalidOperationException("this write fails");
        lock (_transactions) _transactions.Add(transaction);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO rows (name) VALUES ($name) RETURNING rowid";
        insert.Parameters.AddWithValue("$name", name);
        return (long)(await insert.ExecuteScalarAsync())!;
    }

    private async Task<long> CountAsync(string? name = null)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = name is null ? "SELECT COUNT(*) FROM rows" : "SELECT COUNT(*) FROM rows WHERE name = $name";
        if (name is not null) command.Parameters.AddWithValue("$name", name);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
