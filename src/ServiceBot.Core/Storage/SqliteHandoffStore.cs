using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Handoff;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage;

/// <summary>
/// The handoff queue (one row per conversation, reopened by a later handoff) and the transcripts, in the
/// conversation database. Take-over and close are single conditional UPDATEs: SQLite runs writers one at a time,
/// so of two agents racing only the first finds the row still waiting. Transcript texts and summaries are encrypted.
/// </summary>
public sealed class SqliteHandoffStore : IHandoffStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS handoffs (
            conversation_id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            user_id TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'closed')),
            reason TEXT NOT NULL,
            waiting_since TEXT NOT NULL,
            agent TEXT,
            taken_at TEXT,
            closed_at TEXT,
            outcome TEXT,
            summary TEXT,
            channel_address TEXT);
        CREATE INDEX IF NOT EXISTS ix_handoffs_state ON handoffs (state, waiting_since);
        CREATE TABLE IF NOT EXISTS transcript_lines (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL,
            speaker TEXT NOT NULL,
            text TEXT NOT NULL,
            at TEXT NOT NULL,
            agent TEXT,
            message_id TEXT);
        CREATE INDEX IF NOT EXISTS ix_transcript_conversation ON transcript_lines (conversation_id, id);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_transcript_message ON transcript_lines (conversation_id, speaker, message_id)
            WHERE message_id IS NOT NULL;
        """;

    private const string Columns =
        "conversation_id, channel, user_id, state, reason, waiting_since, agent, taken_at, closed_at, outcome, summary";

    private readonly SqliteDatabase _database;
    private readonly IStateProtector _protector;

    public SqliteHandoffStore(IOptions<StateOptions> options, IStateProtector protector)
    {
        _database = new SqliteDatabase(options.Value.ConnectionString, Schema);
        _protector = protector;
    }

    public async Task<HandoffRecord?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM handoffs WHERE conversation_id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public Task OpenAsync(HandoffRecord handoff, IReadOnlyList<TranscriptEntry> lines, CancellationToken cancellationToken)
        => _database.WriteAsync(connection => OpenAsync(connection, handoff, lines, cancellationToken), cancellationToken);

    private async Task OpenAsync(SqliteConnection connection, HandoffRecord handoff, IReadOnlyList<TranscriptEntry> lines, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO handoffs (conversation_id, channel, user_id, state, reason, waiting_since)
                VALUES ($id, $channel, $user, $state, $reason, $since)
                ON CONFLICT(conversation_id) DO UPDATE SET state = excluded.state, reason = excluded.reason,
                    waiting_since = excluded.waiting_since, agent = NULL, taken_at = NULL, closed_at = NULL, outcome = NULL, summary = NULL
                """;
            upsert.Parameters.AddWithValue("$id", handoff.ConversationId);
            upsert.Parameters.AddWithValue("$channel", handoff.Channel);
            upsert.Parameters.AddWithValue("$user", handoff.UserId);
            upsert.Parameters.AddWithValue("$state", handoff.State);
            upsert.Parameters.AddWithValue("$reason", handoff.Reason);
            upsert.Parameters.AddWithValue("$since", Format(handoff.WaitingSince));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        DateTimeOffset? last;
        await using (var latest = connection.CreateCommand())
        {
            latest.Transaction = transaction;
            latest.CommandText = "SELECT MAX(at) FROM transcript_lines WHERE conversation_id = $id";
            latest.Parameters.AddWithValue("$id", handoff.ConversationId);
            last = await latest.ExecuteScalarAsync(cancellationToken) is string at ? Parse(at) : null;
        }
        foreach (var line in lines.Where(l => last is null || l.At > last))
            await InsertLineAsync(connection, transaction, line, messageId: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffRecord>> ListAsync(IReadOnlyCollection<string> states, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = states.Select((_, i) => "$s" + i).ToList();
        command.CommandText = $"SELECT {Columns} FROM handoffs WHERE state IN ({string.Join(", ", names)}) ORDER BY waiting_since, conversation_id";
        foreach (var (state, i) in states.Select((s, i) => (s, i))) command.Parameters.AddWithValue("$s" + i, state);
        if (names.Count == 0) return [];
        var found = new List<HandoffRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found.Add(Read(reader));
        return found;
    }

    public async Task<int> QueuePositionAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT CASE WHEN me.state = 'waiting' THEN
                (SELECT COUNT(*) FROM handoffs other WHERE other.state = 'waiting'
                    AND (other.waiting_since < me.waiting_since
                         OR other.waiting_since = me.waiting_since AND other.conversation_id <= me.conversation_id))
                ELSE 0 END
            FROM handoffs me WHERE me.conversation_id = $id
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? (int)position : 0;
    }

    public Task<bool> TryTakeOverAsync(string conversationId, string agent, DateTimeOffset at, CancellationToken cancellationToken)
        => UpdateAsync("""
            UPDATE handoffs SET state = 'active', agent = $agent, taken_at = COALESCE(CASE WHEN agent = $agent THEN taken_at END, $at)
            WHERE conversation_id = $id AND (state = 'waiting' OR state = 'active' AND agent = $agent)
            """, conversationId, cancellationToken, ("$agent", agent), ("$at", Format(at)));

    public Task<bool> TryCloseAsync(string conversationId, string? holder, string outcome, DateTimeOffset at, CancellationToken cancellationToken)
        => UpdateAsync(holder is null
            ? "UPDATE handoffs SET state = 'closed', outcome = $outcome, closed_at = $at WHERE conversation_id = $id AND state IN ('waiting', 'active')"
            : "UPDATE handoffs SET state = 'closed', outcome = $outcome, closed_at = $at WHERE conversation_id = $id AND state = 'active' AND agent = $agent",
            conversationId, cancellationToken, ("$outcome", outcome), ("$at", Format(at)), ("$agent", holder ?? ""));

    public Task SetSummaryAsync(string conversationId, string summary, CancellationToken cancellationToken)
        => UpdateAsync("UPDATE handoffs SET summary = $summary WHERE conversation_id = $id", conversationId, cancellationToken, ("$summary", _protector.Protect(summary)));

    public Task SetChannelAddressAsync(string conversationId, string address, CancellationToken cancellationToken)
        => UpdateAsync("UPDATE handoffs SET channel_address = $address WHERE conversation_id = $id", conversationId, cancellationToken, ("$address", address));

    public async Task<string?> FindChannelAddressAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel_address FROM handoffs WHERE conversation_id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task<long> AppendAsync(TranscriptEntry line, string? messageId, CancellationToken cancellationToken)
        => _database.WriteAsync(connection => InsertLineAsync(connection, null, line, messageId, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync(string conversationId, long afterId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, conversation_id, speaker, text, at, agent FROM transcript_lines
            WHERE conversation_id = $id AND id > $after ORDER BY id
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", afterId);
        var lines = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new TranscriptEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), _protector.Unprotect(reader.GetString(3)), Parse(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        return lines;
    }

    private async Task<long> InsertLineAsync(SqliteConnection connection, SqliteTransaction? transaction, TranscriptEntry line, string? messageId,
        CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO transcript_lines (conversation_id, speaker, text, at, agent, message_id)
            VALUES ($conversation, $speaker, $text, $at, $agent, $message) RETURNING id
            """;
        insert.Parameters.AddWithValue("$conversation", line.ConversationId);
        insert.Parameters.AddWithValue("$speaker", line.Speaker);
        insert.Parameters.AddWithValue("$text", _protector.Protect(line.Text));
        insert.Parameters.AddWithValue("$at", Format(line.At));
        insert.Parameters.AddWithValue("$agent", (object?)line.Agent ?? DBNull.Value);
        insert.Parameters.AddWithValue("$message", (object?)messageId ?? DBNull.Value);
        if (await insert.ExecuteScalarAsync(cancellationToken) is long id) return id;

        // A redelivered message is written once; the line written the first time is the answer.
        await using var earlier = connection.CreateCommand();
        earlier.Transaction = transaction;
        earlier.CommandText = "SELECT id FROM transcript_lines WHERE conversation_id = $conversation AND speaker = $speaker AND message_id = $message";
        earlier.Parameters.AddWithValue("$conversation", line.ConversationId);
        earlier.Parameters.AddWithValue("$speaker", line.Speaker);
        earlier.Parameters.AddWithValue("$message", (object?)messageId ?? DBNull.Value);
        return await earlier.ExecuteScalarAsync(cancellationToken) is long existing ? existing : 0;
    }

    private Task<bool> UpdateAsync(string sql, string conversationId, CancellationToken cancellationToken, params (string Name, string Value)[] parameters)
        => _database.WriteAsync(connection => UpdateAsync(connection, sql, conversationId, parameters, cancellationToken), cancellationToken);

    private static async Task<bool> UpdateAsync(SqliteConnection connection, string sql, string conversationId, (string Name, string Value)[] parameters,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", conversationId);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private HandoffRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Parse(reader.GetString(5)),
        Optional(reader, 6), Optional(reader, 7) is { } taken ? Parse(taken) : null, Optional(reader, 8) is { } closed ? Parse(closed) : null,
        Optional(reader, 9), _protector.UnprotectOptional(Optional(reader, 10)));

    private static string? Optional(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // Fixed-width UTC text sorts in time order, which the queue order and "newer than" rely on.
    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
