using ServiceBot.Assist;
using ServiceBot.Conversation;
using ServiceBot.Conversation.Rewriting;
using ServiceBot.Localization;

namespace ServiceBot.Handoff;

/// <summary>
/// Handoff as a state of the conversation that the engine owns. Before routing, a conversation in the queue or
/// with an agent takes the user's message into its transcript and the bot stays silent (the user may go back to
/// the bot); a distress topic hands off at once. After routing, a request for a person, two refusals in a row (of
/// messages that ask something) or three invalid values for one slot hand off. The conversation's recent turns travel with it.
/// </summary>
public sealed class HandoffController(IHandoffStore store, IAuditLog audit, TimeProvider clock, HandoffPhrases? phrases = null)
{
    public const int RefusalLimit = 2;
    public const int InvalidValueLimit = 3;
    public const string SystemActor = "system";
    /// <summary>Quick replies while the user waits for a person, in the turn's language.</summary>
    public static IReadOnlyList<string> WaitingSuggestions => [BotText.Get(nameof(BotTexts.Handoff_BackToBotChoice))];

    /// <summary>Emergency numbers, shown first when a message speaks of danger or distress.</summary>
    public static BotText EmergencyNotice { get; } = new(nameof(BotTexts.Handoff_Emergency));

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
                : new TurnResult(BotText.Get(nameof(BotTexts.Handoff_Forwarded)), [], [], Handoff: true);
        }
        if (!_phrases.IsDistress(text)) return null;
        var notice = EmergencyNotice.Value + "\n\n" + BotText.Get(nameof(BotTexts.Handoff_EmergencyTransferred));
        return await OpenAsync(conversation, text, messageId, HandoffReasons.Distress, notice, cancellationToken);
    }

    /// <summary>The routed turn, or a handoff when the user asked for a person or the bot keeps failing them.</summary>
    public async Task<TurnResult> ReviewAsync(ConversationState conversation, string text, string? messageId, TurnResult routed, CancellationToken cancellationToken)
    {
        // A story told over several messages (物业不让电动车进门 … 送一单得走一公里多, i deliver for keeta in yiwu) asks nothing
        // yet: the bot finding no answer to it is no failure, and the question that follows must still reach the bot.
        if (!routed.Refused) conversation.ConsecutiveRefusals = 0;
        else if (!ServiceTopics.TellsAStoryInEitherLanguage(text)) conversation.ConsecutiveRefusals++;
        var (reason, lead) = routed.Handoff
            ? (HandoffReasons.UserRequest, BotText.Get(nameof(BotTexts.Handoff_UserRequest)))
            : conversation.ConsecutiveRefusals >= RefusalLimit
                ? (HandoffReasons.RepeatedRefusal, routed.Markdown + "\n\n---\n\n" + BotText.Get(nameof(BotTexts.Handoff_RepeatedRefusal)))
                : conversation.Task is { IsOpen: true } task && task.InvalidAttempts.Values.Any(n => n >= InvalidValueLimit)
                    ? (HandoffReasons.InvalidValues, routed.Markdown + "\n\n---\n\n" + BotText.Get(nameof(BotTexts.Handoff_InvalidValues)))
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
        return TurnResult.Text(BotText.Get(nameof(BotTexts.Handoff_Returned)),
            [BotText.Get(nameof(BotTexts.Choice_HumanAgent)), BotText.Get(nameof(BotTexts.Choice_OtherQuestion))]);
    }

    private async Task<string> WaitingNoticeAsync(string conversationId, CancellationToken cancellationToken)
    {
        var position = await store.QueuePositionAsync(conversationId, cancellationToken);
        var place = position > 0 ? BotText.Format(nameof(BotTexts.Handoff_QueuePosition), position) : "";
        return BotText.Format(nameof(BotTexts.Handoff_Waiting), place);
    }

    private TranscriptEntry Line(ConversationState conversation, string speaker, string text)
        => new(0, conversation.ConversationId, speaker, text, clock.GetUtcNow(), null);
}
