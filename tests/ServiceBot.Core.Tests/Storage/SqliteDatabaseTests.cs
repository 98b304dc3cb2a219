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
