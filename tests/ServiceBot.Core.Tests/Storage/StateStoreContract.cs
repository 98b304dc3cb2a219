using ServiceBot.Analytics;
using ServiceBot.Answers;
using ServiceBot.Conversation;
using ServiceBot.Handoff;
using ServiceBot.Localization;
using ServiceBot.Storage;

namespace ServiceBot.Core.Tests.Storage;

/// <summary>The state stores of one process (a replica) over a shared database; the conversation store writes the turn analytics rows.</summary>
public sealed record StateStores(IConversationStore Conversations, IFeedbackStore Feedback, IHandoffStore Handoffs, IAuditLog Audit, ITurnAnalyticsStore Turns);

/// <summary>
/// What every state provider must do, run once per provider by its concrete subclass. Each test opens stores as two
/// replicas (or a restart) over one database, so anything kept only in a process's memory fails here.
/// </summary>
public abstract class StateStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Creates the empty database this test's replicas share.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>A new set of stores over the test's database, as a second replica or a restarted process would open it.</summary>
    protected abstract StateStores OpenReplica();

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>Makes the database refuse every new turn analytics row, as a failing disk or constraint would.</summary>
    protected abstract Task RefuseAnalyticsRowsAsync();

    public Task InitializeAsync() => CreateDatabaseAsync();

    public Task DisposeAsync() => DropDatabaseAsync();

    /// <summary>A conversation in the middle of a fund withdrawal, with personal values in its slots.</summary>
    internal static ConversationState State(string id, string user, DateTimeOffset at) => new()
    {
        ConversationId = id,
        UserId = user,
        Channel = "api",
        CreatedAt = at,
        UpdatedAt = at,
        Place = "HD-CT-0001",
        Task = new TaskInstance
        {
            Id = "t1",
            Name = "fund_withdrawal",
            State = TaskState.Confirming,
            Slots = { ["id_number"] = "130402199003074510", ["amount"] = "3000" },
            PendingSlot = "bank_card",
        },
    };

    internal static Reply ReplyFor(string conversationId, string text) => new(
        conversationId, text, [new Citation("工伤保险条例", "第十四条", "职工有下列情形之一的……")], ["确认提交"],
        new TaskSnapshot("fund_withdrawal", "confirming", new Dictionary<string, string> { ["amount"] = "3000" }, ["bank_card"], null),
        Handoff: false);

    private static HandoffRecord Waiting(string id, DateTimeOffset since) =>
        new(id, "api", "u-" + id, HandoffStates.Waiting, HandoffReasons.UserRequest, since, null, null, null, null, null);

    private static TranscriptEntry Line(string id, string speaker, string text, DateTimeOffset at) => new(0, id, speaker, text, at, null);

    [StoreFact]
    public async Task SaveTurn_ThenFindOnAnotherReplica_RoundTripsStateWithTask()
    {
        var state = State("c-1", "u1", T0);
        state.Remember("我想提取公积金", "请提供身份证号。", T0);
        await OpenReplica().Conversations.SaveTurnAsync(state, "m1", ReplyFor("c-1", "请提供身份证号。"), CancellationToken.None);

        var loaded = await OpenReplica().Conversations.FindAsync("c-1", CancellationToken.None);
        Assert.NotNull(loaded);
        Assert.Equal(TaskState.Confirming, loaded.Task!.State);
        Assert.Equal("3000", loaded.Task.Slots["amount"]);
        Assert.Equal("bank_card", loaded.Task.PendingSlot);
        Assert.Equal("HD-CT-0001", loaded.Place);
        Assert.Equal("我想提取公积金", Assert.Single(loaded.History).User);
        Assert.Null(await OpenReplica().Conversations.FindAsync("c-2", CancellationToken.None));
    }

    /// <summary>A turn the engine ran, as it reaches the store: the question in the history, the facts on the reply.</summary>
    private static (ConversationState State, Reply Reply) AnsweredTurn(string id, string question, DateTimeOffset at)
    {
        var state = State(id, "u1", at);
        state.Remember(question, "根据《工伤保险条例》第十四条……", at);
        var reply = ReplyFor(id, "根据《工伤保险条例》第十四条……") with
        {
            Facts = new TurnFacts(TurnOutcomes.Grounded, HandedOff: false, new TaskFacts("fund_withdrawal", "t1", "confirming", null, false, false)),
        };
        return (state, reply);
    }

    private static Task<IReadOnlyList<RecordedTurn>> AllTurnsAsync(StateStores stores)
        => stores.Turns.ListAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, CancellationToken.None);

    [StoreFact]
    public async Task SaveTurn_EngineRanTheTurn_WritesItsAnalyticsRowOnceWithIt()
    {
        var replica = OpenReplica();
        var (state, reply) = AnsweredTurn("c-1", "工伤怎么认定？", T0);
        await replica.Conversations.SaveTurnAsync(state, "m1", reply, CancellationToken.None);
        // A reply read back for a repeated message id carries no facts: saving it again adds no row.
        await replica.Conversations.SaveTurnAsync(state, "m2", ReplyFor("c-1", "请确认。"), CancellationToken.None);

        var other = OpenReplica();
        Assert.True(other.Turns.RecordedWithTurns);
        var row = Assert.Single(await AllTurnsAsync(other));
        Assert.Equal(new RecordedTurn(T0, "api", "c-1", TurnUserHash.Of("api", "u1"), TurnOutcomes.Grounded, false, "工伤怎么认定？",
            "fund_withdrawal", "t1", "confirming", null), row);
    }

    [StoreFact]
    public async Task SaveTurn_AnalyticsRowRefused_NeitherTheTurnNorItsReplyIsWritten()
    {
        var replica = OpenReplica();
        var (first, firstReply) = AnsweredTurn("c-1", "工伤怎么认定？", T0);
        await replica.Conversations.SaveTurnAsync(first, "m1", firstReply, CancellationToken.None);
        await RefuseAnalyticsRowsAsync();

        var (second, secondReply) = AnsweredTurn("c-1", "那外地户口呢？", T0.AddMinutes(1));
        await Assert.ThrowsAnyAsync<Exception>(() => replica.Conversations.SaveTurnAsync(second, "m2", secondReply, CancellationToken.None));

        // One transaction: the state, the reply for m2 and the row went nowhere, on this replica and on another.
        foreach (var reader in new[] { replica, OpenReplica() })
        {
            Assert.Equal("工伤怎么认定？", Assert.Single((await reader.Conversations.FindAsync("c-1", CancellationToken.None))!.History).User);
            Assert.Null(await reader.Conversations.FindReplyAsync("api", "u1", "m2", CancellationToken.None));
            Assert.Equal("工伤怎么认定？", Assert.Single(await AllTurnsAsync(reader)).Question);
        }
    }

    [StoreFact]
    public async Task SaveTurn_ManyUsersAtOnce_EachTurnReadableOnAnotherReplicaOnceAcknowledged()
    {
        const int Users = 24, TurnsEach = 4;
        var replica = OpenReplica();
        var other = OpenReplica();
        // One conversation per user, its turns one after the other (as the engine's turn lock runs them); users at once.
        await Task.WhenAll(Enumerable.Range(0, Users).Select(user => Task.Run(async () =>
        {
            var id = $"c-{user}";
            for (var turn = 0; turn < TurnsEach; turn++)
            {
                var state = await replica.Conversations.FindAsync(id, CancellationToken.None) ?? State(id, $"u{user}", T0);
                state.Remember($"第{turn}问", $"第{turn}答", T0.AddMinutes(turn));
                await replica.Conversations.SaveTurnAsync(state, $"m{turn}", ReplyFor(id, $"第{turn}答"), CancellationToken.None);
                // Acknowledged means committed: another replica sees the turn right away.
                Assert.Equal($"第{turn}答", (await other.Conversations.FindAsync(id, CancellationToken.None))!.History[^1].Bot);
            }
        })));

        var reader = OpenReplica();
        for (var user = 0; user < Users; user++)
        {
            var history = (await reader.Conversations.FindAsync($"c-{user}", CancellationToken.None))!.History;
            Assert.Equal(Enumerable.Range(0, TurnsEach).Select(turn => $"第{turn}问"), history.Select(exchange => exchange.User));
            Assert.Equal($"第{TurnsEach - 1}答", (await reader.Conversations.FindReplyAsync("api", $"u{user}", $"m{TurnsEach - 1}", CancellationToken.None))!.Markdown);
        }
    }

    [StoreFact]
    public async Task SaveTurn_EnglishConversation_KeepsLanguageOnAnotherReplica()
    {
        var state = State("c-1", "u1", T0);
        state.Language = BotLanguages.English;
        await OpenReplica().Conversations.SaveTurnAsync(state, "m1", ReplyFor("c-1", "Please give your ID number."), CancellationToken.None);

        var loaded = await OpenReplica().Conversations.FindAsync("c-1", CancellationToken.None);

        Assert.Equal(BotLanguages.English, loaded!.Language);
    }

    [StoreFact]
    public async Task FindReply_ProcessedMessage_ReturnsStoredReplyOnAnotherReplica()
    {
        await OpenReplica().Conversations.SaveTurnAsync(State("c-1", "u1", T0), "m1", ReplyFor("c-1", "第一次"), CancellationToken.None);

        var other = OpenReplica().Conversations;
        var reply = await other.FindReplyAsync("api", "u1", "m1", CancellationToken.None);
        Assert.NotNull(reply);
        Assert.Equal("第一次", reply.Markdown);
        Assert.Equal("第十四条", Assert.Single(reply.Citations).Section);
        Assert.Equal("3000", reply.Task!.Slots["amount"]);
        Assert.Null(await other.FindReplyAsync("api", "u1", "m2", CancellationToken.None));
        Assert.Null(await other.FindReplyAsync("api", "u2", "m1", CancellationToken.None));
    }

    [StoreFact]
    public async Task SaveTurn_SameMessageIdOnTwoReplicasAtOnce_OneReplyKept()
    {
        var state = State("c-1", "u1", T0);
        await Task.WhenAll(
            Task.Run(() => OpenReplica().Conversations.SaveTurnAsync(state, "m1", ReplyFor("c-1", "first"), CancellationToken.None)),
            Task.Run(() => OpenReplica().Conversations.SaveTurnAsync(state, "m1", ReplyFor("c-1", "second"), CancellationToken.None)));
        var kept = (await OpenReplica().Conversations.FindReplyAsync("api", "u1", "m1", CancellationToken.None))!.Markdown;
        Assert.Contains(kept, new[] { "first", "second" });

        await OpenReplica().Conversations.SaveTurnAsync(state, "m1", ReplyFor("c-1", "third"), CancellationToken.None);
        Assert.Equal(kept, (await OpenReplica().Conversations.FindReplyAsync("api", "u1", "m1", CancellationToken.None))!.Markdown);
    }

    [StoreFact]
    public async Task Find_AnotherReplicaSavedSinceThisOneRead_ReturnsTheNewerState()
    {
        var first = OpenReplica().Conversations;
        var second = OpenReplica().Conversations;
        var state = State("c-1", "u1", T0);
        state.Remember("我想提取公积金", "请提供身份证号。", T0);
        await first.SaveTurnAsync(state, "m1", ReplyFor("c-1", "请提供身份证号。"), CancellationToken.None);
        Assert.Equal("bank_card", (await first.FindAsync("c-1", CancellationToken.None))!.Task!.PendingSlot);

        var changed = (await second.FindAsync("c-1", CancellationToken.None))!;
        changed.Task!.PendingSlot = "phone";
        changed.Remember("卡号6217001234567890122", "请提供手机号。", T0.AddMinutes(1));
        await second.SaveTurnAsync(changed, "m2", ReplyFor("c-1", "请提供手机号。"), CancellationToken.None);

        Assert.Equal("phone", (await first.FindLatestAsync("api", "u1", CancellationToken.None))!.Task!.PendingSlot);
        var seen = (await first.FindAsync("c-1", CancellationToken.None))!;
        Assert.Equal("phone", seen.Task!.PendingSlot);
        Assert.Equal(["我想提取公积金", "卡号6217001234567890122"], seen.History.Select(turn => turn.User));
    }

    [StoreFact]
    public async Task Find_CallerChangesWhatItRead_NextFindReturnsTheSavedState()
    {
        var store = OpenReplica().Conversations;
        await store.SaveTurnAsync(State("c-1", "u1", T0), null, ReplyFor("c-1", "a"), CancellationToken.None);

        var read = (await store.FindAsync("c-1", CancellationToken.None))!;
        read.Task!.Slots["amount"] = "1";
        read.Remember("不保存的一轮", "……", T0);

        var again = (await store.FindAsync("c-1", CancellationToken.None))!;
        Assert.NotSame(read, again);
        Assert.Equal("3000", again.Task!.Slots["amount"]);
        Assert.Empty(again.History);
    }

    [StoreFact]
    public async Task SaveTurn_ManyTurnsOnOneConversation_KeepsTheLatestHistoryInOrder()
    {
        var store = OpenReplica().Conversations;
        var state = State("c-1", "u1", T0);
        for (var turn = 0; turn < ConversationState.HistoryLimit + 5; turn++)
        {
            var loaded = turn == 0 ? state : (await store.FindAsync("c-1", CancellationToken.None))!;
            loaded.UpdatedAt = T0.AddMinutes(turn);
            loaded.Remember($"问题{turn}", $"回答{turn}", loaded.UpdatedAt);
            await store.SaveTurnAsync(loaded, $"m{turn}", ReplyFor("c-1", $"回答{turn}"), CancellationToken.None);
        }

        var history = (await OpenReplica().Conversations.FindAsync("c-1", CancellationToken.None))!.History;
        Assert.Equal(Enumerable.Range(5, ConversationState.HistoryLimit).Select(turn => $"问题{turn}"), history.Select(h => h.User));
        Assert.Equal(Enumerable.Range(5, ConversationState.HistoryLimit).Select(turn => $"回答{turn}"), history.Select(h => h.Bot));
        Assert.Equal(Enumerable.Range(5, ConversationState.HistoryLimit).Select(turn => T0.AddMinutes(turn)), history.Select(h => h.At));
        Assert.Equal(history, (await store.FindAsync("c-1", CancellationToken.None))!.History);
        Assert.Equal("回答0", (await store.FindReplyAsync("api", "u1", "m0", CancellationToken.None))!.Markdown);
    }

    [StoreFact]
    public async Task SaveTurn_TwoReplicasTakeTurnsOnOneConversation_EveryReplicaSeesTheWholeHistory()
    {
        var replicas = new[] { OpenReplica().Conversations, OpenReplica().Conversations };
        await replicas[0].SaveTurnAsync(State("c-1", "u1", T0), null, ReplyFor("c-1", "开始"), CancellationToken.None);
        var turns = ConversationState.HistoryLimit + 3;
        for (var turn = 0; turn < turns; turn++)
        {
            // Each replica's cached state is stale every other turn: the other one wrote since.
            var store = replicas[turn % 2];
            var loaded = (await store.FindAsync("c-1", CancellationToken.None))!;
            loaded.UpdatedAt = T0.AddMinutes(turn);
            loaded.Remember($"问题{turn}", $"根据《工伤保险条例》第十四条，第{turn}个完整回答……", loaded.UpdatedAt);
            await store.SaveTurnAsync(loaded, $"m{turn}", ReplyFor("c-1", $"回答{turn}"), CancellationToken.None);
        }

        var expected = Enumerable.Range(turns - ConversationState.HistoryLimit, ConversationState.HistoryLimit)
            .Select(turn => new TurnRecord($"问题{turn}", $"根据《工伤保险条例》第十四条，第{turn}个完整回答……", T0.AddMinutes(turn))).ToList();
        foreach (var reader in new[] { replicas[0], replicas[1], OpenReplica().Conversations })
            Assert.Equal(expected, (await reader.FindAsync("c-1", CancellationToken.None))!.History);
    }

    [StoreFact]
    public async Task SaveTurn_StateBuiltWithoutReadingTheStoredOne_HistoryIsExactlyTheSavedOne()
    {
        var store = OpenReplica().Conversations;
        var first = State("c-1", "u1", T0);
        foreach (var turn in Enumerable.Range(0, 3)) first.Remember($"旧问题{turn}", $"旧回答{turn}", T0);
        await store.SaveTurnAsync(first, null, ReplyFor("c-1", "a"), CancellationToken.None);

        // Not derived from what was read (as a restored or merged conversation would be): the history is written anew.
        var rebuilt = State("c-1", "u1", T0.AddMinutes(1));
        rebuilt.Remember("新问题", "新回答", T0.AddMinutes(1));
        await store.SaveTurnAsync(rebuilt, null, ReplyFor("c-1", "b"), CancellationToken.None);

        var expected = new[] { new TurnRecord("新问题", "新回答", T0.AddMinutes(1)) };
        Assert.Equal(expected, (await store.FindAsync("c-1", CancellationToken.None))!.History);
        Assert.Equal(expected, (await OpenReplica().Conversations.FindAsync("c-1", CancellationToken.None))!.History);
    }

    [StoreFact]
    public async Task FindLatest_SeveralConversations_ReturnsMostRecentlyUpdated()
    {
        var store = OpenReplica().Conversations;
        await store.SaveTurnAsync(State("c-old", "u1", T0), null, ReplyFor("c-old", "a"), CancellationToken.None);
        await store.SaveTurnAsync(State("c-new", "u1", T0.AddMinutes(5)), null, ReplyFor("c-new", "b"), CancellationToken.None);
        await store.SaveTurnAsync(State("c-other", "u2", T0.AddMinutes(9)), null, ReplyFor("c-other", "c"), CancellationToken.None);

        Assert.Equal("c-new", (await store.FindLatestAsync("api", "u1", CancellationToken.None))!.ConversationId);
        Assert.Null(await store.FindLatestAsync("wechat", "u1", CancellationToken.None));
        Assert.Null(await store.FindReplyAsync("api", "u1", "", CancellationToken.None));
    }

    [StoreFact]
    public async Task SaveTurn_ConcurrentWriters_AllTurnsPersist()
    {
        var store = OpenReplica().Conversations;
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            store.SaveTurnAsync(State($"c-{i}", $"u{i}", T0), $"m{i}", ReplyFor($"c-{i}", $"r{i}"), CancellationToken.None)));
        for (var i = 0; i < 40; i++)
            Assert.Equal($"r{i}", (await store.FindReplyAsync("api", $"u{i}", $"m{i}", CancellationToken.None))!.Markdown);
    }

    [StoreFact]
    public async Task FeedbackSave_RatedAgain_ReplacesEarlierRatingAndListsOldestFirst()
    {
        var feedback = OpenReplica().Feedback;
        await feedback.SaveAsync(new Feedback("c-1", "m2", "up", null, T0.AddMinutes(1)), CancellationToken.None);
        await feedback.SaveAsync(new Feedback("c-1", "m1", "up", "清楚", T0), CancellationToken.None);
        await OpenReplica().Feedback.SaveAsync(new Feedback("c-1", "m2", "down", "没答到点上", T0.AddMinutes(2)), CancellationToken.None);
        await feedback.SaveAsync(new Feedback("c-2", "m1", "down", null, T0), CancellationToken.None);

        var listed = await OpenReplica().Feedback.ListAsync("c-1", CancellationToken.None);
        Assert.Equal(
            [new Feedback("c-1", "m1", "up", "清楚", T0), new Feedback("c-1", "m2", "down", "没答到点上", T0.AddMinutes(2))],
            listed);
        Assert.Empty(await feedback.ListAsync("c-3", CancellationToken.None));
    }

    [StoreFact]
    public async Task AuditAppend_FromTwoReplicas_ListsOneConversationInOrder()
    {
        await OpenReplica().Audit.AppendAsync(new AuditEntry("c-1", T0, "system", AuditActions.HandedOff, "user_request", []), CancellationToken.None);
        await OpenReplica().Audit.AppendAsync(new AuditEntry("c-2", T0, "alice", AuditActions.TakenOver, null, []), CancellationToken.None);
        await OpenReplica().Audit.AppendAsync(
            new AuditEntry("c-1", T0.AddMinutes(1), "alice", AuditActions.AgentMessage, "可以提取", ["《住房公积金管理条例》第二十四条"]), CancellationToken.None);

        var trail = await OpenReplica().Audit.ListAsync("c-1", CancellationToken.None);
        Assert.Equal([AuditActions.HandedOff, AuditActions.AgentMessage], trail.Select(e => e.Action));
        Assert.Equal((T0.AddMinutes(1), "alice", "可以提取"), (trail[1].At, trail[1].Actor, trail[1].Detail));
        Assert.Equal(["《住房公积金管理条例》第二十四条"], trail[1].Cited);
        Assert.Equal("user_request", trail[0].Detail);
    }

    [StoreFact]
    public async Task HandoffTryTakeOver_TwoAgentsOnTwoReplicas_ExactlyOneWins()
    {
        var store = OpenReplica().Handoffs;
        await store.OpenAsync(Waiting("c1", T0), [], CancellationToken.None);

        var results = await Task.WhenAll(
            Task.Run(() => OpenReplica().Handoffs.TryTakeOverAsync("c1", "alice", T0.AddMinutes(1), CancellationToken.None)),
            Task.Run(() => OpenReplica().Handoffs.TryTakeOverAsync("c1", "bob", T0.AddMinutes(1), CancellationToken.None)));

        Assert.Single(results, won => won);
        var handoff = (await store.FindAsync("c1", CancellationToken.None))!;
        Assert.Equal(HandoffStates.Active, handoff.State);
        Assert.Equal(results[0] ? "alice" : "bob", handoff.Agent);
        Assert.True(await store.TryTakeOverAsync("c1", handoff.Agent!, T0.AddMinutes(2), CancellationToken.None));
        Assert.Equal(T0.AddMinutes(1), (await store.FindAsync("c1", CancellationToken.None))!.TakenAt);
    }

    [StoreFact]
    public async Task HandoffTryClose_HolderOnlyWhileHolding()
    {
        var store = OpenReplica().Handoffs;
        await store.OpenAsync(Waiting("c1", T0), [], CancellationToken.None);
        await store.TryTakeOverAsync("c1", "alice", T0, CancellationToken.None);

        Assert.False(await store.TryCloseAsync("c1", "bob", HandoffOutcomes.Released, T0, CancellationToken.None));
        Assert.True(await store.TryCloseAsync("c1", "alice", "已解答", T0.AddMinutes(3), CancellationToken.None));
        Assert.False(await store.TryCloseAsync("c1", null, HandoffOutcomes.UserReturned, T0, CancellationToken.None));

        var closed = (await OpenReplica().Handoffs.FindAsync("c1", CancellationToken.None))!;
        Assert.Equal((HandoffStates.Closed, "已解答", T0.AddMinutes(3)), (closed.State, closed.Outcome, closed.ClosedAt));
        Assert.False(await store.TryTakeOverAsync("c1", "alice", T0, CancellationToken.None));
    }

    [StoreFact]
    public async Task HandoffOpen_SecondHandoff_ReopensAndSkipsLinesAlreadyWritten()
    {
        var store = OpenReplica().Handoffs;
        await store.OpenAsync(Waiting("c1", T0), [Line("c1", "user", "你好", T0.AddSeconds(-10)), Line("c1", "user", "转人工", T0)], CancellationToken.None);
        await store.TryTakeOverAsync("c1", "alice", T0.AddMinutes(1), CancellationToken.None);
        await store.AppendAsync(Line("c1", TranscriptEntry.System, "已结束", T0.AddMinutes(2)), null, CancellationToken.None);
        await store.TryCloseAsync("c1", "alice", HandoffOutcomes.Released, T0.AddMinutes(2), CancellationToken.None);

        await OpenReplica().Handoffs.OpenAsync(Waiting("c1", T0.AddMinutes(5)),
            [Line("c1", "user", "你好", T0.AddSeconds(-10)), Line("c1", "user", "又来了", T0.AddMinutes(4)), Line("c1", "user", "人工", T0.AddMinutes(5))],
            CancellationToken.None);

        var reopened = (await store.FindAsync("c1", CancellationToken.None))!;
        Assert.Equal((HandoffStates.Waiting, (string?)null, (string?)null), (reopened.State, reopened.Agent, reopened.Outcome));
        var texts = (await store.TranscriptAsync("c1", 0, CancellationToken.None)).Select(l => l.Text);
        Assert.Equal(["你好", "转人工", "已结束", "又来了", "人工"], texts);
    }

    [StoreFact]
    public async Task HandoffAppend_SameMessageIdOnTwoReplicas_WrittenOnceWithOneId()
    {
        await OpenReplica().Handoffs.OpenAsync(Waiting("c1", T0), [], CancellationToken.None);
        var ids = await Task.WhenAll(
            Task.Run(() => OpenReplica().Handoffs.AppendAsync(Line("c1", "user", "我的银行卡号写错了", T0.AddMinutes(1)), "m7", CancellationToken.None)),
            Task.Run(() => OpenReplica().Handoffs.AppendAsync(Line("c1", "user", "我的银行卡号写错了", T0.AddMinutes(1)), "m7", CancellationToken.None)));

        Assert.Equal(ids[0], ids[1]);
        var transcript = await OpenReplica().Handoffs.TranscriptAsync("c1", 0, CancellationToken.None);
        Assert.Equal(ids[0], Assert.Single(transcript).Id);
        Assert.Empty(await OpenReplica().Handoffs.TranscriptAsync("c1", ids[0], CancellationToken.None));
    }

    [StoreFact]
    public async Task HandoffQueue_ListsOldestFirstWithPositions()
    {
        var store = OpenReplica().Handoffs;
        await store.OpenAsync(Waiting("c-late", T0.AddMinutes(2)), [], CancellationToken.None);
        await store.OpenAsync(Waiting("c-early", T0), [], CancellationToken.None);
        await store.OpenAsync(Waiting("c-taken", T0.AddMinutes(1)), [], CancellationToken.None);
        await store.TryTakeOverAsync("c-taken", "alice", T0.AddMinutes(3), CancellationToken.None);

        var replica = OpenReplica().Handoffs;
        Assert.Equal(["c-early", "c-late"], (await replica.ListAsync([HandoffStates.Waiting], CancellationToken.None)).Select(h => h.ConversationId));
        Assert.Equal(["c-early", "c-taken", "c-late"],
            (await replica.ListAsync([HandoffStates.Waiting, HandoffStates.Active], CancellationToken.None)).Select(h => h.ConversationId));
        Assert.Empty(await replica.ListAsync([], CancellationToken.None));
        Assert.Equal((1, 2, 0, 0), (await replica.QueuePositionAsync("c-early", CancellationToken.None),
            await replica.QueuePositionAsync("c-late", CancellationToken.None), await replica.QueuePositionAsync("c-taken", CancellationToken.None),
            await replica.QueuePositionAsync("c-none", CancellationToken.None)));
    }

    [StoreFact]
    public async Task HandoffSummaryAndChannelAddress_SetOnOneReplica_ReadOnAnother()
    {
        await OpenReplica().Handoffs.OpenAsync(Waiting("c1", T0), [], CancellationToken.None);
        await OpenReplica().Handoffs.SetSummaryAsync("c1", "用户咨询租房提取公积金。", CancellationToken.None);
        await OpenReplica().Handoffs.SetChannelAddressAsync("c1", """{"serviceUrl":"https://bot.example/"}""", CancellationToken.None);

        var replica = OpenReplica().Handoffs;
        Assert.Equal("用户咨询租房提取公积金。", (await replica.FindAsync("c1", CancellationToken.None))!.Summary);
        Assert.Equal("""{"serviceUrl":"https://bot.example/"}""", await replica.FindChannelAddressAsync("c1", CancellationToken.None));
        Assert.Null(await replica.FindChannelAddressAsync("c2", CancellationToken.None));
        Assert.Null(await replica.FindAsync("c2", CancellationToken.None));
    }
}
