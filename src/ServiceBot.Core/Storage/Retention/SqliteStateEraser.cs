using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;

namespace ServiceBot.Storage.Retention;

/// <summary>
/// Deletes across the tables of the conversation database in one transaction, so an erasure is never half done.
/// <c>secure_delete</c> overwrites the freed pages, so deleted rows do not linger in the file.
/// </summary>
public sealed class SqliteStateEraser : IStateEraser
{
    // The sweep looks rows up by age; these indexes keep it from scanning whole tables every hour.
    private const string RetentionSchema = """
        CREATE INDEX IF NOT EXISTS ix_conversations_updated ON conversations (updated_at);
        CREATE INDEX IF NOT EXISTS ix_processed_messages_created ON processed_messages (created_at);
        """;

    private const string UserConversations = """
        SELECT id FROM conversations WHERE channel = $channel AND user_id = $user
        UNION SELECT conversation_id FROM handoffs WHERE channel = $channel AND user_id = $user
        """;

    private readonly SqliteDatabase _database;

    public SqliteStateEraser(IOptions<StateOptions> options)
    {
        _database = new SqliteDatabase(options.Value.ConnectionString,
            SqliteConversationStore.Schema + SqliteFeedbackStore.Schema + SqliteHandoffStore.Schema + SqliteAuditLog.Schema + SqliteTurnAnalyticsStore.Schema + RetentionSchema,
            SqliteConversationStore.AddedColumns);
    }

    public async Task<int> EraseUserAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        var deleted = await DeleteAsync(cancellationToken, [("$channel", channel), ("$user", userId), ("$user_hash", TurnUserHash.Of(channel, userId))],
            "DELETE FROM turns WHERE channel = $channel AND user_hash = $user_hash",
            $"DELETE FROM feedback WHERE conversation_id IN ({UserConversations})",
            $"DELETE FROM transcript_lines WHERE conversation_id IN ({UserConversations})",
            "DELETE FROM handoffs WHERE channel = $channel AND user_id = $user",
            "DELETE FROM processed_messages WHERE channel = $channel AND user_id = $user",
            $"DELETE FROM conversation_turns WHERE conversation_id IN ({UserConversations})",
            "DELETE FROM conversations WHERE channel = $channel AND user_id = $user");
        return deleted[^1];
    }

    // The history of expired conversations, and exchanges past the cutoff outside their conversation's window (left it,
    // or left behind when a window was written anew, or their conversation is gone): the window stays as long as its conversation.
    private const string HistoryOlderThan = """
        DELETE FROM conversation_turns
        WHERE conversation_id IN (SELECT id FROM conversations WHERE updated_at < $cutoff)
           OR (at < $cutoff AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_turns.conversation_id
                AND conversation_turns.seq >= c.history_from AND conversation_turns.seq < c.history_to))
        """;

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Every table keeps UTC times as fixed-width ISO 8601 text, so text order is time order.
        var at = cutoff.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var deleted = await DeleteAsync(cancellationToken, [("$cutoff", at)],
            "DELETE FROM feedback WHERE created_at < $cutoff OR conversation_id IN (SELECT id FROM conversations WHERE updated_at < $cutoff)",
            "DELETE FROM transcript_lines WHERE at < $cutoff",
            "DELETE FROM handoffs WHERE COALESCE(closed_at, taken_at, waiting_since) < $cutoff",
            "DELETE FROM processed_messages WHERE created_at < $cutoff",
            "DELETE FROM audit_log WHERE at < $cutoff",
            "DELETE FROM turns WHERE at < $cutoff",
            HistoryOlderThan,
            "DELETE FROM conversations WHERE updated_at < $cutoff");
        return deleted.Sum();
    }

    /// <returns>The rows each statement deleted.</returns>
    private Task<int[]> DeleteAsync(CancellationToken cancellationToken, (string Name, string Value)[] parameters, params string[] statements)
        => _database.WriteAsync(connection => DeleteAsync(connection, parameters, statements, cancellationToken), cancellationToken);

    private static async Task<int[]> DeleteAsync(SqliteConnection connection, (string Name, string Value)[] parameters, string[] statements,
        CancellationToken cancellationToken)
    {
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA secure_delete = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var deleted = new int[statements.Length];
        for (var i = 0; i < statements.Length; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statements[i];
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
            deleted[i] = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
