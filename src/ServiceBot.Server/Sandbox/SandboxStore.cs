using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Storage;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// Tickets in SQLite. Every write runs in an immediate transaction, so the idempotency check and the
/// insert are one atomic step even across concurrent requests; the unique index on the key is the last
/// line of defence. Writers queue on the file's <see cref="SqliteWriteGate"/>, so they never meet in SQLite's busy loop,
/// which sleeps the request thread. Submissions are group-committed (<see cref="SqliteGroupCommit{TWrite, TResult}"/>):
/// each waits for the disk as before, but the submissions that arrive during one commit share the next.
/// Ticket numbers are random, so knowing one tells nothing about another.
/// </summary>
public sealed class SandboxStore : ISandboxStore, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SqliteWriteGate _writeGate;
    private readonly SqliteGroupCommit<(TicketDraft Draft, string? IdempotencyKey), CreateTicketOutcome> _submissions;
    // The group-commit writer's commands, prepared once for its kept connection; only the writer touches them.
    private WriterCommands? _writerCommands;

    // Connections kept for idempotency lookups, each with its lookup prepared: enough for the submissions two cores run at once.
    private const int MaximumIdleReaders = 4;
    private readonly System.Collections.Concurrent.ConcurrentBag<KeyReader> _idleReaders = [];
    private int _idleReaderCount;

    public SandboxStore(IOptions<SandboxOptions> options, TimeProvider time)
    {
        _connectionString = options.Value.ConnectionString;
        _time = time;
        _writeGate = SqliteWriteGate.For(_connectionString);
        _submissions = new(_connectionString, OpenAsync,
            (connection, transaction, submission) => CreateAsync(connection, transaction, submission.Draft, submission.IdempotencyKey));
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(_connectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken);
        using var slot = await _writeGate.EnterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS tickets (
                ticket          TEXT PRIMARY KEY,
                task            TEXT NOT NULL,
                id_number       TEXT NULL,
                status          TEXT NOT NULL,
                slots           TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                idempotency_key TEXT NULL,
                fingerprint     TEXT NOT NULL,
                response        TEXT NOT NULL
            );
            CREATE UNIQUE INDEX IF NOT EXISTS ux_tickets_idempotency_key ON tickets (idempotency_key) WHERE idempotency_key IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_tickets_id_number ON tickets (id_number, created_at);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <remarks>
    /// Every keyed submission asks this first: it runs on a kept connection whose lookup stays prepared, rather than
    /// opening a connection and compiling the statement each time. A lookup that fails closes its connection.
    /// </remarks>
    public async Task<IdempotentTicket?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        if (!_idleReaders.TryTake(out var reader))
        {
            var connection = await OpenAsync(cancellationToken);
            reader = new KeyReader(connection);
        }
        else Interlocked.Decrement(ref _idleReaderCount);
        var kept = false;
        try
        {
            var found = await FindByKeyAsync(reader.FindByKey, null, idempotencyKey, cancellationToken);
            kept = Interlocked.Increment(ref _idleReaderCount) <= MaximumIdleReaders;
            if (kept) _idleReaders.Add(reader);
            else Interlocked.Decrement(ref _idleReaderCount);
            return found;
        }
        finally
        {
            if (!kept) await reader.DisposeAsync();
        }
    }

    public Task<CreateTicketOutcome> CreateAsync(TicketDraft draft, string? idempotencyKey, CancellationToken cancellationToken)
        => _submissions.WriteAsync((draft, idempotencyKey), cancellationToken);

    /// <summary>
    /// One submission inside the group's transaction (Microsoft.Data.Sqlite begins IMMEDIATE transactions: the write lock
    /// is taken up front), so an earlier submission with the same key, even in the same group, is found.
    /// </summary>
    private async Task<CreateTicketOutcome> CreateAsync(SqliteConnection connection, SqliteTransaction transaction, TicketDraft draft, string? idempotencyKey)
    {
        var commands = WriterCommandsFor(connection);
        if (idempotencyKey is not null && await FindByKeyAsync(commands.FindByKey, transaction, idempotencyKey, CancellationToken.None) is { } earlier)
            return new CreateTicketOutcome(earlier.Ticket, Created: false, Conflict: earlier.Fingerprint != draft.Fingerprint);

        var now = SandboxTicketClock.Now(_time);
        SandboxTicket ticket;
        do
        {
            ticket = SandboxTicketClock.NewTicket(draft, now);
        }
        while (!await TryInsertAsync(commands.Insert, transaction, ticket, draft, idempotencyKey, CancellationToken.None));
        return new CreateTicketOutcome(ticket, Created: true, Conflict: false);
    }

    private WriterCommands WriterCommandsFor(SqliteConnection connection)
    {
        if (_writerCommands is { } kept && ReferenceEquals(kept.Connection, connection)) return kept;
        // A new writer connection (the first, or one after a failed group): the old commands went with the old one.
        _writerCommands?.Dispose();
        return _writerCommands = new WriterCommands(connection);
    }

    private const string InsertTicket = """
        INSERT INTO tickets (ticket, task, id_number, status, slots, created_at, idempotency_key, fingerprint, response)
        VALUES ($ticket, $task, $id, $status, $slots, $created, $key, $fingerprint, $response)
        ON CONFLICT (ticket) DO NOTHING;
        """;

    private const string SelectByKey = "SELECT response, fingerprint FROM tickets WHERE idempotency_key = $key;";

    /// <summary>False only when the random number is already taken, which the caller answers with another.</summary>
    private static async Task<bool> TryInsertAsync(
        SqliteCommand insert, SqliteTransaction transaction, SandboxTicket ticket, TicketDraft draft, string? idempotencyKey, CancellationToken cancellationToken)
    {
        insert.Transaction = transaction;
        insert.Parameters.Clear();
        insert.Parameters.AddWithValue("$ticket", ticket.Ticket);
        insert.Parameters.AddWithValue("$task", ticket.Task);
        insert.Parameters.AddWithValue("$id", (object?)draft.Applicant ?? DBNull.Value);
        insert.Parameters.AddWithValue("$status", ticket.Status);
        insert.Parameters.AddWithValue("$slots", JsonSerializer.Serialize(ticket.Slots, Json));
        insert.Parameters.AddWithValue("$created", ticket.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$key", (object?)idempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("$fingerprint", draft.Fingerprint);
        insert.Parameters.AddWithValue("$response", JsonSerializer.Serialize(ticket, Json));
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<SandboxTicket?> GetAsync(string ticket, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ticket, task, status, slots, created_at FROM tickets WHERE ticket = $ticket COLLATE NOCASE;";
        command.Parameters.AddWithValue("$ticket", ticket);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadTicket(reader) : null;
    }

    public async Task<IReadOnlyList<SandboxTicket>> ListByApplicantAsync(string applicant, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ticket, task, status, slots, created_at FROM tickets WHERE id_number = $id COLLATE NOCASE ORDER BY created_at, ticket;";
        command.Parameters.AddWithValue("$id", applicant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tickets = new List<SandboxTicket>();
        while (await reader.ReadAsync(cancellationToken)) tickets.Add(ReadTicket(reader));
        return tickets;
    }

    public async Task<bool> SetStatusAsync(string ticket, string status, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var slot = await _writeGate.EnterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE tickets SET status = $status WHERE ticket = $ticket COLLATE NOCASE;";
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$ticket", ticket);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async ValueTask DisposeAsync()
    {
        await _submissions.DisposeAsync();
        _writerCommands?.Dispose();
        _writerCommands = null;
        while (_idleReaders.TryTake(out var reader)) await reader.DisposeAsync();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<IdempotentTicket?> FindByKeyAsync(SqliteCommand command, SqliteTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        command.Transaction = transaction;
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var original = JsonSerializer.Deserialize<SandboxTicket>(reader.GetString(0), Json)!;
        return new IdempotentTicket(original, reader.GetString(1));
    }

    /// <summary>A kept connection for idempotency lookups and its prepared lookup.</summary>
    private sealed class KeyReader : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;

        public KeyReader(SqliteConnection connection)
        {
            _connection = connection;
            FindByKey = connection.CreateCommand();
            FindByKey.CommandText = SelectByKey;
        }

        public SqliteCommand FindByKey { get; }

        public async ValueTask DisposeAsync()
        {
            await FindByKey.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }

    /// <summary>The writer's statements, compiled once on its kept connection (Microsoft.Data.Sqlite keeps a command prepared while its connection is open).</summary>
    private sealed class WriterCommands : IDisposable
    {
        public WriterCommands(SqliteConnection connection)
        {
            Connection = connection;
            FindByKey = connection.CreateCommand();
            FindByKey.CommandText = SelectByKey;
            Insert = connection.CreateCommand();
            Insert.CommandText = InsertTicket;
        }

        public SqliteConnection Connection { get; }
        public SqliteCommand FindByKey { get; }
        public SqliteCommand Insert { get; }

        public void Dispose()
        {
            FindByKey.Dispose();
            Insert.Dispose();
        }
    }

    private static SandboxTicket ReadTicket(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3), Json)!,
        DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}

/// <summary>Ticket numbers and times, the same whichever store keeps them.</summary>
public static class SandboxTicketClock
{
    // China has no daylight saving, so a fixed offset is exact and needs no time-zone database.
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Now in Beijing time, to the second.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow().ToOffset(ChinaOffset);
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>A new accepted ticket numbered PREFIX-yyyyMMdd-XXXXXXXX.</summary>
    public static SandboxTicket NewTicket(TicketDraft draft, DateTimeOffset now)
        => new($"{draft.Prefix}-{now.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{RandomTicketPart()}", draft.Task, TicketStatus.Accepted, draft.Slots, now);

    /// <summary>
    /// Eight characters of Crockford's base32 (no I, L, O or U, so it reads aloud over the phone without doubt):
    /// 40 random bits per prefix and day.
    /// </summary>
    public static string RandomTicketPart() => System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 8);
}

/// <summary>
/// What a submission asks the store to record; <see cref="Fingerprint"/> identifies the request body for idempotency.
/// <see cref="Applicant"/> is the applicant's identity document — a resident ID number, or a foreign applicant's passport
/// number (the two never look alike) — kept in the id_number column and used to list the applicant's tickets.
/// </summary>
public sealed record TicketDraft(string Task, string Prefix, string? Applicant, IReadOnlyDictionary<string, string> Slots, string Fingerprint);

/// <summary>The original response of a keyed submission and the fingerprint of the body that produced it.</summary>
public sealed record IdempotentTicket(SandboxTicket Ticket, string Fingerprint);

/// <param name="Ticket">The new ticket, or the original one when the key was seen before.</param>
/// <param name="Created">False when the key had already produced a ticket.</param>
/// <param name="Conflict">True when the key was seen before with a different body.</param>
public sealed record CreateTicketOutcome(SandboxTicket Ticket, bool Created, bool Conflict);
