using Npgsql;
using NpgsqlTypes;
using ServiceBot.Analytics;
using ServiceBot.Conversation;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage.Postgres;

/// <summary>
/// Conversation state in PostgreSQL, shared by every replica: one row per conversation (the state as JSON) and one row
/// per processed message id (the reply given), written in one transaction. The message id's primary key keeps the
/// first reply whichever replica wrote it. Both are encrypted to bytes (<c>sealed_state</c>, <c>sealed_reply</c>);
/// rows from before migration 5 hold protected text in <c>state</c> and <c>reply</c> and still read.
/// Each write stamps the conversation row with a new version, so a replica that holds the state it last saw
/// (<see cref="ConversationStateCache"/>) reads only the stamp when no other replica wrote since.
/// Given the turn analytics store, the turn's analytics row goes in the same batch, so in the same transaction.
/// </summary>
public sealed class PostgresConversationStore : IConversationStore
{
    private readonly PostgresDatabase _database;
    private readonly IStateProtector _protector;
    private readonly PostgresTurnAnalyticsStore? _turns;
    private readonly ConversationStateCache _cache = new();

    /// <param name="turns">
    /// The turn analytics of the same database: each turn the engine ran (its reply carries <see cref="Reply.Facts"/>)
    /// has its row written with the turn's state, and the analytics store no longer writes them itself.
    /// </param>
    public PostgresConversationStore(PostgresDatabase database, IStateProtector protector, PostgresTurnAnalyticsStore? turns = null)
    {
        _database = database;
        _protector = protector;
        _turns = turns;
        turns?.RecordWithTurns();
    }

    public async Task<ConversationState?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        // The state comes back only when it is not the one cached. A row an earlier version rewrote holds text in
        // state, and never counts as cached even if its stamp is unchanged.
        await using var command = new NpgsqlCommand("""
            SELECT version,
                   CASE WHEN version = @known AND state IS NULL THEN NULL ELSE sealed_state END,
                   CASE WHEN version = @known AND state IS NULL THEN NULL ELSE state END
            FROM conversations WHERE id = @id
            """, connection);
        command.Parameters.AddWithValue("id", conversationId);
        // Held from here on, so the state it holds is the one the stamp below is compared with, evicted or not.
        var cached = _cache.Find(conversationId);
        command.Parameters.Add(new NpgsqlParameter("known", NpgsqlDbType.Bigint) { Value = (object?)cached?.Version ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            _cache.Forget(conversationId);
            return null;
        }
        var version = reader.GetInt64(0);
        return Stored(reader, 1) is { } stored ? _cache.Read(conversationId, version, stored, _protector)
            : cached?.Parse() ?? throw new InvalidDataException("The conversation row holds no state.");
    }

    public async Task<ConversationState?> FindLatestAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        // Which conversation first, then its state only when it is not the one cached.
        string conversationId;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        await using (var command = new NpgsqlCommand("""
            SELECT id, version, state IS NULL FROM conversations WHERE channel = @channel AND user_id = @user
            ORDER BY updated_at DESC LIMIT 1
            """, connection))
        {
            command.Parameters.AddWithValue("channel", channel);
            command.Parameters.AddWithValue("user", userId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            conversationId = reader.GetString(0);
            if (reader.GetBoolean(2) && _cache.Find(conversationId) is { } cached && cached.Version == reader.GetInt64(1)) return cached.Parse();
        }
        return await FindAsync(conversationId, cancellationToken);
    }

    public async Task<Reply?> FindReplyAsync(string channel, string userId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT sealed_reply, reply FROM processed_messages
            WHERE channel = @channel AND user_id = @user AND message_id = @message
            """, connection);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("message", messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && Stored(reader, 0) is { } stored ? StateJson.ReadReply(stored, _protector) : null;
    }

    public async Task SaveTurnAsync(ConversationState state, string? messageId, Reply reply, CancellationToken cancellationToken)
    {
        var json = StateJson.Utf8(state);
        var version = ConversationStateCache.NewVersion();
        var sealedState = _protector.ProtectBytes(json);
        var sealedReply = messageId is null ? null : _protector.ProtectBytes(StateJson.Utf8(reply));
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Upsert(state, version, sealedState));
            // The first reply to a message id wins; a concurrent duplicate never overwrites it.
            if (messageId is not null) batch.BatchCommands.Add(Processed(state, messageId, sealedReply!));
            if (AnalyticsRow(state, reply) is { } row) batch.BatchCommands.Add(_turns!.Insert(row));
            // One round trip; a batch of several statements runs in one implicit transaction, so the turn is never half-applied.
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            // Whether the commit happened is unknown; the next read takes the row from the database.
            _cache.Forget(state.ConversationId);
            throw;
        }
        _cache.Remember(state.ConversationId, version, json);
    }

    /// <summary>The analytics row of a turn the engine ran, when this store writes them.</summary>
    private RecordedTurn? AnalyticsRow(ConversationState state, Reply reply) => _turns is null ? null : RecordedTurn.OfSavedTurn(state, reply);

    private static NpgsqlBatchCommand Upsert(ConversationState state, long version, byte[] sealedState)
    {
        var upsert = new NpgsqlBatchCommand("""
            INSERT INTO conversations (id, channel, user_id, updated_at, state, sealed_state, version)
            VALUES (@id, @channel, @user, @updated, NULL, @sealed, @version)
            ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, state = NULL, sealed_state = excluded.sealed_state,
                version = excluded.version
            """);
        upsert.Parameters.AddWithValue("id", state.ConversationId);
        upsert.Parameters.AddWithValue("channel", state.Channel);
        upsert.Parameters.AddWithValue("user", state.UserId);
        upsert.Parameters.AddWithValue("updated", state.UpdatedAt.ToUniversalTime());
        upsert.Parameters.AddWithValue("sealed", sealedState);
        upsert.Parameters.AddWithValue("version", version);
        return upsert;
    }

    private static NpgsqlBatchCommand Processed(ConversationState state, string messageId, byte[] sealedReply)
    {
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO processed_messages (channel, user_id, message_id, conversation_id, sealed_reply, created_at)
            VALUES (@channel, @user, @message, @conversation, @sealed, @created)
            ON CONFLICT DO NOTHING
            """);
        insert.Parameters.AddWithValue("channel", state.Channel);
        insert.Parameters.AddWithValue("user", state.UserId);
        insert.Parameters.AddWithValue("message", messageId);
        insert.Parameters.AddWithValue("conversation", state.ConversationId);
        insert.Parameters.AddWithValue("sealed", sealedReply);
        insert.Parameters.AddWithValue("created", state.UpdatedAt.ToUniversalTime());
        return insert;
    }

    /// <summary>The stored value at <paramref name="ordinal"/> (bytes) or the one after it (text from before migration 5), if either is set.</summary>
    private static object? Stored(NpgsqlDataReader reader, int ordinal)
        => !reader.IsDBNull(ordinal) ? reader.GetFieldValue<byte[]>(ordinal)
            : !reader.IsDBNull(ordinal + 1) ? reader.GetString(ordinal + 1)
            : null;
}
