using Microsoft.Data.Sqlite;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>Connections of a real database file, as the pool hands them out again.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private const long SynchronousNormal = 1;

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task OpenAsync_PooledConnectionOpenedAgain_StillSynchronousNormal()
    {
        var database = new SqliteDatabase($"Data Source={Path.Combine(_folder.Path, "state.db")}", "CREATE TABLE IF NOT EXISTS t (x INTEGER);");

        var first = await SynchronousAsync(database);
        var again = await SynchronousAsync(database);

        Assert.Equal(SynchronousNormal, first);
        Assert.Equal(SynchronousNormal, again);
    }

    [Fact]
    public async Task OpenAsync_AfterThePoolIsCleared_SetsUpTheNewConnection()
    {
        var database = new SqliteDatabase($"Data Source={Path.Combine(_folder.Path, "state.db")}", "CREATE TABLE IF NOT EXISTS t (x INTEGER);");
        await SynchronousAsync(database);

        SqliteConnection.ClearAllPools();

        Assert.Equal(SynchronousNormal, await SynchronousAsync(database));
    }

    private SqliteDatabase Numbers() => new($"Data Source={Path.Combine(_folder.Path, "state.db")}",
        "CREATE TABLE IF NOT EXISTS numbers (n INTEGER PRIMARY KEY);");

    private static Task<long> CountAsync(SqliteDatabase database)
        => database.ReadAsync(async session => (long)(await session.Command("SELECT count(*) FROM numbers").ExecuteScalarAsync())!, CancellationToken.None);

    private static Task<bool> InsertAsync(SqliteDatabase database, params long[] numbers)
        => database.WriteTransactionAsync(async session =>
        {
            foreach (var n in numbers)
            {
                var insert = session.Command("INSERT INTO numbers (n) VALUES ($n)");
                insert.Parameters.AddWithValue("$n", n);
                await insert.ExecuteNonQueryAsync();
            }
            return true;
        }, CancellationToken.None);

    [Fact]
    public async Task WriteTransaction_FailsHalfway_RollsBackAndTheNextWriteCommits()
    {
        var database = Numbers();
        await InsertAsync(database, 1);

        // The second insert breaks the primary key after the first went in: neither may stay.
        await Assert.ThrowsAsync<SqliteException>(() => InsertAsync(database, 2, 1));
        Assert.Equal(1, await CountAsync(database));

        await InsertAsync(database, 2, 3);
        Assert.Equal(3, await CountAsync(Numbers()));
    }

    [Fact]
    public async Task ReadAsync_SessionKeptAfterAnotherConnectionWrote_SeesTheNewRows()
    {
        var database = Numbers();
        Assert.Equal(0, await CountAsync(database));

        await InsertAsync(Numbers(), 1, 2);

        Assert.Equal(2, await CountAsync(database));
    }

    [Fact]
    public async Task ReadAsync_SchemaChangedByAnotherConnection_KeptStatementStillRuns()
    {
        var database = Numbers();
        await InsertAsync(database, 1);

        await using (var other = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "state.db")}"))
        {
            await other.OpenAsync();
            await using var alter = other.CreateCommand();
            alter.CommandText = "ALTER TABLE numbers ADD COLUMN label TEXT; CREATE INDEX ix_label ON numbers (label);";
            await alter.ExecuteNonQueryAsync();
        }

        await InsertAsync(database, 2);
        Assert.Equal(2, await CountAsync(database));
    }

    private static async Task<long> SynchronousAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
