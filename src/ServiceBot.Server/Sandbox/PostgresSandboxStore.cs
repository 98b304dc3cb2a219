using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ServiceBot.Server.Sandbox;

/// <summary>
/// Tickets in PostgreSQL, so one sandbox process (or several) serves every replica. A keyed submission takes a
/// transaction-scoped advisory lock on its key, so the idempotency check and the insert are one step across processes;
/// the unique index on the key is the last line of defence.
/// </summary>
public sealed class PostgresSandboxStore(IOptions<SandboxOptions> options, TimeProvider time) : ISandboxStore, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT pg_advisory_lock(hashtextextended('servicebot.sandbox.schema', 0));
            CREATE TABLE IF NOT EXISTS sandbox_tickets (
                ticket          text PRIMARY KEY,
                task            text NOT NULL,
                id_number       text NULL,
                status          text NOT NULL,
                slots           text NOT NULL,
                created_at      timestamptz NOT NULL,
                idempotency_key text NULL,
                fingerprint     text NOT NULL,
                response        text NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_sandbox_tickets_key ON sandbox_tickets (idempotency_key) WHERE idempotency_key IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_sandbox_tickets_id_number ON sandbox_tickets (upper(id_number), created_at);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_sandbox_tickets_upper ON sandbox_tickets (upper(ticket));
            SELECT pg_advisory_unlock(hashtextextended('servicebot.sandbox.schema', 0));
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IdempotentTicket?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await FindByKeyAsync(connection, null, idempotencyKey, cancellationToken);
    }

    public async Task<CreateTicketOutcome> CreateAsync(TicketDraft draft, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (idempotencyKey is not null)
        {
            await using (var lockKey = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", connection, transaction))
            {
                lockKey.Parameters.AddWithValue("key", "servicebot.sandbox.key:" + idempotencyKey);
                await lockKey.ExecuteNonQueryAsync(cancellationToken);
            }
            if (await FindByKeyAsync(connection, transaction, idempotencyKey, cancellationToken) is { } earlier)
                return new CreateTicketOutcome(earlier.Ticket, Created: false, Conflict: earlier.Fingerprint != draft.Fingerprint);
        }

        var now = SandboxTicketClock.Now(time);
        SandboxTicket ticket;
        do
        {
            ticket = SandboxTicketClock.NewTicket(draft, now);
        }
        while (!await TryInsertAsync(connection, transaction, ticket, draft, idempotencyKey, cancellationToken));

        await transaction.CommitAsync(cancellationToken);
        return new CreateTicketOutcome(ticket, Created: true, Conflict: false);
    }

    public async Task<SandboxTicket?> GetAsync(string ticket, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT ticket, task, status, slots, created_at FROM sandbox_tickets WHERE upper(ticket) = upper(@ticket)", connection);
        command.Parameters.AddWithValue("ticket", ticket);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadTicket(reader) : null;
    }

    public async Task<IReadOnlyList<SandboxTicket>> ListByApplicantAsync(string applicant, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT ticket, task, status, slots, created_at FROM sandbox_tickets WHERE upper(id_number) = upper(@id) ORDER BY created_at, ticket",
            connection);
        command.Parameters.AddWithValue("id", applicant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tickets = new List<SandboxTicket>();
        while (await reader.ReadAsync(cancellationToken)) tickets.Add(ReadTicket(reader));
        return tickets;
    }

    public async Task<bool> SetStatusAsync(string ticket, string status, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE sandbox_tickets SET status = @status WHERE upper(ticket) = upper(@ticket)", connection);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("ticket", ticket);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>False only when the random number is already taken, which the caller answers with another.</summary>
    private static async Task<bool> TryInsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SandboxTicket ticket, TicketDraft draft,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO sandbox_tickets (ticket, task, id_number, status, slots, created_at, idempotency_key, fingerprint, response)
            VALUES (@ticket, @task, @id, @status, @slots, @created, @key, @fingerprint, @response)
            ON CONFLICT (ticket) DO NOTHING
            """, connection, transaction);
        insert.Parameters.AddWithValue("ticket", ticket.Ticket);
        insert.Parameters.AddWithValue("task", ticket.Task);
        insert.Parameters.AddWithValue("id", (object?)draft.Applicant ?? DBNull.Value);
        insert.Parameters.AddWithValue("status", ticket.Status);
        insert.Parameters.AddWithValue("slots", JsonSerializer.Serialize(ticket.Slots, Json));
        insert.Parameters.AddWithValue("created", ticket.CreatedAt.ToUniversalTime());
        insert.Parameters.AddWithValue("key", (object?)idempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("fingerprint", draft.Fingerprint);
        insert.Parameters.AddWithValue("response", JsonSerializer.Serialize(ticket, Json));
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IdempotentTicket?> FindByKeyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string key,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT response, fingerprint FROM sandbox_tickets WHERE idempotency_key = @key", connection, transaction);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new IdempotentTicket(JsonSerializer.Deserialize<SandboxTicket>(reader.GetString(0), Json)!, reader.GetString(1));
    }

    private static SandboxTicket ReadTicket(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3), Json)!,
        reader.GetFieldValue<DateTimeOffset>(4).ToOffset(SandboxTicketClock.ChinaOffset));
}
