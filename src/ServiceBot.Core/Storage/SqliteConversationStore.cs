using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Conversation;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Storage;

/// <summary>
/// Conversation state in an embedded SQLite database: one row per conversation (the state as JSON, its history apart),
/// one row per exchange of its history (<see cref="StoredHistory"/>) and one row per processed message id (the reply
/// given), written in one transaction. Rows whose state holds its history inline, as earlier versions wrote them, still
/// read, and move their history out on their next save. Both are encrypted with the
/// <see cref="IStateProtector"/> (they carry the user's words and slot values) and stored as bytes; rows written as
/// text by earlier versions still read. Each write stamps the conversation row with a new version, so a turn whose
/// state this process already holds (<see cref="ConversationStateCache"/>) reads the stamp instead of the whole state.
/// Given the turn analytics store of the same file, the turn's analytics row is written in the same transaction.
/// Statements run on kept sessions (<see cref="SqliteSession"/>), prepared once. Turns are group-committed
/// (<see cref="SqliteDatabase.GroupCommit{TWrite, TResult}"/>): the turns saved while one transaction commits share the
/// next, each under its own savepoint, and a save returns only once its transaction is committed. Dispose the store to
/// let the turns still queued be written.
/// </summary>
public sealed class SqliteConversationStore : IConversationStore, IAsyncDisposable, IDisposable
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            user_id TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            state TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
            history_from INTEGER,
            history_to INTEGER);
        CREATE INDEX IF NOT EXISTS ix_conversations_user ON conversations (channel, user_id, updated_at);
        CREATE TABLE IF NOT EXISTS processed_messages (
            channel TEXT NOT NULL,
            user_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            reply TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (channel, user_id, message_id));
        CREATE TABLE IF NOT EXISTS conversation_turns (
            conversation_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            turn BLOB NOT NULL,
            UNIQUE (conversation_id, seq));
        """;

    // Databases deployed before rows carried a version stamp; their rows read as version 0, which no write stamps. Rows
    // from before the history rows have no window (NULL): their state holds its history.
    internal static readonly SqliteAddedColumn[] AddedColumns =
    [
        new("conversations", "version", "INTEGER NOT NULL DEFAULT 0"),
        new("conversations", "history_from", "INTEGER"),
        new("conversations", "history_to", "INTEGER"),
    ];

    private readonly SqliteDatabase _database;
    private readonly IStateProtector _protector;
    private readonly SqliteTurnAnalyticsStore? _turns;
    private readonly ConversationStateCache _cache = new();
    private readonly GroupCommitQueue<TurnWrite, bool> _turnWrites;

    /// <param name="turns">
    /// The turn analytics of the same database: each turn the engine ran (its reply carries <see cref="Reply.Facts"/>)
    /// has its row written with the turn's state, and the analytics store no longer writes them itself.
    /// </param>
    public SqliteConversationStore(IOptions<StateOptions> options, IStateProtector protector, SqliteTurnAnalyticsStore? turns = null)
    {
        _database = new SqliteDatabase(options.Value.ConnectionString, turns is null ? Schema : Schema + SqliteTurnAnalyticsStore.Schema, AddedColumns);
        _protector = protector;
        _turns = turns;
        turns?.RecordWithTurns();
        _turnWrites = _database.GroupCommit<TurnWrite, bool>(WriteTurnAsync);
    }

    public Task<ConversationState?> FindAsync(string conversationId, CancellationToken cancellationToken)
        => _database.ReadAsync(session => FindAsync(session, conversationId, cancellationToken), cancellationToken);

    // The state and its history rows come back only when the state is not the one cached. A row an earlier version
    // rewrote holds text, and never counts as cached even if its stamp is unchanged. One statement, so the history
    // rows are those of the same commit as the state. ?1 id, ?2 the cached stamp (NULL when none).
    private const string SelectConversation = """
        SELECT c.version, CASE WHEN c.version IS ?2 AND typeof(c.state) = 'blob' THEN NULL ELSE c.state END,
               c.history_from, c.history_to, t.turn
        FROM conversations c
        LEFT JOIN conversation_turns t ON NOT (c.version IS ?2 AND typeof(c.state) = 'blob')
            AND t.conversation_id = c.id AND t.seq >= c.history_from AND t.seq < c.history_to
        WHERE c.id = ?1 ORDER BY t.seq
        """;

    // Synchronous: a kept statement run through SQLite's own API (SqliteStatement); the file is local, as for every read here.
    private Task<ConversationState?> FindAsync(SqliteSession session, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Held from here on, so the state it holds is the one the stamp below is compared with, evicted or not.
        var cached = _cache.Find(conversationId);
        var select = session.Statement(SelectConversation).Bind(1, conversationId).BindOrNull(2, cached?.Version);
        try
        {
            return Task.FromResult(Read(select, conversationId, cached));
        }
        finally
        {
            select.Reset();
        }
    }

    private ConversationState? Read(SqliteStatement select, string conversationId, CachedState? cached)
    {
        if (!select.Read())
        {
            _cache.Forget(conversationId);
            return null;
        }
        var version = select.GetInt64(0);
        if (select.IsNull(1)) return cached?.Parse() ?? throw new InvalidDataException("The conversation row holds no state.");
        var stored = select.GetBlobOrText(1);
        if (select.IsNull(2)) return _cache.Read(conversationId, version, stored, history: null, _protector);
        var from = select.GetInt64(2);
        var to = select.GetInt64(3);
        var turns = new List<TurnRecord>((int)Math.Min(to - from, ConversationState.HistoryLimit));
        do
        {
            if (!select.IsNull(4)) turns.Add(StateJson.ParseTurn(_protector.UnprotectBytes(select.GetBlob(4))));
        }
        while (select.Read());
        return _cache.Read(conversationId, version, stored, new StoredHistory(from, to, [.. turns]), _protector);
    }

    public Task<ConversationState?> FindLatestAsync(string channel, string userId, CancellationToken cancellationToken)
        => _database.ReadAsync(session => FindLatestAsync(session, channel, userId, cancellationToken), cancellationToken);

    // ?1 channel, ?2 user.
    private const string SelectLatest = """
        SELECT id, version, typeof(state) = 'blob' FROM conversations WHERE channel = ?1 AND user_id = ?2
        ORDER BY updated_at DESC LIMIT 1
        """;

    private Task<ConversationState?> FindLatestAsync(SqliteSession session, string channel, string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Which conversation first, then its state only when it is not the one cached.
        string conversationId;
        var select = session.Statement(SelectLatest).Bind(1, channel).Bind(2, userId);
        try
        {
            if (!select.Read()) return Task.FromResult<ConversationState?>(null);
            conversationId = select.GetString(0);
            if (select.GetInt64(2) != 0 && _cache.Find(conversationId) is { } cached && cached.Version == select.GetInt64(1))
                return Task.FromResult<ConversationState?>(cached.Parse());
        }
        finally
        {
            select.Reset();
        }
        return FindAsync(session, conversationId, cancellationToken);
    }

    // ?1 channel, ?2 user, ?3 message.
    private const string SelectReply = "SELECT reply FROM processed_messages WHERE channel = ?1 AND user_id = ?2 AND message_id = ?3";

    public Task<Reply?> FindReplyAsync(string channel, string userId, string messageId, CancellationToken cancellationToken)
        => _database.ReadAsync(session =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var select = session.Statement(SelectReply).Bind(1, channel).Bind(2, userId).Bind(3, messageId);
            object? stored;
            try
            {
                stored = select.Read() && !select.IsNull(0) ? select.GetBlobOrText(0) : null;
            }
            finally
            {
                select.Reset();
            }
            // Decrypted and parsed once the statement is reset, so the session's read ends first.
            return Task.FromResult(stored is null ? null : StateJson.ReadReply(stored, _protector));
        }, cancellationToken);

    public async Task SaveTurnAsync(ConversationState state, string? messageId, Reply reply, CancellationToken cancellationToken)
    {
        // Serialised and encrypted before queueing for the file, so the writer slot is held only for the statements.
        var json = StateJson.Utf8WithoutHistory(state);
        var history = HistoryWrite.For(state.History, _cache.Find(state.ConversationId)?.History, _protector);
        var write = new TurnWrite(state, ConversationStateCache.NewVersion(), _protector.ProtectBytes(json), history,
            messageId, messageId is null ? null : _protector.ProtectBytes(StateJson.Utf8(reply)), AnalyticsRow(state, reply));
        try
        {
            // Cancelled only while still queued: once its group runs, the turn is written with the others.
            await _turnWrites.WriteAsync(write, cancellationToken);
        }
        catch
        {
            // Whether the commit happened is unknown; the next read takes the row from the database.
            _cache.Forget(state.ConversationId);
            throw;
        }
        _cache.Remember(state.ConversationId, write.Version, json, history.Stored);
    }

    // Bound by position (SqliteStatement): ?1 id, ?2 channel, ?3 user, ?4 updated, ?5 state, ?6 version, ?7 from, ?8 to.
    private const string UpsertConversation = """
        INSERT INTO conversations (id, channel, user_id, updated_at, state, version, history_from, history_to)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, state = excluded.state, version = excluded.version,
            history_from = excluded.history_from, history_to = excluded.history_to
        """;

    // The first reply to a message id wins; a concurrent duplicate never overwrites it.
    // ?1 channel, ?2 user, ?3 message, ?4 conversation, ?5 reply, ?6 created.
    private const string InsertProcessedMessage = """
        INSERT OR IGNORE INTO processed_messages (channel, user_id, message_id, conversation_id, reply, created_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """;

    // A number another writer used since this process last read the conversation is taken over, as its state is.
    // ?1 conversation, ?2 seq, ?3 at, ?4 turn.
    private const string InsertHistoryRow = """
        INSERT OR REPLACE INTO conversation_turns (conversation_id, seq, at, turn) VALUES (?1, ?2, ?3, ?4)
        """;

    private const string DeleteHistory = "DELETE FROM conversation_turns WHERE conversation_id = ?1";

    // Runs synchronously: every statement is a kept one run through SQLite's own API, so there is nothing to await.
    private static Task<bool> WriteTurnAsync(SqliteSession session, TurnWrite write)
    {
        var state = write.State;
        var updated = Timestamp(state.UpdatedAt);
        session.Statement(UpsertConversation)
            .Bind(1, state.ConversationId).Bind(2, state.Channel).Bind(3, state.UserId).Bind(4, updated).Bind(5, write.SealedState)
            .Bind(6, write.Version).Bind(7, write.History.From).Bind(8, write.History.To)
            .Execute();
        WriteHistory(session, state.ConversationId, write.History);
        if (write.MessageId is not null)
        {
            session.Statement(InsertProcessedMessage)
                .Bind(1, state.Channel).Bind(2, state.UserId).Bind(3, write.MessageId).Bind(4, state.ConversationId).Bind(5, write.SealedReply)
                .Bind(6, updated)
                .Execute();
        }
        if (write.Analytics is { } row) SqliteTurnAnalyticsStore.Insert(session, row);
        return TrueTask;
    }

    private static readonly Task<bool> TrueTask = Task.FromResult(true);

    /// <summary>Fixed-width UTC ISO 8601, so text order is time order.</summary>
    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteHistory(SqliteSession session, string conversationId, HistoryWrite history)
    {
        if (history.ReplacesAll) session.Statement(DeleteHistory).Bind(1, conversationId).Execute();
        foreach (var row in history.Rows)
            session.Statement(InsertHistoryRow).Bind(1, conversationId).Bind(2, row.Sequence).Bind(3, Timestamp(row.At)).Bind(4, row.SealedTurn).Execute();
    }

    /// <summary>Stops taking turns and waits until the queued ones are written.</summary>
    public ValueTask DisposeAsync() => _turnWrites.DisposeAsync();

    /// <inheritdoc cref="DisposeAsync"/>
    /// <remarks>For containers disposed synchronously; the writer runs on the thread pool, so blocking here cannot deadlock it.</remarks>
    public void Dispose() => _turnWrites.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The analytics row of a turn the engine ran, when this store writes them.</summary>
    private SealedTurn? AnalyticsRow(ConversationState state, Reply reply)
        => _turns is not null && RecordedTurn.OfSavedTurn(state, reply) is { } turn ? _turns.Seal(turn) : null;

    /// <summary>One turn's rows, encrypted before the write is queued.</summary>
    private sealed record TurnWrite(ConversationState State, long Version, byte[] SealedState, HistoryWrite History, string? MessageId,
        byte[]? SealedReply, SealedTurn? Analytics);
}
