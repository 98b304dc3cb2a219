using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Analytics;

/// <summary>
/// The turn analytics in the conversation database (<c>State:ConnectionString</c>); question texts are encrypted, as
/// bytes under the state's data key (rows from earlier versions hold Data Protection text, and still read).
/// </summary>
public sealed class SqliteTurnAnalyticsStore : ITurnAnalyticsStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS turns (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            channel TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            user_hash TEXT NOT NULL,
            outcome TEXT NOT NULL,
            handed_off INTEGER NOT NULL,
            question TEXT,
            task_name TEXT,
            task_run TEXT,
            task_state TEXT,
            asked_slot TEXT);
        CREATE INDEX IF NOT EXISTS ix_turns_at ON turns (at);
        CREATE INDEX IF NOT EXISTS ix_turns_user ON turns (channel, user_hash);
        """;

    private readonly SqliteDatabase _database;
    private readonly IStateProtector _protector;

    public SqliteTurnAnalyticsStore(IOptions<StateOptions> options, IStateProtector protector)
    {
        _database = new SqliteDatabase(options.Value.ConnectionString, Schema);
        _protector = protector;
    }

    // Bound by position (SqliteStatement): ?1 at, ?2 channel, ?3 conversation, ?4 user, ?5 outcome, ?6 handed_off,
    // ?7 question, ?8 task, ?9 run, ?10 state, ?11 slot.
    private const string InsertRow = """
        INSERT INTO turns (at, channel, conversation_id, user_hash, outcome, handed_off, question, task_name, task_run, task_state, asked_slot)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        """;

    public bool RecordedWithTurns { get; private set; }

    /// <summary>A conversation store of the same file writes the rows from now on, each in its turn's transaction.</summary>
    internal void RecordWithTurns() => RecordedWithTurns = true;

    public Task RecordAsync(RecordedTurn turn, CancellationToken cancellationToken)
    {
        var row = Seal(turn);
        return _database.WriteTransactionAsync(session =>
        {
            Insert(session, row);
            return Task.FromResult(true);
        }, cancellationToken);
    }

    /// <summary>The row with its question encrypted, done before the writer slot is taken.</summary>
    internal SealedTurn Seal(RecordedTurn turn) => new(turn, _protector.ProtectTextBytes(turn.Question));

    /// <summary>Adds the row inside the caller's transaction.</summary>
    internal static void Insert(SqliteSession session, SealedTurn row)
    {
        var turn = row.Turn;
        session.Statement(InsertRow)
            // Fixed-width UTC ISO 8601, so text order is time order (as in the other tables).
            .Bind(1, turn.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))
            .Bind(2, turn.Channel)
            .Bind(3, turn.ConversationId)
            .Bind(4, turn.UserHash)
            .Bind(5, turn.Outcome)
            .Bind(6, turn.HandedOff ? 1 : 0)
            .BindOrNull(7, row.SealedQuestion)
            .BindOrNull(8, turn.TaskName)
            .BindOrNull(9, turn.TaskRun)
            .BindOrNull(10, turn.TaskState)
            .BindOrNull(11, turn.AskedSlot)
            .Execute();
    }

    public async Task<IReadOnlyList<RecordedTurn>> ListAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string>? outcomes,
        CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var filter = "";
        if (outcomes is { Count: > 0 })
        {
            var names = outcomes.Select((outcome, i) => (Name: "$o" + i, outcome)).ToList();
            foreach (var (name, outcome) in names) command.Parameters.AddWithValue(name, outcome);
            filter = $" AND outcome IN ({string.Join(", ", names.Select(n => n.Name))})";
        }
        command.CommandText = $"""
            SELECT at, channel, conversation_id, user_hash, outcome, handed_off, question, task_name, task_run, task_state, asked_slot FROM turns
            WHERE at >= $from AND at < $to{filter} ORDER BY at, id
            """;
        command.Parameters.AddWithValue("$from", from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$to", to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        var turns = new List<RecordedTurn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            turns.Add(new RecordedTurn(
                DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt64(5) != 0,
                reader.IsDBNull(6) ? null : _protector.UnprotectText(reader.GetValue(6)),
                Optional(reader, 7),
                Optional(reader, 8),
                Optional(reader, 9),
                Optional(reader, 10)));
        }
        return turns;
    }

    private static string? Optional(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>A turn analytics row whose question text is already encrypted.</summary>
internal sealed record SealedTurn(RecordedTurn Turn, byte[]? SealedQuestion);
