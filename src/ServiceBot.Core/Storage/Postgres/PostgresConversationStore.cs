using Npgsql;
using NpgsqlTypes;
using ServiceBot.Analytics;
using ServiceBot.Conversation;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage.Postgres;

/// <summary>
/// Conversation state in PostgreSQL, shared by every replica: one row per conversation (the state as JSON, its history
/// apart), one row per exchange of its history (<see cref="StoredHistory"/>) and one row per processed message id (the
/// reply given), written in one transaction. The message id's primary key keeps the
/// first reply whichever replica wrote it. Both are encrypted to bytes (<c>sealed_state</c>, <c>sealed_reply</c>);
/// rows from before migration 5 hold protected text in <c>state</c> and <c>reply</c> and still read, as do rows from
/// before migration 6, whose state holds its history inline (moved out on their next save).
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
        // The state and its history rows come back only when the state is not the one cached. A row an earlier version
        // rewrote holds text in state, and never counts as cached even if its stamp is unchanged. One statement, so the
        // history rows are those of the same commit as the state.
        await using var command = new NpgsqlCommand("""
            SELECT c.version,
                   CASE WHEN c.version IS NOT DISTINCT FROM @known AND c.state IS NULL THEN NULL ELSE c.sealed_state END,
                   CASE WHEN c.version IS NOT DISTINCT FROM @known AND c.state IS NULL THEN NULL ELSE c.state END,
                   c.history_from, c.history_to, t.sealed_turn
            FROM conversations c
            LEFT JOIN conversation_turns t ON NOT (c.version IS NOT DISTINCT FROM @known AND c.state IS NULL)
                AND t.conversation_id = c.id AND t.seq >= c.history_from AND t.seq < c.history_to
            WHERE c.id = @id ORDER BY t.seq
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
        if (Stored(reader, 1) is not { } stored) return cached?.Parse() ?? throw new InvalidDataException("The conversation row holds no state.");
        if (reader.IsDBNull(3)) return _cache.Read(conversationId, version, stored, history: null, _protector);
        var from = reader.GetInt64(3);
        var to = reader.GetInt64(4);
        var turns = new List<TurnRecord>((int)Math.Min(to - from, ConversationState.HistoryLimit));
        do
        {
            if (!reader.IsDBNull(5)) turns.Add(StateJson.ParseTurn(_protector.UnprotectBytes(reader.GetFieldValue<byte[]>(5))));
        }
        while (await reader.ReadAsync(cancellationToken));
        return _cache.Read(conversationId, version, stored, new StoredHistory(from, to, [.. turns]), _protector);
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
        var json = StateJson.Utf8WithoutHistory(state);
        var history = HistoryWrite.For(state.History, _cache.Find(state.ConversationId)?.History, _protector);
        var version = ConversationStateCache.NewVersion();
        var sealedState = _protector.ProtectBytes(json);
        var sealedReply = messageId is null ? null : _protector.ProtectBytes(StateJson.Utf8(reply));
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Upsert(state, version, sealedState, history));
            if (history.ReplacesAll) batch.BatchCommands.Add(DeleteHistory(state.ConversationId));
            foreach (var exchange in history.Rows) batch.BatchCommands.Add(InsertHistory(state.ConversationId, exchange));
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
        _cache.Remember(state.ConversationId, version, json, history.Stored);
    }

    /// <summary>The analytics row of a turn the engine ran, when this store writes them.</summary>
    private RecordedTurn? AnalyticsRow(ConversationState state, Reply reply) => _turns is null ? null : RecordedTurn.OfSavedTurn(state, reply);

    private static NpgsqlBatchCommand Upsert(ConversationState state, long version, byte[] sealedState, HistoryWrite history)
    {
        var upsert = new NpgsqlBatchCommand("""
            INSERT INTO conversations (id, channel, user_id, updated_at, state, sealed_state, version, history_from, history_to)
            VALUES (@id, @channel, @user, @updated, NULL, @sealed, @version, @from, @to)
            ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, state = NULL, sealed_state = excluded.sealed_state,
                version = excluded.version, history_from = excluded.history_from, history_to = excluded.history_to
            """);
        upsert.Parameters.AddWithValue("id", state.ConversationId);
        upsert.Parameters.AddWithValue("channel", state.Channel);
        upsert.Parameters.AddWithValue("user", state.UserId);
        upsert.Parameters.AddWithValue("updated", state.UpdatedAt.ToUniversalTime());
        upsert.Parameters.AddWithValue("sealed", sealedState);
        upsert.Parameters.AddWithValue("version", version);
        upsert.Parameters.AddWithValue("from", history.From);
        upsert.Parameters.AddWithValue("to", history.To);
        return upsert;
    }

    private static NpgsqlBatchCommand DeleteHistory(string conversationId)
    {
        var delete = new NpgsqlBatchCommand("DELETE FROM conversation_turns WHERE conversation_id = @conversation");
        delete.Parameters.AddWithValue("conversation", conversationId);
        return delete;
    }

    private static NpgsqlBatchCommand InsertHistory(string conversationId, HistoryRow row)
    {
        // A number another replica used since this one last read the conversation is taken over, as its state is.
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO conversation_turns (conversation_id, seq, at, sealed_turn) VALUES (@conversation, @seq, @at, @sealed)
            ON CONFLICT (conversation_id, seq) DO UPDATE SET at = excluded.at, sealed_turn = excluded.sealed_turn
            """);
        insert.Parameters.AddWithValue("conversation", conversationId);
        insert.Parameters.AddWithValue("seq", row.Sequence);
        insert.Parameters.AddWithValue("at", row.At.ToUniversalTime());
        insert.Parameters.AddWithValue("sealed", row.SealedTurn);
        return insert;
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
