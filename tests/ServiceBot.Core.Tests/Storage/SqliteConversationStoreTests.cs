using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;

using static ServiceBot.Core.Tests.Storage.StateStoreContract;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>What only the embedded store does: encryption in the file, older plain rows, file modes. The rest is <see cref="StateStoreContract"/>.</summary>
public class SqliteConversationStoreTests : IDisposable
{
    private const string IdNumber = "130402199003074510";
    private const string Card = "6217001234567890122";
    private const string Phone = "13800001111";

    private readonly TempFolder _folder = new();

    private string DatabasePath => Path.Combine(_folder.Path, "nested", "state.db");

    /// <summary>A store as the host composes it; each call is a fresh start on the same database and key folder.</summary>
    private SqliteConversationStore NewStore() => new(
        Options.Create(new StateOptions { ConnectionString = $"Data Source={DatabasePath}" }), KeyRing());

    [Fact]
    public async Task SaveTurn_TypedIdCardAndPhone_NotInDatabaseFilesButLoadAfterRestart()
    {
        var now = DateTimeOffset.Parse("2026-11-29T10:00:00+08:00");
        var state = State("c-1", "u1", now);
        state.Task!.Slots["bank_card"] = Card;
        state.Task.Slots["phone"] = Phone;
        state.Remember($"我的卡号是{Card}，电话{Phone}", "好的。", now);
        var reply = ReplyFor("c-1", "请确认。") with
        {
            Task = new TaskSnapshot("fund_withdrawal", "confirming", new Dictionary<string, string> { ["id_number"] = IdNumber }, [], null),
        };
        await NewStore().SaveTurnAsync(state, "m1", reply, CancellationToken.None);

        // While connections are open the rows sit in the -wal file; once closed, SQLite moves them into the database.
        var written = DatabaseFileBytes();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var checkpointed = DatabaseFileBytes();
        foreach (var secret in new[] { IdNumber, Card, Phone })
        {
            Assert.Equal(-1, written.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, checkpointed.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }

        var restarted = NewStore();
        var loaded = (await restarted.FindAsync("c-1", CancellationToken.None))!;
        Assert.Equal(IdNumber, loaded.Task!.Slots["id_number"]);
        Assert.Equal(Card, loaded.Task.Slots["bank_card"]);
        Assert.Contains(Phone, Assert.Single(loaded.History).User);
        Assert.Equal(IdNumber, (await restarted.FindReplyAsync("api", "u1", "m1", CancellationToken.None))!.Task!.Slots["id_number"]);
    }

    [Fact]
    public async Task Find_RowWrittenBeforeEncryption_StillLoads()
    {
        var store = NewStore();
        await store.SaveTurnAsync(State("c-new", "u2", DateTimeOffset.UnixEpoch), null, ReplyFor("c-new", "a"), CancellationToken.None);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO conversations (id, channel, user_id, updated_at, state) VALUES ('c-old', 'api', 'u1', '2026-01-01T00:00:00.0000000Z', $state)";
            insert.Parameters.AddWithValue("$state",
                """{"conversationId":"c-old","userId":"u1","channel":"api","history":[{"user":"我想提取公积金","bot":"请提供身份证号。","at":"2026-01-01T00:00:00Z"}]}""");
            await insert.ExecuteNonQueryAsync();
        }

        var loaded = await store.FindLatestAsync("api", "u1", CancellationToken.None);

        Assert.Equal("c-old", loaded!.ConversationId);
        Assert.Equal("我想提取公积金", Assert.Single(loaded.History).User);
    }

