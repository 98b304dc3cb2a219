using Npgsql;

namespace ServiceBot.Storage.Postgres;

/// <summary>Feedback in the shared PostgreSQL state database; rating an answer again replaces the earlier rating.</summary>
public sealed class PostgresFeedbackStore(PostgresDatabase database, Protection.IStateProtector protector) : IFeedbackStore
{
    public async Task SaveAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO feedback (conversation_id, message_id, rating, comment, created_at)
            VALUES (@conversation, @message, @rating, @comment, @created)
            ON CONFLICT (conversation_id, message_id) DO UPDATE SET
                rating = excluded.rating, comment = excluded.comment, created_at = excluded.created_at
            """, connection);
        command.Parameters.AddWithValue("conversation", feedback.ConversationId);
        command.Parameters.AddWithValue("message", feedback.MessageId);
        command.Parameters.AddWithValue("rating", feedback.Rating);
        command.Parameters.AddWithValue("comment", (object?)Protection.StateProtectorExtensions.ProtectOptional(protector, feedback.Comment) ?? DBNull.Value);
        command.Parameters.AddWithValue("created", feedback.CreatedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Feedback>> ListAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT conversation_id, message_id, rating, comment, created_at FROM feedback
            WHERE conversation_id = @conversation ORDER BY created_at, message_id
            """, connection);
        command.Parameters.AddWithValue("conversation", conversationId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Feedback>> ListBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT conversation_id, message_id, rating, comment, created_at FROM feedback
            WHERE created_at >= @from AND created_at < @to ORDER BY created_at, conversation_id, message_id
            """, connection);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        return await ReadAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<Feedback>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<Feedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new Feedback(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : protector.Unprotect(reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return entries;
    }
}
