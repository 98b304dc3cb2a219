using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Conversation;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage;

/// <summary>
/// Conversation state in an embedded SQLite database: one row per conversation (the state as JSON)
/// and one row per processed message id (the reply given), written in one transaction. Both are encrypted with the
/// <see cref="IStateProtector"/>: they carry the user's words and slot values.
/// </summary>
public sealed class SqliteConversationStore : IConversationStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            user_id TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            state TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_conversations_user ON conversations (channel, user_id, updated_at);
        CREATE TABLE IF NOT EXISTS processed_messages (
            channel TEXT NOT NULL,
            user_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            reply TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (channel, user_id, message_id));
        """;

    private readonly SqliteDatabase _database;
    private readonly IStateProtector _protector;

    public SqliteConversationStore(IOptions<StateOptions> options, IStateProtector protector)
    {
        _database = new SqliteDatabase(options.Value.ConnectionString, Schema);
        _protector = protector;
    }

    public async Task<ConversationState?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        return ReadState(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<ConversationState?> FindLatestAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT state FROM conversations WHERE channel = $channel AND user_id = $user
            ORDER BY updated_at DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$user", userId);
        return ReadState(await command.ExecuteScalarAsync(cancellationToken));
    }

    public async Task<Reply?> FindReplyAsync(string channel, string userId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT reply FROM processed_messages
            WHERE channel = $channel AND user_id = $user AND message_id = $message
            """;
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$message", messageId);
        return await command.ExecuteScalarAsync(cancellationToken) is string stored
            ? StateJson.ReadReply(stored, _protector)
            : null;
    }

    public Task SaveTurnAsync(ConversationState state, string? messageId, Reply reply, CancellationToken cancellationToken)
        => _database.WriteAsync(connection => WriteTurnAsync(connection, state, messageId, reply, cancellationToken), cancellationToken);

    private async Task WriteTurnAsync(SqliteConnection connection, ConversationState state, string? messageId, Reply reply,
        CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO conversations (id, channel, user_id, updated_at, state)
                VALUES ($id, $channel, $user, $updated, $state)
                ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, state = excluded.state
                """;
            upsert.Parameters.AddWithValue("$id", state.ConversationId);
            upsert.Parameters.AddWithValue("$channel", state.Channel);
            upsert.Parameters.AddWithValue("$user", state.UserId);
            upsert.Parameters.AddWithValue("$updated", state.UpdatedAt.UtcDateTime.ToString("O"));
            upsert.Parameters.AddWithValue("$state", StateJson.Protected(state, _protector));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        if (messageId is not null)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            // The first reply to a message id wins; a concurrent duplicate never overwrites it.
            insert.CommandText = """
                INSERT OR IGNORE INTO processed_messages (channel, user_id, message_id, conversation_id, reply, created_at)
                VALUES ($channel, $user, $message, $conversation, $reply, $created)
                """;
            insert.Parameters.AddWithValue("$channel", state.Channel);
            insert.Parameters.AddWithValue("$user", state.UserId);
            insert.Parameters.AddWithValue("$message", messageId);
            insert.Parameters.AddWithValue("$conversation", state.ConversationId);
            insert.Parameters.AddWithValue("$reply", StateJson.Protected(reply, _protector));
            insert.Parameters.AddWithValue("$created", state.UpdatedAt.UtcDateTime.ToString("O"));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private ConversationState? ReadState(object? stored)
        => stored is string text ? StateJson.ReadState(text, _protector) : null;
}
