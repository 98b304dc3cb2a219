using Npgsql;
using ServiceBot.Storage.Postgres;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Analytics;

/// <summary>
/// The turn analytics in the shared PostgreSQL state database (migration 4); question texts are encrypted, as bytes under
/// the state's data key in <c>sealed_question</c> (migration 6); rows from before hold Data Protection text in <c>question</c>.
/// </summary>
public sealed class PostgresTurnAnalyticsStore(PostgresDatabase database, IStateProtector protector) : ITurnAnalyticsStore
{
    public bool RecordedWithTurns { get; private set; }

    /// <summary>A conversation store on the same database writes the rows from now on, each in its turn's batch.</summary>
    internal void RecordWithTurns() => RecordedWithTurns = true;

    public async Task RecordAsync(RecordedTurn turn, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Insert(turn));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The row's insert, its question encrypted, for a batch of the caller's.</summary>
    internal NpgsqlBatchCommand Insert(RecordedTurn turn)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO turns (at, channel, conversation_id, user_hash, outcome, handed_off, sealed_question, task_name, task_run, task_state, asked_slot)
            VALUES (@at, @channel, @conversation, @user, @outcome, @handed_off, @question, @task, @run, @state, @slot)
            """);
        command.Parameters.AddWithValue("at", turn.At.ToUniversalTime());
        command.Parameters.AddWithValue("channel", turn.Channel);
        command.Parameters.AddWithValue("conversation", turn.ConversationId);
        command.Parameters.AddWithValue("user", turn.UserHash);
        command.Parameters.AddWithValue("outcome", turn.Outcome);
        command.Parameters.AddWithValue("handed_off", turn.HandedOff);
        command.Parameters.Add(new NpgsqlParameter("question", NpgsqlTypes.NpgsqlDbType.Bytea) { Value = (object?)protector.ProtectTextBytes(turn.Question) ?? DBNull.Value });
        command.Parameters.AddWithValue("task", (object?)turn.TaskName ?? DBNull.Value);
        command.Parameters.AddWithValue("run", (object?)turn.TaskRun ?? DBNull.Value);
        command.Parameters.AddWithValue("state", (object?)turn.TaskState ?? DBNull.Value);
        command.Parameters.AddWithValue("slot", (object?)turn.AskedSlot ?? DBNull.Value);
        return command;
    }

    public async Task<IReadOnlyList<RecordedTurn>> ListAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string>? outcomes,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT at, channel, conversation_id, user_hash, outcome, handed_off, question, task_name, task_run, task_state, asked_slot,
                   sealed_question FROM turns
            WHERE at >= @from AND at < @to AND (cardinality(@outcomes) = 0 OR outcome = ANY(@outcomes)) ORDER BY at, id
            """, connection);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.AddWithValue("outcomes", (outcomes ?? []).ToArray());
        var turns = new List<RecordedTurn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            turns.Add(new RecordedTurn(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetBoolean(5),
                Question(reader),
                Optional(reader, 7),
                Optional(reader, 8),
                Optional(reader, 9),
                Optional(reader, 10)));
        }
        return turns;
    }

    private string? Question(NpgsqlDataReader reader)
        => !reader.IsDBNull(11) ? protector.UnprotectText(reader.GetFieldValue<byte[]>(11))
            : reader.IsDBNull(6) ? null : protector.Unprotect(reader.GetString(6));

    private static string? Optional(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
