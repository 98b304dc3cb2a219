using Npgsql;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;
using ServiceBot.Storage.Postgres;
using ServiceBot.Storage.Protection;

using static ServiceBot.Core.Tests.Storage.StateStoreContract;

namespace ServiceBot.Core.Tests.Storage.Postgres;

/// <summary>What only the PostgreSQL store does: databases deployed before state was stored as bytes. The rest is <see cref="StateStoreContract"/>.</summary>
public sealed class PostgresConversationStoreTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TempFolder _keys = new();

    [PostgresFact]
    public async Task Find_DatabaseFromBeforeMigration5_MigratesAndReadsProtectedTextRows()
    {
        var connectionString = await database.NewSchemaAsync();
        var protector = DataProtectionStateProtector.ForKeysFolder(_keys.Path);
        var old = State("c-old", "u1", DateTimeOffset.Parse("2026-01-01T08:00:00+08:00"));
        old.Remember("我想提取公积金", "请提供身份证号。", old.UpdatedAt);
        // The schema at migration 4, with a conversation and a reply as protected text.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            var earlier = PostgresSchema.Migrations.Where(m => m.Version <= 4).ToList();
            await using (var schema = new NpgsqlCommand(
                "CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());"
                + string.Concat(earlier.Select(m => m.Sql + $"\nINSERT INTO schema_version (version, description) VALUES ({m.Version}, 'earlier');")), connection))
                await schema.ExecuteNonQueryAsync();
            await using var rows = new NpgsqlCommand("""
                INSERT INTO conversations (id, channel, user_id, updated_at, state) VALUES ('c-old', 'api', 'u1', @at, @state);
                INSERT INTO processed_messages (channel, user_id, message_id, conversation_id, reply, created_at)
                    VALUES ('api', 'u1', 'm-old', 'c-old', @reply, @at);
                """, connection);
            rows.Parameters.AddWithValue("at", old.UpdatedAt.ToUniversalTime());
            rows.Parameters.AddWithValue("state", protector.ProtectUtf8(StateJson.Utf8(old)));
            rows.Parameters.AddWithValue("reply", protector.ProtectUtf8(StateJson.Utf8(ReplyFor("c-old", "请提供身份证号。"))));
            await rows.ExecuteNonQueryAsync();
        }

        await using var replica = new PostgresDatabase(connectionString);
        var store = new PostgresConversationStore(replica, protector);
        var loaded = (await store.FindLatestAsync("api", "u1", CancellationToken.None))!;
        Assert.Equal("130402199003074510", loaded.Task!.Slots["id_number"]);
        Assert.Equal("我想提取公积金", Assert.Single(loaded.History).User);
        Assert.Equal("请提供身份证号。", (await store.FindReplyAsync("api", "u1", "m-old", CancellationToken.None))!.Markdown);

        loaded.Remember("6217001234567890122", "请确认。", loaded.UpdatedAt);
        await store.SaveTurnAsync(loaded, "m-new", ReplyFor("c-old", "请确认。"), CancellationToken.None);
        Assert.Equal(2, (await new PostgresConversationStore(replica, protector).FindAsync("c-old", CancellationToken.None))!.History.Count);
        Assert.Equal("请确认。", (await store.FindReplyAsync("api", "u1", "m-new", CancellationToken.None))!.Markdown);
        await using var check = await replica.OpenAsync(CancellationToken.None);
        await using var shape = new NpgsqlCommand("SELECT state IS NULL AND sealed_state IS NOT NULL AND version <> 0 FROM conversations", check);
        Assert.Equal(true, await shape.ExecuteScalarAsync());
    }

    public void Dispose() => _keys.Dispose();
}
