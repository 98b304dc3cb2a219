using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Assist;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Handoff;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;
using ServiceBot.Storage.Retention;

using static ServiceBot.Core.Tests.Storage.StateStoreContract;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>
/// Every store that writes the conversation database, at once, on one real file: writers queue on the file's gate
/// (so none sleeps in SQLite's busy loop), and nothing is lost or written twice.
/// </summary>
public sealed class SqliteWritersTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-29T10:00:00+08:00");

    private readonly TempFolder _folder = new();
    private readonly SqliteConversationStore _conversations;
    private readonly SqliteFeedbackStore _feedback;
    private readonly SqliteHandoffStore _handoffs;
    private readonly SqliteAuditLog _audit;
    private readonly SqliteTurnAnalyticsStore _turns;
    private readonly SqliteStateEraser _eraser;

    public SqliteWritersTests()
    {
        var options = Options.Create(new StateOptions { ConnectionString = $"Data Source={DatabasePath}" });
        var protector = DataProtectionStateProtector.ForKeysFolder(Path.Combine(_folder.Path, "keys"));
        _conversations = new SqliteConversationStore(options, protector);
        _feedback = new SqliteFeedbackStore(options, protector);
        _handoffs = new SqliteHandoffStore(options, protector);
        _audit = new SqliteAuditLog(options, protector);
        _turns = new SqliteTurnAnalyticsStore(options, protector);
        _eraser = new SqliteStateEraser(options);
    }

    private string DatabasePath => Path.Combine(_folder.Path, "state.db");

    public static TheoryData<string> Writers() => ["conversation", "feedback", "transcript", "handoff", "take-over", "audit", "turn", "erasure"];

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Write_FileGateHeldByAnotherWriter_WaitsThenLands(string writer)
    {
        await WriteAsync("conversation", 0);
        await WriteAsync("handoff", 1);

        var slot = await SqliteWriteGate.For($"Data Source={DatabasePath}").EnterAsync(CancellationToken.None);
        var pending = Task.Run(() => WriteAsync(writer, 1));
        await Task.Delay(200);
        var waited = !pending.IsCompleted;
        slot.Dispose();
        await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(waited, $"the {writer} write reached the database while another writer held the file");
        Assert.Equal(writer == "erasure" ? 0 : 1, await RowsOfAsync(writer, 1));
    }

    [Fact]
    public async Task Writes_AllStoresConcurrentlyWithRedeliveries_EachRowOnce()
    {
        const int Conversations = 40;
        await WriteAsync("conversation", 0);

        // Each message is delivered twice at once, as a channel that retries does; every store writes at the same time.
        var writes = Enumerable.Range(1, Conversations)
            .SelectMany(i => new[] { "conversation", "conversation", "feedback", "transcript", "transcript", "audit", "turn" }
                .Select(writer => Task.Run(() => WriteAsync(writer, i))));
        await Task.WhenAll(writes);

        Assert.Equal(Conversations + 1, await CountAsync("SELECT COUNT(*) FROM conversations"));
        Assert.Equal(Conversations + 1, await CountAsync("SELECT COUNT(*) FROM processed_messages"));
        Assert.Equal(Conversations, await CountAsync("SELECT COUNT(*) FROM feedback"));
        Assert.Equal(Conversations, await CountAsync("SELECT COUNT(*) FROM transcript_lines"));
        Assert.Equal(Conversations, await CountAsync("SELECT COUNT(*) FROM audit_log"));
        Assert.Equal(Conversations, await CountAsync("SELECT COUNT(*) FROM turns"));
    }

    private Task WriteAsync(string writer, int i)
    {
        var id = "c-" + i;
        var none = CancellationToken.None;
        return writer switch
        {
            "conversation" => _conversations.SaveTurnAsync(State(id, "u-" + i, Now), "m-" + i, ReplyFor(id, "好的。"), none),
            "feedback" => _feedback.SaveAsync(new Feedback(id, "m-" + i, "up", null, Now), none),
            "transcript" => _handoffs.AppendAsync(new TranscriptEntry(0, id, Speakers.User, "我想提取公积金", Now, null), "m-" + i, none),
            "handoff" => _handoffs.OpenAsync(
                new HandoffRecord(id, "api", "u-" + i, HandoffStates.Waiting, HandoffReasons.UserRequest, Now, null, null, null, null, null), [], none),
            "take-over" => _handoffs.TryTakeOverAsync(id, "agent-1", Now, none),
            "audit" => _audit.AppendAsync(new AuditEntry(id, Now, "agent-1", "take_over", null, []), none),
            "turn" => _turns.RecordAsync(new RecordedTurn(Now, "api", id, "hash-" + i, TurnOutcomes.Grounded, false, null, null, null, null, null), none),
            "erasure" => _eraser.EraseUserAsync("api", "u-" + i, none),
            _ => throw new ArgumentOutOfRangeException(nameof(writer), writer, null),
        };
    }

    /// <summary>The rows the writer leaves for conversation <paramref name="i"/>.</summary>
    private Task<long> RowsOfAsync(string writer, int i) => writer switch
    {
        "conversation" => CountAsync($"SELECT COUNT(*) FROM processed_messages WHERE conversation_id = 'c-{i}'"),
        "feedback" => CountAsync($"SELECT COUNT(*) FROM feedback WHERE conversation_id = 'c-{i}'"),
        "transcript" => CountAsync($"SELECT COUNT(*) FROM transcript_lines WHERE conversation_id = 'c-{i}'"),
        "handoff" => CountAsync($"SELECT COUNT(*) FROM handoffs WHERE conversation_id = 'c-{i}' AND state = 'waiting'"),
        "take-over" => CountAsync($"SELECT COUNT(*) FROM handoffs WHERE conversation_id = 'c-{i}' AND state = 'active'"),
        "audit" => CountAsync($"SELECT COUNT(*) FROM audit_log WHERE conversation_id = 'c-{i}'"),
        "turn" => CountAsync($"SELECT COUNT(*) FROM turns WHERE conversation_id = 'c-{i}'"),
        "erasure" => CountAsync($"SELECT COUNT(*) FROM handoffs WHERE conversation_id = 'c-{i}'"),
        _ => throw new ArgumentOutOfRangeException(nameof(writer), writer, null),
    };

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
