using Npgsql;
using ServiceBot.Conversation;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage.Postgres;

/// <summary>
/// Conversation state in PostgreSQL, shared by every replica: one row per conversation (the state as JSON) and one row
/// per processed message id (the reply given), written in one transaction. The message id's primary key keeps the
/// first reply whichever replica wrote it.
/// </summary>
public sealed class PostgresConversationStore(PostgresDatabase database, IStateProtector protector) : IConversationStore
{
    public async Task<ConversationState?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT state FROM conversations WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? StateJson.ReadState(json, protector) : null;
    }

    public async Task<ConversationState?> FindLatestAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT state FROM conversations WHERE channel = @channel AND user_id = @user
            ORDER BY updated_at DESC LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("user", userId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? StateJson.ReadState(json, protector) : null;
    }

    public async Task<Reply?> FindReplyAsync(string channel, string userId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT reply FROM processed_messages
            WHERE channel = @channel AND user_id = @user AND message_id = @message
            """, connection);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("message", messageId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? StateJson.ReadReply(json, protector) : null;
    }

    public async Task SaveTurnAsync(ConversationState state, string? messageId, Reply reply, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO conversations (id, channel, user_id, updated_at, state)
            VALUES (@id, @channel, @user, @updated, @state)
            ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, state = excluded.state
            """, connection, transaction))
        {
            upsert.Parameters.AddWithValue("id", state.ConversationId);
            upsert.Parameters.AddWithValue("channel", state.Channel);
            upsert.Parameters.AddWithValue("user", state.UserId);
            upsert.Parameters.AddWithValue("updated", state.UpdatedAt.ToUniversalTime());
            upsert.Parameters.AddWithValue("state", StateJson.Protected(state, protector));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        if (messageId is not null)
        {
            // The first reply to a message id wins; a concurrent duplicate never overwrites it.
            await using var insert = new NpgsqlCommand("""
                INSERT INTO processed_messages (channel, user_id, message_id, conversation_id, reply, created_at)
                VALUES (@channel, @user, @message, @conversation, @reply, @created)
                ON CONFLICT DO NOTHING
                """, connection, transaction);
            insert.Parameters.AddWithValue("channel", state.Channel);
            insert.Parameters.AddWithValue("user", state.UserId);
            insert.Parameters.AddWithValue("message", messageId);
            insert.Parameters.AddWithValue("conversation", state.ConversationId);
            insert.Parameters.AddWithValue("reply", StateJson.Protected(reply, protector));
            insert.Parameters.AddWithValue("created", state.UpdatedAt.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
