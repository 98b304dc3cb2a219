using ServiceBot.Assist;
using ServiceBot.Conversation;

namespace ServiceBot.Handoff;

/// <summary>
/// Handoff as a state of the conversation that the engine owns. Before routing, a conversation in the queue or
/// with an agent takes the user's message into its transcript and the bot stays silent (the user may go back to
/// the bot); a distress topic hands off at once. After routing, a request for a person, two refusals in a row or
/// three invalid values for one slot hand off. The conversation's recent turns travel with it.
/// </summary>
public sealed class HandoffController(IHandoffStore store, IAuditLog audit, TimeProvider clock, HandoffPhrases? phrases = null)
{
    public const int RefusalLimit = 2;
    public const int InvalidValueLimit = 3;
    public const string SystemActor = "system";
    public static readonly IReadOnlyList<string> WaitingSuggestions = ["返回机器人"];

    public const string EmergencyNotice =
        "您的安全最重要。如果您正面临危险，请立即拨打 **110** 报警；需要医疗急救请拨打 **120**；" +
        "心理援助热线 **12356** 随时有人倾听。";

    private readonly HandoffPhrases _phrases = phrases ?? HandoffPhrases.Default;

    /// <summary>The turn's result when the handoff decides it (handed off, or going back to the bot); null lets the bot route it.</summary>
    public async Task<TurnResult?> InterceptAsync(ConversationState conversation, string text, string? messageId, CancellationToken cancellationToken)
    {
        var handoff = conversation.HandedOff ? await store.FindAsync(conversation.ConversationId, cancellationToken) : null;
        // Released or closed at the desk since the last turn: the bot has the conversation again.
        conversation.HandedOff = handoff is { IsOpen: true };
        if (handoff is { IsOpen: true })
        {
            if (_phrases.ReturnsToBot(text)) return await ReturnToBotAsync(conversation, handoff, text, messageId, cancellationToken);
            await store.AppendAsync(Line(conversation, Speakers.User, text), messageId, cancellationToken);
            return handoff.State == HandoffStates.Waiting
                ? new TurnResult(await WaitingNoticeAsync(conversation.ConversationId, cancellationToken), [], WaitingSuggestions, Handoff: true)
                : new TurnResult("您的消息已转给人工客服，请稍候回复。", [], [], Handoff: true);
        }
        if (!_phrases.IsDistress(text)) return null;
        var notice = EmergencyNotice + "\n\n我已为您转接人工客服，工作人员会尽快与您联系。";
        return await OpenAsync(conversation, text, messageId, HandoffReasons.Distress, notice, cancellationToken);
    }

    /// <summary>The routed turn, or a handoff when the user asked for a person or the bot keeps failing them.</summary>
    public async Task<TurnResult> ReviewAsync(ConversationState conversation, string text, string? messageId, TurnResult routed, CancellationToken cancellationToken)
    {
        conversation.ConsecutiveRefusals = routed.Refused ? conversation.ConsecutiveRefusals + 1 : 0;
        var (reason, lead) = routed.Handoff
            ? (HandoffReasons.UserRequest, "好的，正在为您转接人工客服。工作人员会看到我们之前的对话，您无需重复描述。")
            : conversation.ConsecutiveRefusals >= RefusalLimit
                ? (HandoffReasons.RepeatedRefusal, routed.Markdown + "\n\n---\n\n抱歉，我暂时没能解答您的问题，已为您转接人工客服。")
                : conversation.Task is { IsOpen: true } task && task.InvalidAttempts.Values.Any(n => n >= InvalidValueLimit)
                    ? (HandoffReasons.InvalidValues, routed.Markdown + "\n\n---\n\n看起来填写遇到了困难，已为您转接人工客服，工作人员会协助您办理。")
                    : default;
        if (reason is null) return routed;
        return await OpenAsync(conversation, text, messageId, reason, lead!, cancellationToken);
    }

    private async Task<TurnResult> OpenAsync(ConversationState conversation, string text, string? messageId, string reason, string lead,
        CancellationToken cancellationToken)
    {
        conversation.HandedOff = true;
        conversation.ConsecutiveRefusals = 0;
        conversation.Task?.InvalidAttempts.Clear();
        var now = clock.GetUtcNow();
        var lines = new List<TranscriptEntry>();
        foreach (var turn in conversation.History)
        {
            lines.Add(new TranscriptEntry(0, conversation.ConversationId, Speakers.User, turn.User, turn.At, null));
            lines.Add(new TranscriptEntry(0, conversation.ConversationId, Speakers.Bot, turn.Bot, turn.At, null));
        }
        lines.Add(Line(conversation, Speakers.User, text));
        var handoff = new HandoffRecord(conversation.ConversationId, conversation.Channel, conversation.UserId, HandoffStates.Waiting, reason,
            now, Agent: null, TakenAt: null, ClosedAt: null, Outcome: null, Summary: null);
        await store.OpenAsync(handoff, lines, cancellationToken);
        await audit.AppendAsync(new AuditEntry(conversation.ConversationId, now, SystemActor, AuditActions.HandedOff, reason, []), cancellationToken);
        var markdown = lead + "\n\n" + await WaitingNoticeAsync(conversation.ConversationId, cancellationToken);
        return new TurnResult(markdown, [], WaitingSuggestions, Handoff: true);
    }

    private async Task<TurnResult> ReturnToBotAsync(ConversationState conversation, HandoffRecord handoff, string text, string? messageId,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        conversation.HandedOff = false;
        await store.AppendAsync(Line(conversation, Speakers.User, text), messageId, cancellationToken);
        if (await store.TryCloseAsync(conversation.ConversationId, holder: null, HandoffOutcomes.UserReturned, now, cancellationToken))
        {
            await store.AppendAsync(Line(conversation, TranscriptEntry.System, "用户已返回智能助手。"), null, cancellationToken);
            await audit.AppendAsync(new AuditEntry(conversation.ConversationId, now, SystemActor, AuditActions.UserReturned, handoff.Agent, []), cancellationToken);
        }
        return TurnResult.Text("好的，已为您切换回智能助手。请问还有什么可以帮您？", ["人工客服", "还有其他问题"]);
    }

    private async Task<string> WaitingNoticeAsync(string conversationId, CancellationToken cancellationToken)
    {
        var position = await store.QueuePositionAsync(conversationId, cancellationToken);
        var place = position > 0 ? $"您目前排在第 **{position}** 位，" : "";
        return $"正在等待人工客服接入，{place}请稍候。您发送的消息工作人员都能看到；不想等待可回复“返回机器人”。";
    }

    private TranscriptEntry Line(ConversationState conversation, string speaker, string text)
        => new(0, conversation.ConversationId, speaker, text, clock.GetUtcNow(), null);
}
