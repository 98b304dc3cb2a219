using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ServiceBot.Storage;

/// <summary>
/// Feedback in its own table of the conversation database (<c>State:ConnectionString</c>), so one
/// file holds everything a conversation produced.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS feedback (
            conversation_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
            comment TEXT,
            created_at TEXT NOT NULL,
            PRIMARY KEY (conversation_id, message_id));
        """;

    private readonly SqliteDatabase _database;

    public SqliteFeedbackStore(IOptions<StateOptions> options)
    {
        _database = new SqliteDatabase(options.Value.ConnectionString, Schema);
    }

    public async Task SaveAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
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
        command.Parameters.AddWithValue("$comment", (object?)feedback.Comment ?? DBNull.Value);
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
        var entries = new List<Feedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new Feedback(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return entries;
    }

    }
