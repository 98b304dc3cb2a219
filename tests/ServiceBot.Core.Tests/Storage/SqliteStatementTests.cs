using Microsoft.Data.Sqlite;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>Kept statements bound by position (<see cref="SqliteStatement"/>) on kept sessions of a real database file.</summary>
public sealed class SqliteStatementTests : IDisposable
{
    private const string Insert = "INSERT INTO rows (id, label, data, n) VALUES (?1, ?2, ?3, ?4)";
    private const string Select = "SELECT label, typeof(label), data, typeof(data), n FROM rows WHERE id = ?1";

    private readonly TempFolder _folder = new();

    private string ConnectionString => $"Data Source={Path.Combine(_folder.Path, "state.db")}";

    private SqliteDatabase Database() => new(ConnectionString,
        "CREATE TABLE IF NOT EXISTS rows (id TEXT PRIMARY KEY, label TEXT, data BLOB, n INTEGER);");

    [Fact]
    public async Task Bind_TextBlobNullAndNumbers_ReadBackAsBoundFromAnotherConnection()
    {
        var database = Database();
        // Longer than the stack buffer once encoded (3 bytes a character), so the rented path runs too.
        var longText = string.Concat(Enumerable.Repeat("根据《住房公积金管理条例》第二十四条，", 20));
        await database.WriteTransactionAsync(session =>
        {
            session.Statement(Insert).Bind(1, "short").Bind(2, "公积金").Bind(3, new byte[] { 1, 2, 3 }).Bind(4, 42).Execute();
            session.Statement(Insert).Bind(1, "long").Bind(2, longText).Bind(3, new byte[600]).Bind(4, long.MaxValue).Execute();
            session.Statement(Insert).Bind(1, "empty").Bind(2, "").Bind(3, ReadOnlySpan<byte>.Empty).Bind(4, -1).Execute();
            session.Statement(Insert).Bind(1, "null").BindOrNull(2, (string?)null).BindOrNull(3, (byte[]?)null).BindOrNull(4, (long?)null).Execute();
            return Task.FromResult(true);
        }, CancellationToken.None);

        Assert.Equal(("公积金", "text", "010203", "blob", 42L), await ReadAsync("short"));
        Assert.Equal((longText, "text", new string('0', 1200), "blob", long.MaxValue), await ReadAsync("long"));
        // Empty stays empty, not NULL: the columns of the stores are NOT NULL.
        Assert.Equal(("", "text", "", "blob", -1L), await ReadAsync("empty"));
        Assert.Equal((null, "null", null, "null", null), await ReadAsync("null"));
    }

    [Fact]
    public async Task Read_KeptStatement_ReturnsRowsOfLaterCommitsAndTheirBytes()
    {
        var database = Database();
        Assert.Null(await FindAsync(database, "a"));

        await database.WriteTransactionAsync(session =>
        {
            session.Statement(Insert).Bind(1, "a").Bind(2, "甲").Bind(3, new byte[] { 9, 8 }).Bind(4, 7).Execute();
            return Task.FromResult(true);
        }, CancellationToken.None);

        var found = await FindAsync(database, "a");
        Assert.NotNull(found);
        Assert.Equal("甲", found.Value.Label);
        Assert.Equal(new byte[] { 9, 8 }, found.Value.Data);
        Assert.Equal(7, found.Value.N);
    }

    [Fact]
    public async Task Execute_ConstraintBroken_ThrowsSqliteExceptionAndTheStatementRunsAgain()
    {
        var database = Database();
        var error = await Assert.ThrowsAsync<SqliteException>(() => database.WriteTransactionAsync(session =>
        {
            session.Statement(Insert).Bind(1, "same").Bind(2, "x").Bind(3, new byte[] { 1 }).Bind(4, 1).Execute();
            session.Statement(Insert).Bind(1, "same").Bind(2, "y").Bind(3, new byte[] { 2 }).Bind(4, 2).Execute();
            return Task.FromResult(true);
        }, CancellationToken.None));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Null(await FindAsync(database, "same"));

        await database.WriteTransactionAsync(session =>
        {
            Assert.Equal(1, session.Statement(Insert).Bind(1, "same").Bind(2, "z").Bind(3, new byte[] { 3 }).Bind(4, 3).Execute());
            return Task.FromResult(true);
        }, CancellationToken.None);
        Assert.Equal("z", (await FindAsync(Database(), "same"))!.Value.Label);
    }

    [Fact]
    public async Task Statement_TableChangedByAnotherConnection_RecompilesAndStillRuns()
    {
        var database = Database();
        Assert.Null(await FindAsync(database, "a"));

        await using (var other = new SqliteConnection(ConnectionString))
        {
            await other.OpenAsync();
            await using var alter = other.CreateCommand();
            alter.CommandText = "ALTER TABLE rows ADD COLUMN extra TEXT; CREATE INDEX ix_rows_label ON rows (label);"
                + "INSERT INTO rows (id, label, data, n) VALUES ('a', '乙', x'05', 5);";
            await alter.ExecuteNonQueryAsync();
        }

        Assert.Equal("乙", (await FindAsync(database, "a"))!.Value.Label);
    }

    private static Task<(string Label, byte[] Data, long N)?> FindAsync(SqliteDatabase database, string id)
        => database.ReadAsync(session =>
        {
            var select = session.Statement("SELECT label, data, n FROM rows WHERE id = ?1").Bind(1, id);
            try
            {
                (string, byte[], long)? row = select.Read() ? (select.GetString(0), select.GetBlob(1), select.GetInt64(2)) : null;
                return Task.FromResult(row);
            }
            finally
            {
                select.Reset();
            }
        }, CancellationToken.None);

    private async Task<(string? Label, string LabelType, string? DataHex, string DataType, long? N)> ReadAsync(string id)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Select;
        command.Parameters.AddWithValue("?1", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1),
            reader.IsDBNull(2) ? null : Convert.ToHexString((byte[])reader.GetValue(2)), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
