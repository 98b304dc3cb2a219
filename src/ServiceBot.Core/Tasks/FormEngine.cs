using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Backend;
using ServiceBot.Conversation;
using ServiceBot.Localization;
using ServiceBot.Text;
using ServiceBot.Understanding;
using ServiceBot.Understanding.Dialog;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Tasks;

/// <summary>
/// Runs any <see cref="TaskDefinition"/> as a form: ask for the first missing slot, take several values
/// from one sentence, re-ask invalid ones with the validator's reason, apply corrections, answer questions
/// asked on the way, confirm every value and submit exactly once. Operates on <see cref="ConversationState.Task"/>.
/// </summary>
public sealed partial class FormEngine(
    TaskCatalog catalog,
    ConversationUnderstanding understanding,
    ITaskBackend backend,
    IKnowledgeAnswerer knowledge,
    TimeProvider clock,
    IOptions<ConversationOptions> options,
    IUtteranceInterpreter? interpreter = null)
{
    /// <summary>Quick replies under a confirmation, in the turn's language.</summary>
    public static IReadOnlyList<string> ConfirmSuggestions
        => [BotText.Get(nameof(BotTexts.Choice_ConfirmSubmit)), BotText.Get(nameof(BotTexts.Choice_Change)), BotText.Get(nameof(BotTexts.Choice_Cancel))];

    /// <summary>Quick replies under a ticket just issued, in the turn's language.</summary>
    public static IReadOnlyList<string> AfterTicketSuggestions
        => [BotText.Get(nameof(BotTexts.TicketStatus_MenuPrompt)), BotText.Get(nameof(BotTexts.Choice_OtherQuestion))];

    private readonly ConversationOptions _options = options.Value;

    public TaskCatalog Catalog => catalog;

    /// <summary>Starts <paramref name="definition"/>, taking every value the opening sentence already gives.</summary>
    /// <param name="known">Values carried over from earlier in the conversation (the ticket just issued), used when the sentence lacks them.</param>
    public Task<TurnResult> StartAsync(ConversationState conversation, TaskDefinition definition, string text,
        IReadOnlyDictionary<string, string>? known, CancellationToken cancellationToken)
        => StartAsync(conversation, definition, text, known, proposal: null, cancellationToken);

    /// <summary>As above, with a model's <paramref name="proposal"/> already made for this sentence (it is validated like any other).</summary>
    public async Task<TurnResult> StartAsync(ConversationState conversation, TaskDefinition definition, string text,
        IReadOnlyDictionary<string, string>? known, Interpretation? proposal, CancellationToken cancellationToken)
    {
        var task = new TaskInstance { Id = NewTaskId(), Name = definition.Name };
        conversation.Task = task;
        var (notes, offers) = Fill(task, definition, await ExtractWithProposalAsync(text, definition, task, expected: null, proposal, cancellationToken), pending: null);
        // 打12345反映工地半夜施工太吵 has told the problem already: asking for it again would make the user repeat it.
        if (definition.Slot(SlotIds.Description) is not null && !task.Slots.ContainsKey(SlotIds.Description)
            && FreeTextSlots.FindOpeningDescription(text) is { } told)
        {
            task.Slots[SlotIds.Description] = told;
            notes += "\n\n" + BotText.Format(nameof(BotTexts.Forms_DescriptionTaken), told);
        }
        foreach (var (slot, value) in known ?? new Dictionary<string, string>())
            if (definition.Slot(slot) is not null) task.Slots.TryAdd(slot, value);
        return await NextAsync(conversation, task, definition, BotText.Format(nameof(BotTexts.Forms_Start), definition.DisplayName.Value) + notes, offers, cancellationToken);
    }

    /// <summary>One user turn for the open task.</summary>
    public async Task<TurnResult> ContinueAsync(ConversationState conversation, string text, CancellationToken cancellationToken)
    {
        var task = conversation.Task ?? throw new InvalidOperationException("No task is in progress.");
        if (!task.IsOpen) throw new InvalidOperationException($"Task {task.Id} is {task.State}, not open.");
        var definition = Definition(task);
        var act = understanding.Acts.Detect(text);

        if (act == DialogAct.Cancel && !IsFreeTextAnswer(task, text)) return Cancel(task, definition);
        if (await DigressAsync(task, definition, text, cancellationToken) is { } digression) return digression;
        // A correction comes before a deny: 不对，金额改成2000 is both.
        if (understanding.Corrections.Detect(text, definition.SlotIds) is { } correction)
            return await CorrectAsync(conversation, task, definition, correction, cancellationToken);
        return task.State == TaskState.Confirming
            ? await ConfirmingAsync(conversation, task, definition, text, act, cancellationToken)
            : await CollectingAsync(conversation, task, definition, text, act, cancellationToken);
    }

    /// <summary>
    /// Values a human agent gives for the user's form: the open run of <paramref name="definition"/> continues, or a new
    /// one starts. Each value is read as if the user had just been asked for that slot, so the same validators accept or
    /// refuse it. Nothing is submitted here: the result is the bot's next step (ask, or confirm with the user).
    /// </summary>
    /// <returns>The next step, and the reason for each value refused.</returns>
    public async Task<(TurnResult Next, IReadOnlyDictionary<string, string> Refused)> PrefillAsync(ConversationState conversation,
        TaskDefinition definition, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var task = conversation.Task is { IsOpen: true } open && open.Name == definition.Name
            ? open
            : new TaskInstance { Id = NewTaskId(), Name = definition.Name };
        conversation.Task = task;
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (slotId, value) in values)
        {
            if (definition.Slot(slotId) is not { } slot) refused[slotId] = BotText.Format(nameof(BotTexts.Forms_NoSuchSlot), definition.DisplayName.Value);
            else if (Extract(value, definition, slotId).GetValueOrDefault(slotId) is { IsValid: true } found) task.Slots[slotId] = found.Value;
            else refused[slotId] = Extract(value, definition, slotId).GetValueOrDefault(slotId)?.Validation.Reason ?? BotText.Format(nameof(BotTexts.Forms_NotRecognised), slot.Label.Value);
        }
        var next = await NextAsync(conversation, task, definition, BotText.Format(nameof(BotTexts.Forms_Prefilled), definition.DisplayName.Value), offers: [], cancellationToken);
        return (next, refused);
    }

    /// <summary>
    /// True when the last task was refused for a reason the user can fix and this message gives the value to fix it
    /// (a new amount after "amount exceeds balance"), so <see cref="RetryAsync"/> should take it.
    /// </summary>
    public bool CanRetry(ConversationState conversation, string text)
    {
        if (conversation.Task is not { State: TaskState.Failed, RetrySlot: { } slot } task) return false;
        if (understanding.Acts.Detect(text) == DialogAct.Cancel) return false;
        var definition = Definition(task);
        if (understanding.Corrections.Detect(text, definition.SlotIds) is { SlotId: { } corrected }) return corrected == slot;
        return Extract(text, definition, slot).TryGetValue(slot, out var value) && value.IsValid;
    }

    /// <summary>Starts a new run of the refused task with its values, minus the one to fix, and applies this message to it.</summary>
    public Task<TurnResult> RetryAsync(ConversationState conversation, string text, CancellationToken cancellationToken)
    {
        var failed = conversation.Task ?? throw new InvalidOperationException("No task to retry.");
        var slot = failed.RetrySlot ?? throw new InvalidOperationException($"Task {failed.Id} cannot be retried.");
        // A new instance means a new idempotency key: the refused submission's key is spent.
        var retry = new TaskInstance { Id = NewTaskId(), Name = failed.Name, PendingSlot = slot };
        foreach (var (id, value) in failed.Slots.Where(s => s.Key != slot)) retry.Slots[id] = value;
        conversation.Task = retry;
        return ContinueAsync(conversation, text, cancellationToken);
    }

    public TaskSnapshot Snapshot(TaskInstance task)
        => new(task.Name, task.State.ToString().ToLowerInvariant(), new Dictionary<string, string>(task.Slots, StringComparer.Ordinal),
            task.IsOpen ? Missing(Definition(task), task) : [], task.Ticket);

    /// <summary>Required slots not yet filled, in the order they will be asked.</summary>
    public static IReadOnlyList<string> Missing(TaskDefinition definition, TaskInstance task)
        => [.. definition.Slots.Where(s => s.Required && !task.Slots.ContainsKey(s.Id)).Select(s => s.Id)];

    private TaskDefinition Definition(TaskInstance task)
        => catalog.Find(task.Name) ?? throw new InvalidOperationException($"Task {task.Name} is not in the catalog.");

    private string NewTaskId() => "t-" + Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");

    private SlotExtractionResult Extract(string text, TaskDefinition definition, string? expected)
        => understanding.Slots.ExtractSlots(text, definition.SlotIds, clock.GetUtcNow(), expected);

    /// <summary>
    /// The offline extraction, plus the interpreter's values for slots it found nothing for. A proposed value is read by the
    /// same extractor as if the user had just been asked for that slot, so the same validators accept or refuse it; it never
    /// replaces a value the extractor found in the user's words. The model is asked only when required slots would stay empty.
    /// </summary>
    private async Task<SlotExtractionResult> ExtractWithProposalAsync(string text, TaskDefinition definition, TaskInstance task, string? expected,
        Interpretation? proposal, CancellationToken cancellationToken)
    {
        var offline = Extract(text, definition, expected);
        if (proposal is null)
        {
            var stillMissing = definition.Slots.Any(s => s.Required && !task.Slots.ContainsKey(s.Id) && !(offline.TryGetValue(s.Id, out var v) && v.IsValid));
            if (interpreter is null || !stillMissing) return offline;
            proposal = await interpreter.InterpretAsync(text, [definition], expected, cancellationToken);
            if (proposal is null) return offline;
        }
        var merged = offline.ToDictionary(StringComparer.Ordinal);
        foreach (var (slotId, value) in proposal.Slots)
        {
            if (definition.Slot(slotId) is null || merged.ContainsKey(slotId)) continue;
            if (Extract(value, definition, slotId).TryGetValue(slotId, out var checkedValue)) merged[slotId] = checkedValue;
        }
        return new SlotExtractionResult(merged, offline.Candidates);
    }

    /// <summary>
    /// Stores the valid values and returns the reasons for the invalid ones, as text to put before the next prompt, with
    /// the values the validators offer instead (the next working day) as quick replies.
    /// </summary>
    private static (string Notes, IReadOnlyList<string> Offers) Fill(TaskInstance task, TaskDefinition definition, SlotExtractionResult extraction, string? pending)
    {
        var notes = new StringBuilder();
        var offers = new List<string>();
        foreach (var slot in definition.Slots)
        {
            if (!extraction.TryGetValue(slot.Id, out var found)) continue;
            var filled = task.Slots.ContainsKey(slot.Id);
            // A value met in passing never overwrites one already given; only the slot just asked for is replaced.
            if (filled && slot.Id != pending) continue;
            if (found.IsValid)
            {
                task.Slots[slot.Id] = found.Value;
                task.InvalidAttempts.Remove(slot.Id);
            }
            else
            {
                notes.Append("\n\n").Append(Problem(slot, found));
                if (found.Validation.Suggestion is { } offer) offers.Add(offer);
                CountInvalid(task, slot.Id);
            }
        }
        return (notes.ToString(), offers);
    }

    private static void CountInvalid(TaskInstance task, string slotId)
        => task.InvalidAttempts[slotId] = task.InvalidAttempts.GetValueOrDefault(slotId) + 1;

    private static string Problem(SlotDefinition slot, ExtractedSlot found)
        => BotText.Format(nameof(BotTexts.Forms_ValueRejected), slot.Label.Value, found.Validation.Reason);

    private async Task<TurnResult> CollectingAsync(ConversationState conversation, TaskInstance task, TaskDefinition definition, string text, DialogAct act,
        CancellationToken cancellationToken)
    {
        var pending = task.PendingSlot;
        var extraction = await ExtractWithProposalAsync(text, definition, task, pending, proposal: null, cancellationToken);
        var before = new Dictionary<string, string>(task.Slots);
        var (notes, offers) = Fill(task, definition, extraction, pending);
        var changed = task.Slots.Count != before.Count || task.Slots.Any(s => !before.TryGetValue(s.Key, out var old) || old != s.Value);

        if (pending is not null && definition.Slot(pending) is { } asked && task.Slots.ContainsKey(pending))
        {
            // Re-asking a slot that still holds its old value: a bad new value or no value keeps asking, a yes keeps the old one.
            if (notes.Length > 0) return Ask(task, definition, asked, notes.TrimStart('\n'), offers);
            if (!changed && act != DialogAct.Affirm)
                return Ask(task, definition, asked, BotText.Format(nameof(BotTexts.Forms_NewValueNotRecognised), asked.Label.Value));
        }
        else if (!changed && notes.Length == 0 && pending is not null && definition.Slot(pending) is { } missing)
        {
            return Ask(task, definition, missing, BotText.Format(nameof(BotTexts.Forms_ValueNotRecognised), missing.Label.Value));
        }
        return await NextAsync(conversation, task, definition, notes.TrimStart('\n'), offers, cancellationToken);
    }

    private async Task<TurnResult> ConfirmingAsync(ConversationState conversation, TaskInstance task, TaskDefinition definition, string text, DialogAct act,
        CancellationToken cancellationToken)
    {
        if (act == DialogAct.Affirm) return await SubmitAsync(conversation, task, definition, cancellationToken);

        var extraction = Extract(text, definition, expected: null);
        var updates = definition.Slots
            .Where(s => !SlotIds.FreeText.Contains(s.Id) && extraction.TryGetValue(s.Id, out var v) && v.IsValid && task.Slots.GetValueOrDefault(s.Id) != v.Value)
            .ToList();
        if (updates.Count == 0 && NamedSlot(definition, text) is { } named)
            return Ask(task, definition, named, BotText.Format(nameof(BotTexts.Forms_GiveAgain), named.Label.Value));
        if (updates.Count > 0)
        {
            foreach (var slot in updates) task.Slots[slot.Id] = extraction[slot.Id].Value;
            var changes = updates.Select(s => BotText.Format(nameof(BotTexts.Forms_UpdatedItem), s.Label.Value, SlotFormatter.Markdown(s, task.Slots[s.Id])));
            return Confirm(task, definition, BotText.Format(nameof(BotTexts.Forms_Updated), string.Join(BotText.Get(nameof(BotTexts.Forms_ListSeparator)), changes)));
        }
        if (act == DialogAct.Deny || ChangeWords().IsMatch(text))
        {
            var choices = definition.Slots.Where(s => task.Slots.ContainsKey(s.Id))
                .Select(s => BotText.Format(nameof(BotTexts.Choice_ChangeSlot), s.Label.Value))
                .Append(BotText.Get(nameof(BotTexts.Choice_Cancel))).ToList();
            return TurnResult.Text(BotText.Format(nameof(BotTexts.Forms_WhichToChange), CorrectionExample.For(definition)), choices);
        }
        return Confirm(task, definition, BotText.Get(nameof(BotTexts.Forms_CheckFirst)));
    }

    private async Task<TurnResult> CorrectAsync(ConversationState conversation, TaskInstance task, TaskDefinition definition, SlotCorrection correction,
        CancellationToken cancellationToken)
    {
        ExtractedSlot? found;
        if (correction.SlotId is { } named)
        {
            // "身份证是…，租房，3000元" reads as a correction too: keep the other values it carries.
            var extraction = Extract(correction.NewValue, definition, named);
            found = extraction.GetValueOrDefault(named);
            foreach (var other in extraction.Values.Where(v => v.IsValid && v.SlotId != named && !task.Slots.ContainsKey(v.SlotId)))
                task.Slots[other.SlotId] = other.Value;
        }
        else
        {
            // 不是3000，是2000: the value alone must tell the slot; prefer one already given, since it is being changed.
            var candidates = Extract(correction.NewValue, definition, expected: null).Values.Where(v => v.IsValid).ToList();
            found = candidates.FirstOrDefault(v => task.Slots.ContainsKey(v.SlotId)) ?? candidates.FirstOrDefault();
        }

        if (found is null || definition.Slot(found.SlotId) is not { } slot)
        {
            if (correction.SlotId is not null && definition.Slot(correction.SlotId) is { } target)
                return Ask(task, definition, target, BotText.Format(nameof(BotTexts.Forms_NewValueNotRecognised), target.Label.Value));
            return Resume(task, definition, BotText.Format(nameof(BotTexts.Forms_WhatToChange), CorrectionExample.For(definition)));
        }
        if (!found.IsValid)
        {
            CountInvalid(task, slot.Id);
            return Ask(task, definition, slot, Problem(slot, found), found.Validation.Suggestion is { } offer ? [offer] : null);
        }

        task.Slots[slot.Id] = found.Value;
        task.InvalidAttempts.Remove(slot.Id);
        return await NextAsync(conversation, task, definition,
            BotText.Format(nameof(BotTexts.Forms_Changed), slot.Label.Value, SlotFormatter.Markdown(slot, found.Value)), offers: [], cancellationToken);
    }

    /// <summary>
    /// A question asked mid-task (几天能到账 while the form asks for an ID number): answer it from the task's guide first,
    /// then pick the form up where it was. A message that changes a value (金额咋改成3000) is a correction, not a question.
    /// </summary>
    private async Task<TurnResult?> DigressAsync(TaskInstance task, TaskDefinition definition, string text, CancellationToken cancellationToken)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (!QuestionCue().IsMatch(normalized) && !TaskQuestionCue.IsWordedAsQuestion(normalized)) return null;
        if (understanding.Corrections.Detect(text, definition.SlotIds) is not null) return null;
        // 离职提取有什么条件？ names a slot value yet asks; a weaker cue (…吗, 多少) needs the classifier or an absence of values.
        var freeTextPending = task.PendingSlot is { } asked && SlotIds.FreeText.Contains(asked);
        // A place or a name is never worded as a question (几天给回话 when asked where it happened); a description may be.
        var strongCue = Interrogative().IsMatch(normalized);
        var asksYesOrNo = AsksYesOrNo().IsMatch(normalized);
        // A place or a name never asks: 要留我真名吗 怕老板知道 or "do I have to give my real name?" is no street.
        if (freeTextPending && NamesSomething.Contains(task.PendingSlot!) && (strongCue || asksYesOrNo))
            (freeTextPending, strongCue) = (false, true);
        // "do i need to send photos?" or "do I have to leave my phone number?" while a description is asked asks what the
        // service wants of the asker; a problem is never described by asking about one's own part in filing it.
        if (freeTextPending && AsksAboutOwnPart().IsMatch(normalized)) (freeTextPending, strongCue) = (false, true);
        // 几天给回话 or 要提供些啥 while the form asks what happened asks how the service works; a description tells a problem
        // at more length (楼上从什么时候开始天天半夜蹦迪，吵得孩子睡不着). Such a question needs no classifier: "is it free, or do I
        // have to pay something?" starts with no question word, yet asks the fees.
        if (freeTextPending && normalized.Length <= ShortQuestionLength * (normalized.Any(TextNormalizer.IsCjk) ? 1 : BotLanguages.EnglishLengthFactor) && AsksAboutTheService().IsMatch(normalized)
            && TaskGuideSections.AskedFor(normalized) is TaskGuideSections.Materials or TaskGuideSections.TimeLimit or TaskGuideSections.Fees)
            (freeTextPending, strongCue) = (false, true);
        // A slot that takes a recognisable value is read once, for both tests below; a free-text slot takes any sentence.
        var valueExtraction = task.PendingSlot is { } pendingSlot && !SlotIds.FreeText.Contains(pendingSlot) ? Extract(text, definition, pendingSlot) : null;
        // 下周二可以吗 while the date is asked, PK1234567 这个行吗 while the passport is: the value offered, and leave asked.
        if (valueExtraction is not null && OffersThePendingValue(text, valueExtraction, task.PendingSlot!)) return null;
        if (freeTextPending || !strongCue)
        {
            var prediction = understanding.Intents.Classify(text);
            var classifiedAsQuestion = prediction.Intent is IntentNames.PolicyQuestion or IntentNames.TaskQuestion
                && prediction.Confidence >= _options.DigressionConfidence;
            // A free-text answer always "extracts", so judge by the slots a sentence can carry without being asked.
            var expected = freeTextPending ? null : task.PendingSlot;
            // An answer to a free-text question carries no recognisable slot, so only the classifier can call it a question.
            // A question answers the pending slot only by naming its value, whatever else it happens to hold: 我能替他去窗口办吗
            // while the passport is asked is no passport (一时半会, 现在), nor is 是找长沙的社保局还是东莞的 an ID number. With no
            // slot pending, a yes-or-no question answers nothing and another question answers with any value it carries.
            var values = freeTextPending ? [] : (valueExtraction ?? Extract(text, definition, expected)).Values.Where(v => v.IsValid).ToList();
            var carriesSlot = freeTextPending
                || (expected is not null ? values.Any(v => v.SlotId == expected) : !asksYesOrNo && values.Count > 0);
            if (!classifiedAsQuestion && carriesSlot) return null;
        }

        var answer = await knowledge.AnswerTaskQuestionAsync(text, definition.Name, cancellationToken);
        var resumed = Resume(task, definition, BotText.Format(nameof(BotTexts.Forms_Resume), definition.DisplayName.Value));
        return resumed with
        {
            Markdown = answer.Markdown + "\n\n---\n\n" + resumed.Markdown,
            Citations = answer.Citations,
            Refused = !answer.Grounded,
            Answered = answer.Grounded,
            OutOfScope = answer.OutOfScope,
        };
    }

    /// <summary>Whether the message holds a valid value for the pending slot and, besides it, only asks whether that will do.</summary>
    private static bool OffersThePendingValue(string text, SlotExtractionResult extraction, string pending)
    {
        if (!extraction.TryGetValue(pending, out var value) || !value.IsValid) return false;
        // The extractor's spans index the text as it reads it.
        var read = SpokenDigits.ToAscii(TextNormalizer.Normalize(text));
        return value.Start >= 0 && value.Start + value.Length <= read.Length && TaskQuestionCue.AsksOnlyLeave(read.Remove(value.Start, value.Length));
    }

    private static TurnResult Cancel(TaskInstance task, TaskDefinition definition)
    {
        task.State = TaskState.Cancelled;
        task.PendingSlot = null;
        return TurnResult.Text(BotText.Format(nameof(BotTexts.Forms_Cancelled), definition.DisplayName.Value),
            [BotText.Get(nameof(BotTexts.Choice_OtherQuestion)), definition.MenuPrompt.Value]);
    }

    /// <summary>The current step again: the confirmation, or the slot being asked.</summary>
    private TurnResult Resume(TaskInstance task, TaskDefinition definition, string lead)
    {
        if (task.State == TaskState.Confirming) return Confirm(task, definition, lead);
        var slot = task.PendingSlot is { } pending ? definition.Slot(pending) : null;
        slot ??= Missing(definition, task) is [var first, ..] ? definition.Slot(first) : null;
        return slot is null ? Confirm(task, definition, lead) : Ask(task, definition, slot, lead);
    }

    private async Task<TurnResult> NextAsync(ConversationState conversation, TaskInstance task, TaskDefinition definition, string lead,
        IReadOnlyList<string> offers, CancellationToken cancellationToken)
    {
        if (Missing(definition, task) is [var first, ..]) return Ask(task, definition, definition.Slot(first)!, lead, offers);
        if (!definition.HasSideEffect) return await LookUpAsync(conversation, task, definition, lead, cancellationToken);
        return Confirm(task, definition, lead);
    }

    /// <param name="offers">Values a validator offered in place of a refused one; shown first.</param>
    private static TurnResult Ask(TaskInstance task, TaskDefinition definition, SlotDefinition slot, string lead, IReadOnlyList<string>? offers = null)
    {
        task.State = TaskState.Collecting;
        task.PendingSlot = slot.Id;
        return TurnResult.Text(Join(lead, slot.Question.Value),
            [.. (offers ?? []).Concat(slot.Suggestions.Select(s => s.Value)).Distinct(StringComparer.Ordinal), BotText.Get(nameof(BotTexts.Choice_CancelTask))]);
    }

    private static TurnResult Confirm(TaskInstance task, TaskDefinition definition, string lead)
    {
        task.State = TaskState.Confirming;
        task.PendingSlot = null;
        var text = new StringBuilder(BotText.Format(nameof(BotTexts.Forms_ConfirmHeading), definition.DisplayName.Value)).Append("\n\n");
        foreach (var slot in definition.Slots.Where(s => task.Slots.ContainsKey(s.Id)))
            text.AppendLine(BotText.Format(nameof(BotTexts.Forms_ConfirmLine), slot.Label.Value, SlotFormatter.Markdown(slot, task.Slots[slot.Id])));
        text.AppendLine().Append(definition.ConfirmationNote?.Value)
            .Append(BotText.Format(nameof(BotTexts.Forms_ConfirmInstructions), CorrectionExample.For(definition)));
        return TurnResult.Text(Join(lead, text.ToString()), ConfirmSuggestions);
    }

    private async Task<TurnResult> SubmitAsync(ConversationState conversation, TaskInstance task, TaskDefinition definition, CancellationToken cancellationToken)
    {
        var arguments = Arguments(task, definition);
        // The key is fixed per task run, so a turn replayed after a lost reply reaches the backend as the same submission.
        arguments["idempotencyKey"] = $"{conversation.ConversationId}:{task.Id}";
        var value = await backend.InvokeAsync(definition.Call.Plugin, definition.Call.Function, arguments, cancellationToken);
        var result = value as SubmissionResult
            ?? throw new InvalidOperationException($"{definition.Call.Plugin}.{definition.Call.Function} returned {value?.GetType().Name ?? "null"}, not a submission result.");
        task.PendingSlot = null;

        if (result.Accepted)
        {
            task.State = TaskState.Submitted;
            task.Ticket = result.Ticket;
            if (result.Ticket is { } issued && !conversation.Tickets.Contains(issued)) conversation.Tickets.Add(issued);
            return TurnResult.Text(BotText.Format(nameof(BotTexts.Forms_Submitted), definition.DisplayName.Value, result.Ticket), AfterTicketSuggestions);
        }

        task.State = TaskState.Failed;
        task.FailureReason = result.Message;
        task.RetrySlot = result.ErrorCode is { } code && definition.RetrySlots.TryGetValue(code, out var retry) ? retry : null;
        var refusal = BotText.Format(nameof(BotTexts.Forms_Refused), definition.DisplayName.Value) + "\n\n> " + BackendErrorTexts.Describe(result.ErrorCode, result.Message);
        if (task.RetrySlot is { } slotId && definition.Slot(slotId) is { } slot)
            return TurnResult.Text(Join(refusal, BotText.Format(nameof(BotTexts.Forms_RetryHint), slot.Label.Value)),
                [.. slot.Suggestions.Select(s => s.Value), BotText.Get(nameof(BotTexts.Choice_Cancel))]);
        return TurnResult.Text(Join(refusal, BotText.Get(nameof(BotTexts.Forms_RefusedHelp))),
            [BotText.Get(nameof(BotTexts.Choice_HumanAgent)), BotText.Get(nameof(BotTexts.Choice_OtherQuestion))]);
    }

    /// <summary>A look-up runs as soon as its slots are filled: nothing changes, so nothing needs confirming.</summary>
    private async Task<TurnResult> LookUpAsync(ConversationState conversation, TaskInstance task, TaskDefinition definition, string lead,
        CancellationToken cancellationToken)
    {
        var value = await backend.InvokeAsync(definition.Call.Plugin, definition.Call.Function, Arguments(task, definition), cancellationToken);
        var outcome = definition.Present!(value, new LookupContext(catalog, conversation.Tickets, task.Slots));
        task.PendingSlot = null;
        task.State = outcome.Found ? TaskState.Submitted : TaskState.Failed;
        task.FailureReason = outcome.Found ? null : outcome.Markdown;
        task.RetrySlot = outcome.Found ? null : outcome.RetrySlot;
        var otherQuestion = BotText.Get(nameof(BotTexts.Choice_OtherQuestion));
        return TurnResult.Text(Join(lead, outcome.Markdown), outcome.Found ? [otherQuestion, BotText.Get(nameof(BotTexts.TicketStatus_MenuPrompt))] : [otherQuestion]);
    }

    private static Dictionary<string, object?> Arguments(TaskInstance task, TaskDefinition definition)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (parameter, slotId) in definition.Call.Parameters)
        {
            var value = task.Slots.GetValueOrDefault(slotId);
            arguments[parameter] = value is not null && definition.Slot(slotId)?.Kind == SlotKind.Amount
                ? decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture)
                : value;
        }
        return arguments;
    }

    /// <summary>The task's slot the text names without giving a value (修改金额 / 银行卡不对).</summary>
    private SlotDefinition? NamedSlot(TaskDefinition definition, string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return understanding.SlotNames.FindAll(normalized)
            .Select(m => definition.Slot(m.Canonical))
            .FirstOrDefault(s => s is not null)
            ?? definition.Slots.FirstOrDefault(s => normalized.Contains(s.Label.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A long answer to a free-text question (诉求内容) may mention 取消 without meaning it.</summary>
    private static bool IsFreeTextAnswer(TaskInstance task, string text)
        => task.State == TaskState.Collecting && task.PendingSlot is { } slot && SlotIds.FreeText.Contains(slot) && text.Trim().Length > 8;

    private static string Join(string lead, string body) => lead.Length == 0 ? body : lead + "\n\n" + body;

    /// <summary>A message up to this long that asks for a guide section is a question even while a description is asked for.</summary>
    private const int ShortQuestionLength = 30;

    /// <summary>Free-text slots answered with a place or a name, never with a sentence that asks.</summary>
    private static readonly FrozenSet<string> NamesSomething =
        new[] { SlotIds.Location, SlotIds.AccidentPlace, SlotIds.Employer, SlotIds.CompanyName }.ToFrozenSet(StringComparer.Ordinal);

    // Besides the lay wording TaskQuestionCue reads (几天能到账 has no question mark).
    [GeneratedRegex(@"[?？]|[吗呢么]\s*$|什么|怎么|如何|多少|哪些|哪里|哪个|能不能|可不可以|是否|为什么|多久|多长时间|^\s*(?i:how|why|where)\b")]
    private static partial Regex QuestionCue();

    [GeneratedRegex(@"什么|怎么|如何|为什么|哪些|是否|能不能|可不可以|多久|多长时间|啥|咋|几天|几个月|几个工作日|(?<![好十这那没])几(级|年|次|岁|倍|成|号)|多少天|多少钱|多少号|是多少|多长|要不要|用不用|需不需要|是不是|会不会|有没有|算不算|^\s*(?i:how|what|when|why|which|where)\b")]
    private static partial Regex Interrogative();

    /// <summary>Asks rather than tells: 几天给回话, 要带啥, 收费吗; not 路灯坏了好几天了 nor 从什么时候开始停的水.</summary>
    [GeneratedRegex(@"[?？吗呢]\s*$|(?<!好)几(天|个|号)|多久|多长时间|(?<!从)(啥|什么|哪)|咋|怎么")]
    private static partial Regex AsksAboutTheService();

    /// <summary>
    /// A clause closed by 吗, 不 or 没 (要报真名不), a verb asked with 不/没 (中不中, 给没给), a question mark, or an English
    /// question opened by an auxiliary (do I, can you, is it).
    /// </summary>
    [GeneratedRegex(@"[吗不没](?=[\s，,。.!！?？]|$)|(\p{IsCJKUnifiedIdeographs})[不没]\1|[?？]|^\s*(?i:do|does|did|can|could|is|are|will|would|should|must|have|has)\s+(?i:i|you|we|they|he|she|it|my|the|there|this|that|these|those|his|her|our|your)\b")]
    private static partial Regex AsksYesOrNo();

    /// <summary>An English question about the asker's own part in the service: "do I need to", "can we", "should I".</summary>
    [GeneratedRegex(@"^\s*(?i:do|did|can|could|should|must|will|would|am|have)\s+(?i:i|we)\b(?=.*\?)")]
    private static partial Regex AsksAboutOwnPart();

    [GeneratedRegex(@"修改|更改|改一下|要改|\b(?:change|modify|edit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeWords();
}