    [Fact]
    public async Task Find_DatabaseFromBeforeVersionStamps_AddsTheColumnAndReadsProtectedTextRows()
    {
        // The schema and rows as earlier versions wrote them: no version column, state and reply as protected text.
        var protector = KeyRing();
        var old = State("c-old", "u1", DateTimeOffset.Parse("2026-01-01T08:00:00+08:00"));
        old.Remember("我想提取公积金", "请提供身份证号。", old.UpdatedAt);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await ExecuteAsync("""
            CREATE TABLE conversations (id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL);
            CREATE TABLE processed_messages (channel TEXT NOT NULL, user_id TEXT NOT NULL, message_id TEXT NOT NULL,
                conversation_id TEXT NOT NULL, reply TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (channel, user_id, message_id));
            INSERT INTO conversations VALUES ('c-old', 'api', 'u1', '2026-01-01T00:00:00.0000000Z', $state);
            INSERT INTO processed_messages VALUES ('api', 'u1', 'm-old', 'c-old', $reply, '2026-01-01T00:00:00.0000000Z');
            """, ("$state", protector.ProtectUtf8(StateJson.Utf8(old))), ("$reply", protector.ProtectUtf8(StateJson.Utf8(ReplyFor("c-old", "请提供身份证号。")))));

        var store = NewStore();
        var loaded = (await store.FindAsync("c-old", CancellationToken.None))!;
        Assert.Equal("130402199003074510", loaded.Task!.Slots["id_number"]);
        Assert.Equal("我想提取公积金", Assert.Single(loaded.History).User);
        Assert.Equal("请提供身份证号。", (await store.FindReplyAsync("api", "u1", "m-old", CancellationToken.None))!.Markdown);

        loaded.Remember("6217001234567890122", "请确认。", loaded.UpdatedAt);
        await store.SaveTurnAsync(loaded, "m-new", ReplyFor("c-old", "请确认。"), CancellationToken.None);
        Assert.Equal(2, (await NewStore().FindLatestAsync("api", "u1", CancellationToken.None))!.History.Count);
        Assert.Equal(["blob"], await QueryAsync("SELECT typeof(state) FROM conversations WHERE id = 'c-old'"));
        Assert.Equal(["blob", "text"], await QueryAsync("SELECT typeof(reply) FROM processed_messages ORDER BY message_id"));
        // Saved once by this version, the history has moved to its rows.
        Assert.Equal(["0 2"], await QueryAsync("SELECT history_from || ' ' || history_to FROM conversations WHERE id = 'c-old'"));
        Assert.Equal(["0", "1"], await QueryAsync("SELECT CAST(seq AS TEXT) FROM conversation_turns WHERE conversation_id = 'c-old' ORDER BY seq"));
    }

    [Fact]
    public async Task Find_StateWithItsHistoryInlineAsTheLastVersionSealedIt_LoadsAndMovesTheHistoryOutOnSave()
    {
        var store = NewStore();
        await store.SaveTurnAsync(State("c-1", "u1", DateTimeOffset.UnixEpoch), null, ReplyFor("c-1", "a"), CancellationToken.None);
        // The last version: the whole state, history included, sealed under a data key; no history window on the row.
        var earlier = State("c-1", "u1", DateTimeOffset.UnixEpoch);
        foreach (var turn in Enumerable.Range(0, 3)) earlier.Remember($"问题{turn}", $"完整的回答{turn}", DateTimeOffset.UnixEpoch.AddMinutes(turn));
        await ExecuteAsync("UPDATE conversations SET state = $state, version = 7, history_from = NULL, history_to = NULL WHERE id = 'c-1'",
            ("$state", KeyRing().ProtectBytes(StateJson.Utf8(earlier))));

        var loaded = (await NewStore().FindAsync("c-1", CancellationToken.None))!;
        Assert.Equal(earlier.History, loaded.History);

        var restarted = NewStore();
        var again = (await restarted.FindAsync("c-1", CancellationToken.None))!;
        again.Remember("问题3", "完整的回答3", DateTimeOffset.UnixEpoch.AddMinutes(3));
        await restarted.SaveTurnAsync(again, "m-3", ReplyFor("c-1", "完整的回答3"), CancellationToken.None);

        Assert.Equal(again.History, (await NewStore().FindAsync("c-1", CancellationToken.None))!.History);
        Assert.Equal(4, again.History.Count);
        Assert.Equal(["4"], await QueryAsync("SELECT CAST(count(*) AS TEXT) FROM conversation_turns WHERE conversation_id = 'c-1'"));
    }

    [Fact]
    public async Task SaveTurn_FollowingTurn_WritesItsOwnExchangeAndAStateWithoutTheHistory()
    {
        var store = NewStore();
        var state = State("c-1", "u1", DateTimeOffset.UnixEpoch);
        var longReply = string.Concat(Enumerable.Repeat("根据《工伤保险条例》第十四条，职工有下列情形之一的，应当认定为工伤。", 20));
        state.Remember("工伤怎么认定？", longReply, DateTimeOffset.UnixEpoch);
        await store.SaveTurnAsync(state, "m1", ReplyFor("c-1", longReply), CancellationToken.None);
        var stateBytes = await QueryAsync("SELECT CAST(length(state) AS TEXT) FROM conversations");

        var next = (await store.FindAsync("c-1", CancellationToken.None))!;
        next.Remember("那外地户口呢？", longReply, DateTimeOffset.UnixEpoch.AddMinutes(1));
        await store.SaveTurnAsync(next, "m2", ReplyFor("c-1", longReply), CancellationToken.None);

        // The state row stays the same size however long the replies; each exchange is its own row.
        Assert.Equal(stateBytes, await QueryAsync("SELECT CAST(length(state) AS TEXT) FROM conversations"));
        Assert.True(int.Parse(stateBytes[0]) < Encoding.UTF8.GetByteCount(longReply));
        Assert.Equal(["0", "1"], await QueryAsync("SELECT CAST(seq AS TEXT) FROM conversation_turns ORDER BY seq"));
    }

