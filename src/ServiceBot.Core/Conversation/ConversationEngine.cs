using Microsoft.Extensions.Options;
using ServiceBot.Analytics;
using ServiceBot.Answers;
using ServiceBot.Conversation.Rewriting;
using ServiceBot.Handoff;
using ServiceBot.Places;
using ServiceBot.Localization;
using ServiceBot.Storage;
using ServiceBot.Storage.Retention;
using ServiceBot.Text;
using ServiceBot.Tasks;
using ServiceBot.Understanding;
using ServiceBot.Understanding.Dialog;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Conversation;

/// <summary>
/// The turn pipeline every channel calls: validate, serialise per user, dedup by message id, load the
/// conversation, route (task in progress → form engine; otherwise by intent), then save state and reply together.
/// With a <see cref="HandoffController"/> the conversation can be handed to a person, and while it is the bot stays silent.
/// With an <see cref="IStateEraser"/> a user can have their records deleted (删除我的记录).
/// </summary>
public sealed partial class ConversationEngine(
    IConversationStore store,
    FormEngine forms,
    ConversationUnderstanding understanding,
    IKnowledgeAnswerer knowledge,
    TimeProvider clock,
    IOptions<ConversationOptions> options,
    IUtteranceInterpreter? interpreter = null,
    QuestionRewriter? rewriter = null,
    HandoffController? handoffs = null,
    IStateEraser? eraser = null,
    ITurnLock? turnLock = null,
    PlaceGazetteer? places = null,
    IOptions<AssistantOptions>? assistant = null) : IConversationEngine
{
    public const int MaxIdLength = 200;

    private readonly ConversationOptions _options = options.Value;
    private readonly ITurnLock _locks = turnLock ?? new InProcessTurnLock();
    private readonly AssistantOptions _assistant = assistant?.Value ?? new AssistantOptions();

    private TaskCatalog Catalog => forms.Catalog;

    /// <exception cref="InvalidMessageException">Empty or oversized text, missing user or channel, or a conversation of another user.</exception>
    public async Task<Reply> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        Validate(message);
        // One user's turns run one at a time (across replicas when the lock is shared), so a channel's duplicate delivery waits and then finds the stored reply.
        await using var _ = await _locks.AcquireAsync(message.Channel + "\n" + message.UserId, cancellationToken);
        if (message.MessageId is { } messageId
            && await store.FindReplyAsync(message.Channel, message.UserId, messageId, cancellationToken) is { } earlier)
            return earlier;

        var conversation = await ResolveAsync(message, cancellationToken);
        EnterPlace(conversation, message.Place);
        if (message.Arrival) return await ArriveAsync(conversation, message.MessageId, cancellationToken);
        var text = message.Text.Trim();
        // The turn speaks the message's language; the setting flows into every await of this turn only. A name or
        // description given for a free-text slot (Global Trade (Yiwu) Co., Ltd. / 义乌环球贸易有限公司) is no change of language.
        if (!AnswersFreeText(conversation)) conversation.Language = LanguageDetector.Detect(text, conversation.Language);
        BotLanguages.UseForTurn(conversation.Language);
        var before = conversation.Task is { } task ? (task.Id, task.State) : default;

        // While a person has the conversation the user's own words go to them; otherwise the bot routes the turn.
        var turn = handoffs is null ? null : await handoffs.InterceptAsync(conversation, text, message.MessageId, cancellationToken);
        var routedTurn = turn;
        if (turn is null)
        {
            // Lay language is read before routing: 设保 → 社保, then 那外地户口呢 completed from the conversation.
            var routed = rewriter is null ? text : (await rewriter.CorrectAsync(text, conversation.Task is { IsOpen: true }, cancellationToken)).Text;
            var resolved = false;
            var uncovered = false;
            if (rewriter is not null)
            {
                var followUp = await rewriter.ResolveFollowUpAsync(conversation, routed, cancellationToken);
                (routed, resolved, uncovered) = (followUp.Text, followUp.IsResolved, followUp.SubjectUncovered);
            }
            // A long message is routed and answered by what it asks; its whole text still fills a form.
            var question = rewriter is null ? routed : await rewriter.FocusAsync(conversation, routed, cancellationToken);
            // A follow-up completed from the conversation asks one thing: the earlier turn only lends it a topic.
            IReadOnlyList<string> questions = rewriter is null || resolved ? [question] : await rewriter.SplitAsync(conversation, routed, cancellationToken);
            // A follow-up that switched to a subject no clause speaks of is refused, unless it asks for a task by name.
            turn = routedTurn = uncovered && Catalog.FindNamedIn(question) is null
                ? UncoveredSubject(conversation)
                : await RouteAsync(conversation, routed, question, questions, cancellationToken);
            // A story that asks nothing (我在义乌送外卖; i deliver for keeta in yiwu) found no answer because it asked for none:
            // the reply invites the question rather than saying no policy answers it.
            if (turn is { Refused: true, Handoff: false } && conversation.Task is not { IsOpen: true } && ServiceTopics.TellsAStoryInEitherLanguage(text))
                turn = turn with { Markdown = BotText.Get(nameof(BotTexts.Conversation_StoryHeard)) };
            if (handoffs is not null && !turn.ErasesUserData) turn = await handoffs.ReviewAsync(conversation, text, message.MessageId, turn, cancellationToken);
        }

        if (turn.ErasesUserData && eraser is not null)
        {
            // Under the user's turn lock, and this turn is not saved: the next message starts a new conversation.
            await eraser.EraseUserAsync(message.Channel, message.UserId, cancellationToken);
            return new Reply(conversation.ConversationId, turn.Markdown, turn.Citations, turn.Suggestions, Task: null, Handoff: false);
        }
        var now = clock.GetUtcNow();
        var snapshot = SnapshotOf(conversation, before);
        var reply = new Reply(conversation.ConversationId, turn.Markdown, turn.Citations, turn.Suggestions, snapshot, turn.Handoff)
        {
            Refused = turn.Refused && !turn.Handoff,
            Language = conversation.Language,
            Facts = FactsOf(routedTurn ?? turn, turn.Handoff, snapshot is null ? null : conversation.Task, before),
        };
        conversation.UpdatedAt = now;
        conversation.Remember(text, reply.Markdown, now);
        await store.SaveTurnAsync(conversation, message.MessageId, reply, cancellationToken);
        return reply;
    }

    /// <summary>
    /// A human agent fills in the user's form (<see cref="FormEngine.PrefillAsync"/>) under the user's turn lock, and the
    /// state is saved. The reply is the bot's next step, which the agent's channel brings to the user; the user still confirms.
    /// </summary>
    /// <returns>Null when the conversation does not exist.</returns>
    public async Task<(Reply Reply, IReadOnlyDictionary<string, string> Refused)?> PrefillTaskAsync(string conversationId, TaskDefinition definition,
        IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(conversationId, cancellationToken) is not { } known) return null;
        await using var _ = await _locks.AcquireAsync(known.Channel + "\n" + known.UserId, cancellationToken);
        var conversation = (await store.FindAsync(conversationId, cancellationToken))!;
        BotLanguages.UseForTurn(conversation.Language);
        var before = conversation.Task is { } task ? (task.Id, task.State) : default;
        var (next, refused) = await forms.PrefillAsync(conversation, definition, values, cancellationToken);
        var reply = new Reply(conversationId, next.Markdown, next.Citations, next.Suggestions, SnapshotOf(conversation, before), Handoff: true);
        conversation.UpdatedAt = clock.GetUtcNow();
        await store.SaveTurnAsync(conversation, messageId: null, reply, cancellationToken);
        return (reply, refused);
    }

    private void Validate(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.UserId)) throw new InvalidMessageException("userId 不能为空。", nameof(message.UserId));
        if (message.UserId.Length > MaxIdLength) throw new InvalidMessageException($"userId 不能超过 {MaxIdLength} 个字符。", nameof(message.UserId));
        if (string.IsNullOrWhiteSpace(message.Channel)) throw new InvalidMessageException("channel 不能为空。", nameof(message.Channel));
        if (message.ConversationId is { Length: > MaxIdLength } || message.ConversationId is { } id && string.IsNullOrWhiteSpace(id))
            throw new InvalidMessageException($"conversationId 不能为空白且不能超过 {MaxIdLength} 个字符。", nameof(message.ConversationId));
        if (message.MessageId is { Length: > MaxIdLength })
            throw new InvalidMessageException($"messageId 不能超过 {MaxIdLength} 个字符。", nameof(message.MessageId));
        if (message.Arrival) return;
        if (string.IsNullOrWhiteSpace(message.Text)) throw new InvalidMessageException("text 不能为空。", nameof(message.Text));
        if (message.Text.Length > _options.MaxTextLength)
            throw new InvalidMessageException($"text 不能超过 {_options.MaxTextLength} 个字符。", nameof(message.Text));
    }

    /// <summary>
    /// An explicit id that is unknown starts a conversation under that id (channels such as WeChat and Bot Framework
    /// bring their own ids) unless the channel's ids are issued by the server; one that belongs to another user is refused. Without an id, the user's latest conversation
    /// continues unless it has been idle longer than <see cref="ConversationOptions.IdleTimeout"/>.
    /// </summary>
    private async Task<ConversationState> ResolveAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (message.ConversationId is { } id)
        {
            var found = await store.FindAsync(id, cancellationToken);
            if (found is null)
                return message.ConversationIdIssuedByServer
                    ? throw new InvalidMessageException("会话不存在，请不带 conversationId 开始新会话。", nameof(message.ConversationId))
                    : New(message, id);
            if (found.UserId != message.UserId || found.Channel != message.Channel)
                throw new InvalidMessageException("该会话不属于当前用户。", nameof(message.ConversationId));
            return found;
        }
        var latest = await store.FindLatestAsync(message.Channel, message.UserId, cancellationToken);
        return latest is not null && clock.GetUtcNow() - latest.UpdatedAt <= _options.IdleTimeout
            ? latest
            : New(message, "c-" + Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"), latest?.Tickets);
    }

    /// <param name="issued">The user's tickets from the conversation this one follows: still theirs to look up.</param>
    private ConversationState New(IncomingMessage message, string id, IEnumerable<string>? issued = null)
    {
        var now = clock.GetUtcNow();
        return new ConversationState
        {
            ConversationId = id, UserId = message.UserId, Channel = message.Channel, CreatedAt = now, UpdatedAt = now, Tickets = [.. issued ?? []],
        };
    }

    private static bool AnswersFreeText(ConversationState conversation)
        => conversation.Task is { IsOpen: true, PendingSlot: { } pending } && Understanding.Slots.SlotIds.FreeText.Contains(pending);

    /// <summary>The open task; or the task this turn finished, shown once more with its ticket; otherwise none.</summary>
    private TaskSnapshot? SnapshotOf(ConversationState conversation, (string? Id, TaskState State) before)
        => conversation.Task is { } task && (task.IsOpen || task.Id != before.Id || task.State != before.State)
            ? forms.Snapshot(task)
            : null;

    /// <param name="turn">What the bot made of the message, before a handoff review replaced it (a refusal stays a refusal).</param>
    /// <param name="handedOff">The reply leaves the conversation with a person.</param>
    /// <param name="task">The task the reply shows, if any.</param>
    private static TurnFacts FactsOf(TurnResult turn, bool handedOff, TaskInstance? task, (string? Id, TaskState State) before)
    {
        var outcome = turn switch
        {
            { Handoff: true } => TurnOutcomes.Handoff,
            { OutOfScope: true } => TurnOutcomes.OutOfScope,
            { Refused: true } => TurnOutcomes.Refusal,
            { Answered: true } => TurnOutcomes.Grounded,
            _ when task is not null => TurnOutcomes.TaskStep,
            _ => TurnOutcomes.Other,
        };
        if (task is null) return new TurnFacts(outcome, handedOff, null);
        var started = task.Id != before.Id;
        return new TurnFacts(outcome, handedOff, new TaskFacts(task.Name, task.Id, task.State.ToString().ToLowerInvariant(),
            task.State == TaskState.Collecting ? task.PendingSlot : null, started, started || task.State != before.State));
    }

    /// <param name="text">The message as read (corrected, follow-up completed): it answers a form and fills slots.</param>
    /// <param name="question">What it asks (<see cref="QuestionRewriter.FocusAsync"/>): it is classified and answered.</param>
    /// <param name="questions">The two questions it asks about different topics (<see cref="QuestionRewriter.SplitAsync"/>), or one.</param>
    private async Task<TurnResult> RouteAsync(ConversationState conversation, string text, string question, IReadOnlyList<string> questions,
        CancellationToken cancellationToken)
    {
        var offered = Catalog.Find(conversation.OfferedTask);
        conversation.OfferedTask = null;
        if (ErasureStep(conversation, text) is { } erasure) return erasure;
        var prediction = understanding.ClassifyMessage(question, text);

        if (conversation.Task is { IsOpen: true })
        {
            if (prediction.Intent == IntentNames.HumanAgent && prediction.Confidence >= _options.HandoffConfidence) return HandOff();
            return await forms.ContinueAsync(conversation, text, cancellationToken);
        }

        if (Catalog.FindNamedIn(question) is { } named) return await StartAsync(conversation, named, text, cancellationToken);
        if (ErrandRequest.IsErrand(question)) return OutOfScopeReply();
        // A question after the offer (那办理费要多少, when does it start) asks about the task; it does not take the offer up.
        if (offered is not null && (understanding.Acts.Detect(text) == DialogAct.Affirm || text.Contains("办理", StringComparison.Ordinal)
                || text.Contains("start", StringComparison.OrdinalIgnoreCase)) && !TaskQuestionCue.AsksAbout(text))
            return await StartAsync(conversation, offered, text, cancellationToken);
        if (forms.CanRetry(conversation, text)) return await forms.RetryAsync(conversation, text, cancellationToken);
        switch (understanding.Acts.Detect(text))
        {
            case DialogAct.Cancel:
                return TurnResult.Text(BotText.Get(nameof(BotTexts.Conversation_NothingToCancel)), Catalog.Menu);
            case DialogAct.Affirm when conversation.Task is { State: TaskState.Submitted, Ticket: { } ticket } done:
                // A second yes after the submission (a resent 确认) must not look like nothing happened, nor submit again.
                return TurnResult.Text(BotText.Format(nameof(BotTexts.Conversation_AlreadySubmitted), Catalog.Find(done.Name)?.DisplayName.Value, ticket),
                    FormEngine.AfterTicketSuggestions);
        }

        if (questions.Count == 2 && await AnswerBothAsync(conversation, questions[0], questions[1], cancellationToken) is { } both) return both;
        if (prediction.Confidence < _options.MinIntentConfidence)
        {
            if (await ProposeTaskAsync(conversation, question, cancellationToken) is var (proposed, proposal))
                return WithPlaceNote(conversation, await forms.StartAsync(conversation, proposed, text, PlaceValues(conversation, proposed, text), proposal, cancellationToken));
            return await AnswerAsync(question, cancellationToken);
        }
        if (Catalog.Find(prediction.Intent) is { } task)
        {
            // 社保转移要准备啥材料 asks before doing: answer and offer the task rather than open a form.
            if (AsksAbout(conversation, task, question)) return await AnswerTaskQuestionAsync(conversation, question, task, cancellationToken);
            return await StartAsync(conversation, task, text, cancellationToken);
        }
        return prediction.Intent switch
        {
            IntentNames.TaskQuestion => await AnswerTaskQuestionAsync(conversation, question, Catalog.Find(prediction.Topic), cancellationToken),
            IntentNames.Greeting => TurnResult.Text(Welcome.For(_assistant, places?.Find(conversation.Place)), Catalog.Menu),
            IntentNames.Thanks => TurnResult.Text(BotText.Get(nameof(BotTexts.Conversation_Thanks)),
                [BotText.Get(nameof(BotTexts.Choice_OtherQuestion)), .. Catalog.Menu]),
            IntentNames.HumanAgent => HandOff(),
            IntentNames.OutOfScope => await OutOfScopeAsync(question, cancellationToken),
            _ => await AnswerAsync(question, cancellationToken),
        };
    }

    private async Task<TurnResult> StartAsync(ConversationState conversation, TaskDefinition definition, string text, CancellationToken cancellationToken)
    {
        var known = PlaceValues(conversation, definition, text);
        // 查询办件进度 right after a submission asks about the ticket just issued.
        if (conversation.Task is { Ticket: { } ticket } && definition.Slot(Understanding.Slots.SlotIds.Ticket) is not null)
            known[Understanding.Slots.SlotIds.Ticket] = ticket;
        return WithPlaceNote(conversation, await forms.StartAsync(conversation, definition, text, known, cancellationToken));
    }

    /// <summary>
    /// When the offline classifier is unsure, the interpreter (if a model is configured) may name a task. Opening a form is
    /// safe (nothing submits before the user confirms), but a yes/no question about a task with side effects is answered.
    /// </summary>
    private async Task<(TaskDefinition Task, Interpretation Proposal)?> ProposeTaskAsync(ConversationState conversation, string text, CancellationToken cancellationToken)
    {
        if (interpreter is null) return null;
        var proposal = await interpreter.InterpretAsync(text, Catalog.All, expectedSlot: null, cancellationToken);
        if (Catalog.Find(proposal?.Task) is not { } task) return null;
        return AsksAbout(conversation, task, text) ? null : (task, proposal!);
    }

    /// <summary>
    /// A question about the task (<see cref="TaskQuestionCue"/>). A look-up given what it looks up (邯郸附近有没有骑手驿站,
    /// 我的办件GJJ-…到哪一步了) is a request whatever its wording: its answer is the look-up. So is a look-up the user's
    /// door plate answers (附近有没有驿站 at a known place). A look-up asked for what its list never states (深圳的驿站电话是多少,
    /// 一共有多少个, 广州的驿站司机也能去吗) is a question again: the look-up would answer another one.
    /// </summary>
    private bool AsksAbout(ConversationState conversation, TaskDefinition task, string text)
        => TaskQuestionCue.AsksAbout(text)
           && (task.HasSideEffect || SpecificAsk.AsksSpecific(text) || TaskGuideSections.AsksConditions(text)
               || (understanding.Slots.ExtractSlots(text, task.SlotIds, clock.GetUtcNow()).Count == 0
                   && PlaceValues(conversation, task, text).Count == 0));

    /// <summary>A refusal that also withdraws the task the last answer offered: a 好的 after it must not start that task.</summary>
    private static TurnResult UncoveredSubject(ConversationState conversation)
    {
        conversation.OfferedTask = null;
        return AnswerTurn(ExtractiveAnswerComposer.Refusal());
    }

    /// <summary>
    /// The classifier's out-of-scope call is a guess from the wording (圣诞, 看电影, 世界杯), and the news and the opinion
    /// talk of such things too. A Chinese question still goes to the knowledge, whose refusal model weighs it with the
    /// domain score; only a refusal gets the short out-of-scope reply. An English question goes there only when the
    /// lexicon reads most of its words (once i book the appointment how many days till i get the business licence): its
    /// refusal model is weaker, and the weather or a hotel, which the lexicon does not read, would get the Yiwu guide.
    /// </summary>
    private async Task<TurnResult> OutOfScopeAsync(string question, CancellationToken cancellationToken)
    {
        if ((!ServiceTopics.IsEnglish(question) || EnglishBridge.Default.Translate(question) is { IsReadable: true })
            && await knowledge.AnswerAsync(question, cancellationToken) is { Grounded: true } answer)
            return AnswerTurn(answer);
        return OutOfScopeReply();
    }

    private TurnResult OutOfScopeReply()
        => TurnResult.Text(BotText.Get(nameof(BotTexts.Conversation_OutOfScope)),
            [BotText.Get(nameof(BotTexts.Choice_HumanAgent)), .. Catalog.Menu]) with { Refused = true, OutOfScope = true };

    private async Task<TurnResult> AnswerAsync(string text, CancellationToken cancellationToken)
        => AnswerTurn(await knowledge.AnswerAsync(text, cancellationToken));

    /// <summary>A grounded answer invites more questions; a refusal offers the nearest known topics, then a human or 12345.</summary>
    private static TurnResult AnswerTurn(Answer answer)
    {
        IReadOnlyList<string> suggestions = answer.Grounded
            ? [BotText.Get(nameof(BotTexts.Choice_OtherQuestion))]
            : [.. answer.Suggestions, BotText.Get(nameof(BotTexts.Choice_HumanAgent)), BotText.Get(nameof(BotTexts.HotlineAppeal_MenuPrompt))];
        return new TurnResult(answer.Markdown, answer.Citations, suggestions, answer.Handoff, Refused: !answer.Grounded)
        {
            Answered = answer.Grounded,
            OutOfScope = answer.OutOfScope,
        };
    }

    /// <summary>
    /// Answered from the task's guide first, then the task is offered; it starts only when the user accepts. Said to be
    /// done already (公积金提取交上去了), the offer is to look up its progress instead of doing it again.
    /// </summary>
    private async Task<TurnResult> AnswerTaskQuestionAsync(ConversationState conversation, string text, TaskDefinition? topic, CancellationToken cancellationToken)
    {
        if (topic is null) return await AnswerAsync(text, cancellationToken);
        var answer = AnswerTurn(await knowledge.AnswerTaskQuestionAsync(text, topic.Name, cancellationToken));
        var offered = TaskQuestionCue.SaysDoneAlready(text) && Catalog.Find(IntentNames.TicketStatus) is { } progress ? progress : topic;
        conversation.OfferedTask = offered.Name;
        return answer with
        {
            Markdown = answer.Markdown + "\n\n" + BotText.Format(nameof(BotTexts.Conversation_OfferTask), offered.DisplayName.Value),
            Suggestions = [TaskCatalog.StartChoice(offered), .. answer.Suggestions],
        };
    }

    /// <summary>
    /// Two questions in one message are answered one after the other (<see cref="TwoQuestionAnswer"/>), each from its task's
    /// guide when it asks about a task, and the first task asked about is offered. Null when either half asks to do a task
    /// (我要办), or neither finds an answer: the message is then routed as one.
    /// </summary>
    private async Task<TurnResult?> AnswerBothAsync(ConversationState conversation, string first, string second, CancellationToken cancellationToken)
    {
        var topics = new List<TaskDefinition?>();
        foreach (var question in (string[])[first, second])
        {
            var prediction = understanding.ClassifyMessage(question);
            if (Catalog.Find(prediction.Intent) is { } task)
            {
                if (!AsksAbout(conversation, task, question)) return null;
                topics.Add(task);
            }
            else topics.Add(prediction.Intent == IntentNames.TaskQuestion ? Catalog.Find(prediction.Topic) : null);
        }
        var answers = new Answer[2];
        for (var i = 0; i < 2; i++)
        {
            var question = i == 0 ? first : second;
            answers[i] = topics[i] is { } topic
                ? await knowledge.AnswerTaskQuestionAsync(question, topic.Name, cancellationToken)
                : await knowledge.AnswerAsync(question, cancellationToken);
        }
        if (TwoQuestionAnswer.Combine(first, answers[0], second, answers[1]) is not { } combined) return null;
        var turn = AnswerTurn(combined);
        if (topics.FirstOrDefault(t => t is not null) is not { } offered) return turn;
        conversation.OfferedTask = offered.Name;
        return turn with
        {
            Markdown = turn.Markdown + "\n\n" + BotText.Format(nameof(BotTexts.Conversation_OfferTask), offered.DisplayName.Value),
            Suggestions = [TaskCatalog.StartChoice(offered), .. turn.Suggestions],
        };
    }

    /// <summary>The user asked for a person; the <see cref="HandoffController"/> puts the conversation in the queue.</summary>
    private static TurnResult HandOff()
    {
        return new TurnResult(BotText.Get(nameof(BotTexts.Conversation_HandOff)), [], [], Handoff: true);
    }

}
