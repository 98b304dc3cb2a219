using System.Text.Json;
using Npgsql;
using ServiceBot.Handoff;

namespace ServiceBot.Storage.Postgres;

/// <summary>The audit trail in an append-only table of the shared PostgreSQL state database.</summary>
public sealed class PostgresAuditLog(PostgresDatabase database, Protection.IStateProtector protector) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO audit_log (conversation_id, at, actor, action, detail, cited)
            VALUES (@conversation, @at, @actor, @action, @detail, @cited)
            """, connection);
        command.Parameters.AddWithValue("conversation", entry.ConversationId);
        command.Parameters.AddWithValue("at", entry.At.ToUniversalTime());
        command.Parameters.AddWithValue("actor", entry.Actor);
        command.Parameters.AddWithValue("action", entry.Action);
        command.Parameters.AddWithValue("detail", (object?)Protection.StateProtectorExtensions.ProtectOptional(protector, entry.Detail) ?? DBNull.Value);
        command.Parameters.AddWithValue("cited", JsonSerializer.Serialize(entry.Cited));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT conversation_id, at, actor, action, detail, cited FROM audit_log WHERE conversation_id = @conversation ORDER BY id", connection);
        command.Parameters.AddWithValue("conversation", conversationId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT conversation_id, at, actor, action, detail, cited FROM audit_log WHERE at >= @from AND at < @to ORDER BY id", connection);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        return await ReadAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : protector.Unprotect(reader.GetString(4)),
                JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? []));
        }
        return entries;
    }
}
