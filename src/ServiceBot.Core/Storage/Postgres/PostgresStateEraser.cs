using Npgsql;
using ServiceBot.Analytics;
using ServiceBot.Storage.Retention;

namespace ServiceBot.Storage.Postgres;

/// <summary>The <see cref="IStateEraser"/> of the shared database: each erasure or sweep is one transaction, so it is never half done.</summary>
public sealed class PostgresStateEraser(PostgresDatabase database) : IStateEraser
{
    private const string UserConversations = """
        SELECT id FROM conversations WHERE channel = @channel AND user_id = @user
        UNION SELECT conversation_id FROM handoffs WHERE channel = @channel AND user_id = @user
        """;

    public async Task<int> EraseUserAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        var deleted = await DeleteAsync(cancellationToken, [("channel", channel), ("user", userId), ("user_hash", TurnUserHash.Of(channel, userId))],
            "DELETE FROM turns WHERE channel = @channel AND user_hash = @user_hash",
            $"DELETE FROM feedback WHERE conversation_id IN ({UserConversations})",
            $"DELETE FROM transcript_lines WHERE conversation_id IN ({UserConversations})",
            "DELETE FROM handoffs WHERE channel = @channel AND user_id = @user",
            "DELETE FROM processed_messages WHERE channel = @channel AND user_id = @user",
            $"DELETE FROM conversation_turns WHERE conversation_id IN ({UserConversations})",
            "DELETE FROM conversations WHERE channel = @channel AND user_id = @user");
        return deleted[^1];
    }

    // The history of expired conversations, and exchanges past the cutoff outside their conversation's window (left it,
    // or left behind when a window was written anew, or their conversation is gone): the window stays as long as its conversation.
    private const string HistoryOlderThan = """
        DELETE FROM conversation_turns
        WHERE conversation_id IN (SELECT id FROM conversations WHERE updated_at < @cutoff)
           OR (at < @cutoff AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_turns.conversation_id
                AND conversation_turns.seq >= c.history_from AND conversation_turns.seq < c.history_to))
        """;

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = await DeleteAsync(cancellationToken, [("cutoff", cutoff.ToUniversalTime())],
            "DELETE FROM feedback WHERE created_at < @cutoff OR conversation_id IN (SELECT id FROM conversations WHERE updated_at < @cutoff)",
            "DELETE FROM transcript_lines WHERE at < @cutoff",
            "DELETE FROM handoffs WHERE COALESCE(closed_at, taken_at, waiting_since) < @cutoff",
            "DELETE FROM processed_messages WHERE created_at < @cutoff",
            "DELETE FROM audit_log WHERE at < @cutoff",
            "DELETE FROM turns WHERE at < @cutoff",
            HistoryOlderThan,
            "DELETE FROM conversations WHERE updated_at < @cutoff");
        return deleted.Sum();
    }

    /// <returns>The rows each statement deleted.</returns>
    private async Task<int[]> DeleteAsync(CancellationToken cancellationToken, (string Name, object Value)[] parameters, params string[] statements)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = new int[statements.Length];
        for (var i = 0; i < statements.Length; i++)
        {
            await using var command = new NpgsqlCommand(statements[i], connection, transaction);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
            deleted[i] = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
