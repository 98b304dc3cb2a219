using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Handoff;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage;

/// <summary>
/// The audit trail in its own append-only table of the conversation database. Details are encrypted: an agent's
/// message may repeat what the user typed.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT,
            cited TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_audit_conversation ON audit_log (conversation_id, id);
        """;

    private readonly SqliteDatabase _database;
    private readonly IStateProtector _protector;

    public SqliteAuditLog(IOptions<StateOptions> options, IStateProtector protector)
    {
        _database = new SqliteDatabase(options.Value.ConnectionString, Schema);
        _protector = protector;
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
        => _database.WriteAsync(connection => InsertAsync(connection, entry, cancellationToken), cancellationToken);

    private async Task InsertAsync(SqliteConnection connection, AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit_log (conversation_id, at, actor, action, detail, cited)
            VALUES ($conversation, $at, $actor, $action, $detail, $cited)
            """;
        command.Parameters.AddWithValue("$conversation", entry.ConversationId);
        command.Parameters.AddWithValue("$at", entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$actor", entry.Actor);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$detail", (object?)_protector.ProtectOptional(entry.Detail) ?? DBNull.Value);
        command.Parameters.AddWithValue("$cited", JsonSerializer.Serialize(entry.Cited));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id, at, actor, action, detail, cited FROM audit_log WHERE conversation_id = $conversation ORDER BY id";
        command.Parameters.AddWithValue("$conversation", conversationId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT conversation_id, at, actor, action, detail, cited FROM audit_log WHERE at >= $from AND at < $to ORDER BY id";
        command.Parameters.AddWithValue("$from", from.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$to", to.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        return await ReadAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetString(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : _protector.Unprotect(reader.GetString(4)),
                JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? []));
        }
        return entries;
    }
}
