using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage;

/// <summary>
/// Feedback in its own table of the conversation database (<c>State:ConnectionString</c>), so one
/// file holds everything a conversation produced. Comments are encrypted: users type anything into them, phone numbers included.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS feedback (
            conversation_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
            comment TEXT,
            created_at TEXT NOT NULL,
            PRIMARY KEY (conversation_id, message_id));
        """;

    private readonly SqliteDatabase _database;
    private readonly IStateProtector _protector;

    public SqliteFeedbackStore(IOptions<StateOptions> options, IStateProtector protector)
    {
        _database = new SqliteDatabase(options.Value.ConnectionString, Schema);
        _protector = protector;
    }

    public Task SaveAsync(Feedback feedback, CancellationToken cancellationToken)
        => _database.WriteAsync(connection => InsertAsync(connection, feedback, cancellationToken), cancellationToken);

    private async Task InsertAsync(SqliteConnection connection, Feedback feedback, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feedback (conversation_id, message_id, rating, comment, created_at)
            VALUES ($conversation, $message, $rating, $comment, $created)
            ON CONFLICT(conversation_id, message_id) DO UPDATE SET
                rating = excluded.rating, comment = excluded.comment, created_at = excluded.created_at
            """;
        command.Parameters.AddWithValue("$conversation", feedback.ConversationId);
        command.Parameters.AddWithValue("$message", feedback.MessageId);
        command.Parameters.AddWithValue("$rating", feedback.Rating);
        command.Parameters.AddWithValue("$comment", (object?)_protector.ProtectOptional(feedback.Comment) ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", feedback.CreatedAt.UtcDateTime.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Feedback>> ListAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT conversation_id, message_id, rating, comment, created_at FROM feedback
            WHERE conversation_id = $conversation ORDER BY created_at, message_id
            """;
        command.Parameters.AddWithValue("$conversation", conversationId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Feedback>> ListBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT conversation_id, message_id, rating, comment, created_at FROM feedback
            WHERE created_at >= $from AND created_at < $to ORDER BY created_at, conversation_id, message_id
            """;
        command.Parameters.AddWithValue("$from", from.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$to", to.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return await ReadAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<Feedback>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<Feedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new Feedback(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : _protector.Unprotect(reader.GetString(3)),
                DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return entries;
    }
}
