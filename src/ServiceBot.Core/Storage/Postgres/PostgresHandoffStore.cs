using System.Data.Common;
using Npgsql;
using ServiceBot.Handoff;

namespace ServiceBot.Storage.Postgres;

/// <summary>
/// The handoff queue and transcripts in the shared PostgreSQL state database. Take-over and close are single
/// conditional UPDATEs: a second writer waits for the first's row lock and re-checks the condition, so of two agents
/// on two replicas racing for one conversation exactly one wins.
/// </summary>
public sealed class PostgresHandoffStore(PostgresDatabase database) : IHandoffStore
{
    private const string Columns =
        "conversation_id, channel, user_id, state, reason, waiting_since, agent, taken_at, closed_at, outcome, summary";

    public async Task<HandoffRecord?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM handoffs WHERE conversation_id = @id", connection);
        command.Parameters.AddWithValue("id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task OpenAsync(HandoffRecord handoff, IReadOnlyList<TranscriptEntry> lines, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO handoffs (conversation_id, channel, user_id, state, reason, waiting_since)
            VALUES (@id, @channel, @user, @state, @reason, @since)
            ON CONFLICT (conversation_id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
                waiting_since = excluded.waiting_since, agent = NULL, taken_at = NULL, closed_at = NULL, outcome = NULL, summary = NULL
            """, connection, transaction))
        {
            upsert.Parameters.AddWithValue("id", handoff.ConversationId);
            upsert.Parameters.AddWithValue("channel", handoff.Channel);
            upsert.Parameters.AddWithValue("user", handoff.UserId);
            upsert.Parameters.AddWithValue("state", handoff.State);
            upsert.Parameters.AddWithValue("reason", handoff.Reason);
            upsert.Parameters.AddWithValue("since", handoff.WaitingSince.ToUniversalTime());
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        DateTimeOffset? last;
        await using (var latest = new NpgsqlCommand("SELECT MAX(at) FROM transcript_lines WHERE conversation_id = @id", connection, transaction))
        {
            latest.Parameters.AddWithValue("id", handoff.ConversationId);
            last = await latest.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
        }
        // The column keeps microseconds: compare at that precision, or a line already written would look newer.
        foreach (var line in lines.Where(l => last is null || ToMicroseconds(l.At) > last))
            await InsertLineAsync(connection, transaction, line, messageId: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffRecord>> ListAsync(IReadOnlyCollection<string> states, CancellationToken cancellationToken)
    {
        if (states.Count == 0) return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM handoffs WHERE state = ANY(@states) ORDER BY waiting_since, conversation_id", connection);
        command.Parameters.AddWithValue("states", states.ToArray());
        var found = new List<HandoffRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found.Add(Read(reader));
        return found;
    }

    public async Task<int> QueuePositionAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT CASE WHEN me.state = 'waiting' THEN
                (SELECT COUNT(*) FROM handoffs other WHERE other.state = 'waiting'
                    AND (other.waiting_since < me.waiting_since
                         OR other.waiting_since = me.waiting_since AND other.conversation_id <= me.conversation_id))
                ELSE 0 END
            FROM handoffs me WHERE me.conversation_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? (int)position : 0;
    }

    public Task<bool> TryTakeOverAsync(string conversationId, string agent, DateTimeOffset at, CancellationToken cancellationToken)
        => UpdateAsync("""
            UPDATE handoffs SET state = 'active', agent = @agent, taken_at = COALESCE(CASE WHEN agent = @agent THEN taken_at END, @at)
            WHERE conversation_id = @id AND (state = 'waiting' OR state = 'active' AND agent = @agent)
            """, conversationId, cancellationToken, ("agent", agent), ("at", at.ToUniversalTime()));

    public Task<bool> TryCloseAsync(string conversationId, string? holder, string outcome, DateTimeOffset at, CancellationToken cancellationToken)
        => holder is null
            ? UpdateAsync("UPDATE handoffs SET state = 'closed', outcome = @outcome, closed_at = @at WHERE conversation_id = @id AND state IN ('waiting', 'active')",
                conversationId, cancellationToken, ("outcome", outcome), ("at", at.ToUniversalTime()))
            : UpdateAsync("UPDATE handoffs SET state = 'closed', outcome = @outcome, closed_at = @at WHERE conversation_id = @id AND state = 'active' AND agent = @agent",
                conversationId, cancellationToken, ("outcome", outcome), ("at", at.ToUniversalTime()), ("agent", holder));

    public Task SetSummaryAsync(string conversationId, string summary, CancellationToken cancellationToken)
        => UpdateAsync("UPDATE handoffs SET summary = @summary WHERE conversation_id = @id", conversationId, cancellationToken, ("summary", summary));

    public Task SetChannelAddressAsync(string conversationId, string address, CancellationToken cancellationToken)
        => UpdateAsync("UPDATE handoffs SET channel_address = @address WHERE conversation_id = @id", conversationId, cancellationToken, ("address", address));

    public async Task<string?> FindChannelAddressAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT channel_address FROM handoffs WHERE conversation_id = @id", connection);
        command.Parameters.AddWithValue("id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<long> AppendAsync(TranscriptEntry line, string? messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await InsertLineAsync(connection, null, line, messageId, cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string conversationId, long afterId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT id, conversation_id, speaker, text, at, agent FROM transcript_lines
            WHERE conversation_id = @id AND id > @after ORDER BY id
            """, connection);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("after", afterId);
        var lines = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new TranscriptEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return lines;
    }

    private static async Task<long> InsertLineAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, TranscriptEntry line, string? messageId,
        CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO transcript_lines (conversation_id, speaker, text, at, agent, message_id)
            VALUES (@conversation, @speaker, @text, @at, @agent, @message)
            ON CONFLICT DO NOTHING RETURNING id
            """, connection, transaction);
        insert.Parameters.AddWithValue("conversation", line.ConversationId);
        insert.Parameters.AddWithValue("speaker", line.Speaker);
        insert.Parameters.AddWithValue("text", line.Text);
        insert.Parameters.AddWithValue("at", line.At.ToUniversalTime());
        insert.Parameters.AddWithValue("agent", (object?)line.Agent ?? DBNull.Value);
        insert.Parameters.AddWithValue("message", (object?)messageId ?? DBNull.Value);
        if (await insert.ExecuteScalarAsync(cancellationToken) is long id) return id;

        // A redelivered message is written once; the line written the first time is the answer.
        await using var earlier = new NpgsqlCommand(
            "SELECT id FROM transcript_lines WHERE conversation_id = @conversation AND speaker = @speaker AND message_id = @message",
            connection, transaction);
        earlier.Parameters.AddWithValue("conversation", line.ConversationId);
        earlier.Parameters.AddWithValue("speaker", line.Speaker);
        earlier.Parameters.AddWithValue("message", (object?)messageId ?? DBNull.Value);
        return await earlier.ExecuteScalarAsync(cancellationToken) is long existing ? existing : 0;
    }

    private async Task<bool> UpdateAsync(string sql, string conversationId, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", conversationId);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static HandoffRecord Read(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5), OptionalText(reader, 6), OptionalTime(reader, 7),
        OptionalTime(reader, 8), OptionalText(reader, 9), OptionalText(reader, 10));

    private static string? OptionalText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? OptionalTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static DateTimeOffset ToMicroseconds(DateTimeOffset at) => at.AddTicks(-(at.UtcTicks % 10));
}
