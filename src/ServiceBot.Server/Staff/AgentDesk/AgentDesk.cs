using ServiceBot.Answers;
using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Handoff;
using ServiceBot.Storage;
using ServiceBot.Tasks;

namespace ServiceBot.Server.Staff.AgentDesk;

/// <summary>What a desk action came to; <see cref="Problem"/> is the refusal (code and Chinese detail) when it failed.</summary>
public sealed record DeskOutcome<T>(T? Value, DeskProblem? Problem)
{
    public static implicit operator DeskOutcome<T>(T value) => new(value, null);

    public static implicit operator DeskOutcome<T>(DeskProblem problem) => new(default, problem);
}

public sealed record DeskProblem(int Status, string Code, string Title, string Detail);

/// <summary>
/// The agent desk over the handoff store: the queue, take-over with one winner, agent replies delivered on the user's
/// channel, release to the bot and close with an outcome, each written to the transcript and the audit trail.
/// The assist services are optional: without them there is no summary, no suggestion and no draft flag. Times are
/// given in the service's time zone.
/// </summary>
public sealed class AgentDesk(
    IHandoffStore handoffs,
    IConversationStore conversations,
    IAuditLog audit,
    AgentMessageDispatcher delivery,
    FormEngine forms,
    ConversationEngine engine,
    TimeProvider clock,
    IConversationSummarizer? summarizer = null,
    IReplySuggester? suggester = null,
    IDraftChecker? checker = null)
{
    public const string TakenOverNote = "人工客服{0}已接入，将为您继续服务。";
    public const string ReleasedNote = "人工客服已结束服务，您可以继续向智能助手提问。";
    public const string ClosedNote = "本次人工服务已结束，感谢您的耐心等待。如有其他问题，可继续向智能助手提问。";

    public async Task<IReadOnlyList<QueueItem>> QueueAsync(IReadOnlyCollection<string> states, CancellationToken cancellationToken)
    {
        var items = new List<QueueItem>();
        foreach (var handoff in await handoffs.ListAsync(states, cancellationToken))
        {
            var task = await TaskOfAsync(handoff.ConversationId, cancellationToken);
            var summary = handoff.Summary ?? await SummarizeAsync(handoff, task, cancellationToken);
            items.Add(Item(handoff, summary, task));
        }
        return items;
    }

    public async Task<DeskOutcome<ConversationDetail>> DetailAsync(string conversationId, long afterLine, CancellationToken cancellationToken)
    {
        if (await handoffs.FindAsync(conversationId, cancellationToken) is not { } handoff) return NotHandedOff(conversationId);
        var task = await TaskOfAsync(conversationId, cancellationToken);
        var summary = handoff.Summary ?? await SummarizeAsync(handoff, task, cancellationToken);
        var lines = await handoffs.TranscriptAsync(conversationId, afterLine, cancellationToken);
        return new ConversationDetail(Item(handoff, summary, task),
            [.. lines.Select(l => new TranscriptLineView(l.Id, l.Speaker, l.Text, Local(l.At), l.Agent))]);
    }

    public async Task<DeskOutcome<IReadOnlyList<SuggestedReply>>> SuggestAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await handoffs.FindAsync(conversationId, cancellationToken) is null) return NotHandedOff(conversationId);
        if (suggester is null) return new DeskOutcome<IReadOnlyList<SuggestedReply>>([], null);
        var transcript = await ForAssistAsync(conversationId, cancellationToken);
        return new DeskOutcome<IReadOnlyList<SuggestedReply>>(await suggester.SuggestAsync(transcript, cancellationToken), null);
    }

    public async Task<DeskOutcome<QueueItem>> TakeOverAsync(string conversationId, StaffMember agent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await handoffs.TryTakeOverAsync(conversationId, agent.Name, now, cancellationToken))
            return await RefusalAsync(conversationId, agent, cancellationToken);
        var handoff = (await handoffs.FindAsync(conversationId, cancellationToken))!;
        if (handoff.TakenAt == now)
        {
            await audit.AppendAsync(new AuditEntry(conversationId, now, agent.Name, AuditActions.TakenOver, handoff.Reason, []), cancellationToken);
            await NotifyAsync(handoff, string.Format(System.Globalization.CultureInfo.InvariantCulture, TakenOverNote, agent.Name), cancellationToken);
        }
        return Item(handoff, handoff.Summary, await TaskOfAsync(conversationId, cancellationToken));
    }

    public async Task<IReadOnlyList<DraftFlag>> CheckDraftAsync(string text, IReadOnlyList<Citation> citations, CancellationToken cancellationToken)
        => checker is null ? [] : await checker.CheckAsync(text, citations, cancellationToken);

    public async Task<DeskOutcome<SentMessage>> SendAsync(string conversationId, StaffMember agent, string text, IReadOnlyList<Citation> citations,
        bool overrideFlags, CancellationToken cancellationToken)
    {
        if (await HeldAsync(conversationId, agent, cancellationToken) is { Problem: { } problem }) return problem;
        var flags = await CheckDraftAsync(text, citations, cancellationToken);
        if (flags.Count > 0 && !overrideFlags)
            return new DeskProblem(StatusCodes.Status422UnprocessableEntity, "draft_flagged", "回复需要核对",
                "草稿有待核对的问题：" + string.Join("；", flags.Select(f => f.Message)) + "。确认无误可选择“仍然发送”。");

        var now = clock.GetUtcNow();
        var handoff = (await handoffs.FindAsync(conversationId, cancellationToken))!;
        var line = new TranscriptEntry(0, conversationId, Speakers.Agent, text, now, agent.Name);
        line = line with { Id = await handoffs.AppendAsync(line, null, cancellationToken) };
        var cited = citations.Select(c => $"《{c.Source.Trim('《', '》')}》{c.Section}").ToList();
        await audit.AppendAsync(new AuditEntry(conversationId, now, agent.Name, AuditActions.AgentMessage, text, cited), cancellationToken);
        if (flags.Count > 0)
            await audit.AppendAsync(new AuditEntry(conversationId, now, agent.Name, AuditActions.FlagOverridden,
                string.Join("；", flags.Select(f => $"{f.Kind}: {f.Message}")), cited), cancellationToken);
        var result = await delivery.DeliverAsync(handoff, line, cancellationToken);
        return new SentMessage(line.Id, handoff.Channel, result.Delivered, result.Problem, [.. flags]);
    }

    /// <summary>Fills in (or starts) the user's form with the agent's values; the bot's next step goes to the user, who still confirms.</summary>
    public async Task<DeskOutcome<PrefilledTask>> PrefillAsync(string conversationId, StaffMember agent, TaskDefinition definition,
        IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (await HeldAsync(conversationId, agent, cancellationToken) is { Problem: { } problem }) return problem;
        if (await engine.PrefillTaskAsync(conversationId, definition, values, cancellationToken) is not var (reply, refused))
            return NotHandedOff(conversationId);
        var now = clock.GetUtcNow();
        var filled = values.Keys.Where(k => !refused.ContainsKey(k)).ToList();
        await audit.AppendAsync(new AuditEntry(conversationId, now, agent.Name, AuditActions.TaskPrefilled,
            $"{definition.Name}: {string.Join(", ", filled)}", []), cancellationToken);
        var handoff = (await handoffs.FindAsync(conversationId, cancellationToken))!;
        var line = new TranscriptEntry(0, conversationId, TranscriptEntry.System, reply.Markdown, now, null);
        line = line with { Id = await handoffs.AppendAsync(line, null, cancellationToken) };
        var delivered = await delivery.DeliverAsync(handoff, line, cancellationToken);
        var task = reply.Task is { } snapshot ? snapshot with { Slots = SlotFormatter.Masked(definition, snapshot.Slots) } : null;
        return new PrefilledTask(task, reply.Markdown, refused, delivered.Delivered, delivered.Problem);
    }

    public Task<DeskOutcome<QueueItem>> ReleaseAsync(string conversationId, StaffMember agent, CancellationToken cancellationToken)
        => EndAsync(conversationId, agent, HandoffOutcomes.Released, AuditActions.Released, ReleasedNote, cancellationToken);

    public Task<DeskOutcome<QueueItem>> CloseAsync(string conversationId, StaffMember agent, string outcome, CancellationToken cancellationToken)
        => EndAsync(conversationId, agent, outcome, AuditActions.Closed, ClosedNote, cancellationToken);

    public async Task<DeskOutcome<IReadOnlyList<AuditEntry>>> AuditAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await handoffs.FindAsync(conversationId, cancellationToken) is null) return NotHandedOff(conversationId);
        var entries = await audit.ListAsync(conversationId, cancellationToken);
        return new DeskOutcome<IReadOnlyList<AuditEntry>>([.. entries.Select(e => e with { At = Local(e.At) })], null);
    }

    private async Task<DeskOutcome<QueueItem>> EndAsync(string conversationId, StaffMember agent, string outcome, string action, string note,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A supervisor may end a conversation someone else holds, or one still waiting; an agent only their own.
        if (!await handoffs.TryCloseAsync(conversationId, agent.IsSupervisor ? null : agent.Name, outcome, now, cancellationToken))
            return await RefusalAsync(conversationId, agent, cancellationToken);
        var handoff = (await handoffs.FindAsync(conversationId, cancellationToken))!;
        await audit.AppendAsync(new AuditEntry(conversationId, now, agent.Name, action, outcome, []), cancellationToken);
        await NotifyAsync(handoff, note, cancellationToken);
        return Item(handoff, handoff.Summary, await TaskOfAsync(conversationId, cancellationToken));
    }

    private async Task<DeskOutcome<HandoffRecord>> HeldAsync(string conversationId, StaffMember agent, CancellationToken cancellationToken)
    {
        var handoff = await handoffs.FindAsync(conversationId, cancellationToken);
        if (handoff is { State: HandoffStates.Active } && handoff.Agent == agent.Name) return handoff;
        return (await RefusalAsync(conversationId, agent, cancellationToken)).Problem!;
    }

    /// <summary>Why an action on the conversation was refused, from its state now.</summary>
    private async Task<DeskOutcome<QueueItem>> RefusalAsync(string conversationId, StaffMember agent, CancellationToken cancellationToken)
    {
        var handoff = await handoffs.FindAsync(conversationId, cancellationToken);
        return handoff switch
        {
            null => NotHandedOff(conversationId),
            { State: HandoffStates.Closed } => Conflict("handoff_closed", "该会话的人工服务已结束，已回到智能助手。"),
            { State: HandoffStates.Active } when handoff.Agent != agent.Name => Conflict("taken_by_other", $"该会话已由{handoff.Agent}接管，您无法操作。"),
            { State: HandoffStates.Waiting } => Conflict("not_taken", "请先接管该会话。"),
            _ => Conflict("conflict", "该会话的状态已变化，请刷新后重试。"),
        };
    }

    private async Task NotifyAsync(HandoffRecord handoff, string note, CancellationToken cancellationToken)
    {
        var line = new TranscriptEntry(0, handoff.ConversationId, TranscriptEntry.System, note, clock.GetUtcNow(), null);
        line = line with { Id = await handoffs.AppendAsync(line, null, cancellationToken) };
        await delivery.DeliverAsync(handoff, line, cancellationToken);
    }

    private async Task<TaskSnapshot?> TaskOfAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await conversations.FindAsync(conversationId, cancellationToken) is not { Task: { } task }) return null;
        var snapshot = forms.Snapshot(task);
        return snapshot with { Slots = SlotFormatter.Masked(forms.Catalog.Find(task.Name), snapshot.Slots) };
    }

    private async Task<string?> SummarizeAsync(HandoffRecord handoff, TaskSnapshot? task, CancellationToken cancellationToken)
    {
        if (summarizer is null) return null;
        var summary = await summarizer.SummarizeAsync(await ForAssistAsync(handoff.ConversationId, cancellationToken), task, cancellationToken);
        await handoffs.SetSummaryAsync(handoff.ConversationId, summary, cancellationToken);
        return summary;
    }

    private async Task<IReadOnlyList<TranscriptLine>> ForAssistAsync(string conversationId, CancellationToken cancellationToken)
        => [.. (await handoffs.TranscriptAsync(conversationId, 0, cancellationToken))
            .Where(l => l.Speaker != TranscriptEntry.System)
            .Select(l => new TranscriptLine(l.Speaker, l.Text, l.At))];

    private QueueItem Item(HandoffRecord handoff, string? summary, TaskSnapshot? task) => QueueItem.From(handoff with
    {
        WaitingSince = Local(handoff.WaitingSince),
        TakenAt = handoff.TakenAt is { } taken ? Local(taken) : null,
        ClosedAt = handoff.ClosedAt is { } closed ? Local(closed) : null,
    }, summary, task);

    /// <summary>Times as the agent reads them: in the service's zone (<see cref="ServiceTimeProvider"/>), whatever the host's.</summary>
    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);

    private static DeskProblem NotHandedOff(string conversationId)
        => new(StatusCodes.Status404NotFound, "not_found", "会话不存在", $"没有找到转人工的会话 {conversationId}。");

    private static DeskProblem Conflict(string code, string detail) => new(StatusCodes.Status409Conflict, code, "操作冲突", detail);
}