    [Fact]
    public async Task Find_RowRewrittenAsTextByAnEarlierVersion_ReturnsTheRewrittenState()
    {
        var store = NewStore();
        await store.SaveTurnAsync(State("c-1", "u1", DateTimeOffset.UnixEpoch), null, ReplyFor("c-1", "a"), CancellationToken.None);
        Assert.Equal("bank_card", (await store.FindAsync("c-1", CancellationToken.None))!.Task!.PendingSlot);

        // A process still on an earlier version rewrites the state as text and leaves the version stamp as it was.
        var rewritten = State("c-1", "u1", DateTimeOffset.UnixEpoch);
        rewritten.Task!.PendingSlot = "phone";
        await ExecuteAsync("UPDATE conversations SET state = $state WHERE id = 'c-1'", ("$state", KeyRing().ProtectUtf8(StateJson.Utf8(rewritten))));

        Assert.Equal("phone", (await store.FindAsync("c-1", CancellationToken.None))!.Task!.PendingSlot);
    }

    [Fact]
    public async Task Find_RowsSealedByDataProtectionAsTheLastVersionDid_StillLoad()
    {
        var provider = new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider();
        var options = Options.Create(new StateOptions { ConnectionString = $"Data Source={DatabasePath}" });
        await new SqliteConversationStore(options, new DataProtectionStateProtector(provider))
            .SaveTurnAsync(State("c-1", "u1", DateTimeOffset.UnixEpoch), "m1", ReplyFor("c-1", "a"), CancellationToken.None);

        // The version before data keys stored Data Protection's own payload, bytes that start with its magic header.
        var earlier = State("c-1", "u1", DateTimeOffset.UnixEpoch);
        earlier.Task!.PendingSlot = "phone";
        var dataProtection = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.CreateProtector(provider, "ServiceBot.Storage.State.v1");
        await ExecuteAsync("UPDATE conversations SET state = $state, version = 7 WHERE id = 'c-1'", ("$state", dataProtection.Protect(StateJson.Utf8(earlier))));
        await ExecuteAsync("UPDATE processed_messages SET reply = $reply", ("$reply", dataProtection.Protect(StateJson.Utf8(ReplyFor("c-1", "较早的回复")))));

        var store = new SqliteConversationStore(options, new DataProtectionStateProtector(provider));
        Assert.Equal("phone", (await store.FindAsync("c-1", CancellationToken.None))!.Task!.PendingSlot);
        Assert.Equal("较早的回复", (await store.FindReplyAsync("api", "u1", "m1", CancellationToken.None))!.Markdown);
    }

    [Fact]
    public async Task Find_RowDeletedByAnotherWriter_ReturnsNull()
    {
        var store = NewStore();
        await store.SaveTurnAsync(State("c-1", "u1", DateTimeOffset.UnixEpoch), "m1", ReplyFor("c-1", "a"), CancellationToken.None);
        Assert.NotNull(await store.FindAsync("c-1", CancellationToken.None));

        await ExecuteAsync("DELETE FROM conversations; DELETE FROM processed_messages;");

        Assert.Null(await store.FindAsync("c-1", CancellationToken.None));
        Assert.Null(await store.FindReplyAsync("api", "u1", "m1", CancellationToken.None));
    }

    [UnixFact, UnsupportedOSPlatform("windows")]
    public async Task SaveTurn_NewDatabase_FolderAndFilesOwnerOnly()
    {
        await NewStore().SaveTurnAsync(State("c-1", "u1", DateTimeOffset.UnixEpoch), "m1", ReplyFor("c-1", "a"), CancellationToken.None);

        var folder = Path.GetDirectoryName(DatabasePath)!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var files = new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" };
        Assert.All(files, file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
    }

    [UnixFact, UnsupportedOSPlatform("windows")]
    public async Task SaveTurn_OlderDatabaseReadableByOthers_NarrowedToOwnerOnly()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        File.WriteAllBytes(DatabasePath, []);
        File.SetUnixFileMode(DatabasePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await NewStore().SaveTurnAsync(State("c-1", "u1", DateTimeOffset.UnixEpoch), "m1", ReplyFor("c-1", "a"), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DatabasePath));
    }

    private DataProtectionStateProtector KeyRing() => DataProtectionStateProtector.ForKeysFolder(Path.Combine(_folder.Path, "nested", "keys"));

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private byte[] DatabaseFileBytes() =>
        [.. new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists).SelectMany(File.ReadAllBytes)];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
