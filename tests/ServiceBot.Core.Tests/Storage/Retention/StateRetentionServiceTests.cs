using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Core.Tests.Understanding;
using ServiceBot.Handoff;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;
using ServiceBot.Storage.Retention;

namespace ServiceBot.Core.Tests.Storage.Retention;

public sealed class StateRetentionServiceTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly IOptions<StateOptions> _options;
    private readonly SqliteConversationStore _conversations;
    private readonly SqliteFeedbackStore _feedback;
    private readonly SqliteHandoffStore _handoffs;
    private readonly SqliteAuditLog _audit;

    public StateRetentionServiceTests()
    {
        _options = Options.Create(new StateOptions { ConnectionString = $"Data Source={Path.Combine(_folder.Path, "state.db")}", RetentionDays = 180 });
        var protector = DataProtectionStateProtector.ForKeysFolder(_options.Value.ResolveKeysPath());
        _conversations = new SqliteConversationStore(_options, protector);
        _feedback = new SqliteFeedbackStore(_options, protector);
        _handoffs = new SqliteHandoffStore(_options, protector);
        _audit = new SqliteAuditLog(_options, protector);
    }

    [Fact]
    public async Task SweepAsync_ClockMovedPastRetention_DeletesOldConversationsAndKeepsRecentOnes()
    {
        await SeedConversationAsync("c-old", "u-old", T0);
        await SeedConversationAsync("c-new", "u-new", T0.AddDays(170));
        var service = new StateRetentionService(new SqliteStateEraser(_options), _options, new FixedTimeProvider(T0.AddDays(181)),
            NullLogger<StateRetentionService>.Instance);

        var deleted = await service.SweepAsync(CancellationToken.None);

        Assert.True(deleted > 0);
        Assert.Null(await _conversations.FindAsync("c-old", CancellationToken.None));
        Assert.Null(await _conversations.FindReplyAsync("api", "u-old", "m-c-old", CancellationToken.None));
        Assert.Empty(await _feedback.ListAsync("c-old", CancellationToken.None));
        Assert.Null(await _handoffs.FindAsync("c-old", CancellationToken.None));
        Assert.Empty(await _handoffs.TranscriptAsync("c-old", 0, CancellationToken.None));
        Assert.Empty(await _audit.ListAsync("c-old", CancellationToken.None));

        Assert.NotNull(await _conversations.FindAsync("c-new", CancellationToken.None));
        Assert.NotNull(await _conversations.FindReplyAsync("api", "u-new", "m-c-new", CancellationToken.None));
        Assert.Equal("电话13800001111", Assert.Single(await _feedback.ListAsync("c-new", CancellationToken.None)).Comment);
        Assert.NotNull(await _handoffs.FindAsync("c-new", CancellationToken.None));
        Assert.Equal(2, (await _handoffs.TranscriptAsync("c-new", 0, CancellationToken.None)).Count);
        Assert.Single(await _audit.ListAsync("c-new", CancellationToken.None));
    }

    [Fact]
    public async Task SweepAsync_WithinRetention_DeletesNothing()
    {
        await SeedConversationAsync("c-1", "u-1", T0);
        var service = new StateRetentionService(new SqliteStateEraser(_options), _options, new FixedTimeProvider(T0.AddDays(179)),
            NullLogger<StateRetentionService>.Instance);

        Assert.Equal(0, await service.SweepAsync(CancellationToken.None));
        Assert.NotNull(await _conversations.FindAsync("c-1", CancellationToken.None));
    }

    [Fact]
    public async Task SweepAsync_DatabaseFails_ReturnsZeroInsteadOfThrowing()
    {
        var service = new StateRetentionService(new FailingEraser(), _options, TimeProvider.System, NullLogger<StateRetentionService>.Instance);

        Assert.Equal(0, await service.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_FirstSweepFails_SweepsAtStartAndKeepsRunning()
    {
        var eraser = new FailingEraser();
        using var service = new StateRetentionService(eraser, _options, TimeProvider.System, NullLogger<StateRetentionService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await eraser.Called.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(service.ExecuteTask!.IsCompleted);
        await service.StopAsync(CancellationToken.None);
    }

    private async Task SeedConversationAsync(string id, string user, DateTimeOffset at)
    {
        var state = new ConversationState { ConversationId = id, UserId = user, Channel = "api", CreatedAt = at, UpdatedAt = at };
        state.Remember("我的电话是13800001111", "好的。", at);
        await _conversations.SaveTurnAsync(state, "m-" + id, new Reply(id, "好的。", [], [], null, false), CancellationToken.None);
        await _feedback.SaveAsync(new Feedback(id, "m-" + id, "down", "电话13800001111", at), CancellationToken.None);
        await _handoffs.OpenAsync(new HandoffRecord(id, "api", user, HandoffStates.Waiting, HandoffReasons.UserRequest, at, null, null, null, null, null),
            [new TranscriptEntry(0, id, Speakers.User, "我的电话是13800001111", at, null), new TranscriptEntry(0, id, Speakers.Bot, "好的。", at, null)],
            CancellationToken.None);
        await _audit.AppendAsync(new AuditEntry(id, at, "system", AuditActions.HandedOff, HandoffReasons.UserRequest, []), CancellationToken.None);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private sealed class FailingEraser : IStateEraser
    {
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> EraseUserAsync(string channel, string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        {
            Called.TrySetResult();
            throw new SqliteException("disk I/O error", 10);
        }
    }
}
