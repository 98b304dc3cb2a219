using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Answers;
using ServiceBot.Conversation;
using ServiceBot.Core.Tests.Conversation;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Storage;
using ServiceBot.Storage.Protection;

namespace ServiceBot.Core.Tests.Analytics;

/// <summary>The recorder over the real engine, with the conversation state and the turn analytics in one real SQLite file.</summary>
public sealed class RecordingConversationEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private const string FrontLoaded = "我要提取公积金，身份证130402199003074510，租房，提取3000元，银行卡6217001234567890122";
    private readonly TempFolder _folder = new();

    private IOptions<StateOptions> State => Options.Create(new StateOptions { ConnectionString = $"Data Source={Path.Combine(_folder.Path, "state.db")}" });

    private IStateProtector Protector => DataProtectionStateProtector.ForKeysFolder(State.Value.ResolveKeysPath());

    /// <param name="rowsWithTurns">The conversation store writes the rows in each turn's transaction, as the host composes it.</param>
    private (RecordingConversationEngine Engine, EngineHarness Harness) Build(ITurnAnalyticsStore? turns = null, IKnowledgeAnswerer? answerer = null,
        bool rowsWithTurns = false)
    {
        var sqliteTurns = new SqliteTurnAnalyticsStore(State, Protector);
        var harness = new EngineHarness(fixture, answerer: answerer,
            store: new SqliteConversationStore(State, Protector, rowsWithTurns ? sqliteTurns : null));
        var engine = new RecordingConversationEngine(harness.Engine, turns ?? sqliteTurns, harness.Clock,
            NullLogger<RecordingConversationEngine>.Instance);
        return (engine, harness);
    }

    private static Task<Reply> Say(IConversationEngine engine, string text, string? messageId = null)
        => engine.HandleAsync(new IncomingMessage(EngineHarness.UserId, EngineHarness.Channel, null, messageId, text), CancellationToken.None);

    private Task<IReadOnlyList<RecordedTurn>> RecordedAsync()
        => new SqliteTurnAnalyticsStore(State, Protector).ListAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, CancellationToken.None);

    [Fact]
    public async Task HandleAsync_TaskAskedStepByStepThenSubmitted_RecordsEachStepOfOneRun()
    {
        var (engine, _) = Build();

        await Say(engine, "我要提取公积金");
        await Say(engine, "130402199003074510");
        await Say(engine, "租房");
        await Say(engine, "3000元");
        await Say(engine, "6217001234567890122");
        await Say(engine, "确认");

        var turns = await RecordedAsync();
        Assert.Equal(6, turns.Count);
        Assert.All(turns, t => Assert.Equal(("fund_withdrawal", TurnOutcomes.TaskStep), (t.TaskName, t.Outcome)));
        Assert.Single(turns.Select(t => t.TaskRun).Distinct());
        Assert.Equal(["collecting", "collecting", "collecting", "collecting", "confirming", "submitted"], turns.Select(t => t.TaskState));
        Assert.Equal(["id_number", "reason", "amount", "bank_card", null, null], turns.Select(t => t.AskedSlot));
        Assert.All(turns, t => Assert.Null(t.Question));
        Assert.All(turns, t => Assert.Equal(TurnUserHash.Of(EngineHarness.Channel, EngineHarness.UserId), t.UserHash));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HandleAsync_GroundedRefusedAndOutOfScope_RecordsOutcomeWithQuestionText(bool rowsWithTurns)
    {
        // The fixture's knowledge has no domain dictionary, so the extractive composer would call any miss out of scope:
        // this one question gets the in-domain refusal the composer gives when a dictionary word is understood.
        var composer = new ExtractiveAnswerComposer();
        var (engine, _) = Build(answerer: new DelegateKnowledgeAnswerer(question => question == "公积金贷款利率是多少"
            ? new Answer("您问的是“公积金”相关的问题，暂未找到答案。", Grounded: false, [], Handoff: false)
            : composer.Compose(fixture.KnowledgeBase, question)), rowsWithTurns: rowsWithTurns);

        await Say(engine, "租房可以提取住房公积金吗");
        await Say(engine, "公积金贷款利率是多少");
        await Say(engine, "今天晚上吃什么好");

        var turns = await RecordedAsync();
        Assert.Equal([TurnOutcomes.Grounded, TurnOutcomes.Refusal, TurnOutcomes.OutOfScope], turns.Select(t => t.Outcome));
        Assert.Equal(["租房可以提取住房公积金吗", "公积金贷款利率是多少", "今天晚上吃什么好"], turns.Select(t => t.Question));
        Assert.All(turns, t => Assert.Null(t.TaskName));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HandleAsync_SameMessageIdTwice_RecordsTheTurnOnce(bool rowsWithTurns)
    {
        var (engine, harness) = Build(rowsWithTurns: rowsWithTurns);

        await Say(engine, FrontLoaded, messageId: "m1");
        await Say(engine, "确认", messageId: "m2");
        await Say(engine, "确认", messageId: "m2");

        Assert.Single(harness.Backend.Calls);
        Assert.Equal(["confirming", "submitted"], (await RecordedAsync()).Select(t => t.TaskState));
    }

    [Fact]
    public async Task HandleAsync_AnalyticsDatabaseUnusable_StillAnswersTheTurn()
    {
        // Read-only over a file that does not exist: every write fails.
        var missing = Path.Combine(_folder.Path, "missing.db");
        var broken = new SqliteTurnAnalyticsStore(
            Options.Create(new StateOptions { ConnectionString = $"Data Source={missing};Mode=ReadOnly" }), Protector);
        var (engine, _) = Build(broken);

        var reply = await Say(engine, FrontLoaded);

        Assert.Equal("confirming", reply.Task!.State);
        await Assert.ThrowsAnyAsync<Exception>(() => broken.RecordAsync(
            new RecordedTurn(DateTimeOffset.UnixEpoch, "api", "c", "h", TurnOutcomes.Other, false, null, null, null, null, null), CancellationToken.None));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
