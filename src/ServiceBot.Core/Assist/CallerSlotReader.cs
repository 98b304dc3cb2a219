using System.Text.RegularExpressions;
using ServiceBot.Conversation;
using ServiceBot.Tasks;
using ServiceBot.Understanding.Dialog;
using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Assist;

/// <summary>
/// Pre-fills a task's form from a transcript, taking values from the user's lines only: agents read numbers back,
/// give examples and mishear, so nothing they say becomes a value. Their lines still help: the slot an agent has just
/// asked for (您的手机号是多少) is the one a bare answer fills, as in the chat form. The first value met for a slot
/// stays, unless the user corrects it (不对 是…, 说错了) or answers the question about it again.
/// </summary>
public sealed partial class CallerSlotReader(ConversationUnderstanding understanding)
{
    /// <summary>The longest free-text value taken from a whole reply; longer replies are cut at a pause.</summary>
    private const int MaxFreeTextLength = 60;

    /// <summary>The longest answer to "where" taken as the place itself.</summary>
    private const int MaxPlaceLength = 20;

    public IReadOnlyDictionary<string, string> Read(TaskDefinition task, IReadOnlyList<TranscriptLine> transcript, DateTimeOffset at)
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        string? asked = null;
        var linesSinceAsked = 0;
        foreach (var line in transcript)
        {
            if (line.Speaker != Speakers.User)
            {
                asked = AskedSlot(task, line.Text);
                linesSinceAsked = 0;
                continue;
            }
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            // "稍等 我找一下" answers nothing: the question stays open for one more line.
            if (ReadLine(task, line.Text, at, asked, slots) || ++linesSinceAsked > 1) asked = null;
        }
        if (task.Slot(SlotIds.Description) is not null && !slots.ContainsKey(SlotIds.Description)
            && FirstComplaint(transcript) is { } complaint)
            slots[SlotIds.Description] = complaint;
        return slots;
    }

    /// <returns>False when the line gave no value for the slot just asked for.</returns>
    private bool ReadLine(TaskDefinition task, string text, DateTimeOffset at, string? asked, Dictionary<string, string> slots)
    {
        var normalized = TextNormalizer.Normalize(text);
        var correcting = CorrectionCue().IsMatch(normalized);
        var named = understanding.Corrections.Detect(text, task.SlotIds)?.SlotId;
        var expected = named ?? asked ?? NextCitySlot(task, slots);

        // Free-text slots are first looked for by their cues (在…路口, 左腿骨折); only when that fails is the whole reply taken.
        var freeTextAsked = expected is not null && SlotIds.FreeText.Contains(expected);
        var result = understanding.Slots.ExtractSlots(text, task.SlotIds, at, freeTextAsked ? null : expected);
        var candidates = result.Candidates.ToList();
        if (freeTextAsked && !candidates.Any(c => c.SlotId == expected && c.IsValid) && !IsHoldOrYesNo(text)
            && (expected == SlotIds.Description ? Complaint(text) : WholeReply(text)) is { } reply)
            candidates.Add(new ExtractedSlot(expected!, reply, 0, reply.Length, SlotValidation.Valid(reply)));

        if (expected is SlotIds.AccidentPlace or SlotIds.Location) WidenPlaceAnswer(text, expected, candidates);

        var searched = SpokenDigits.ToAscii(normalized);
        foreach (var slot in task.Slots)
        {
            var valid = candidates.Where(c => c.SlotId == slot.Id && c.IsValid).OrderBy(c => c.Start).ToList();
            if (valid.Count == 0) continue;
            // A monthly wage or an account balance is not the sum asked for; keep them only when nothing else was said.
            var meant = valid.Where(c => !IsIncidental(slot.Id, searched, c)).ToList();
            if (meant.Count > 0) valid = meant;
            var value = correcting ? valid[^1].Value : valid[0].Value;
            // Asked again, a number or date replaces the old one; own words (地点, 诉求) change only when corrected (就是刚才说的那个).
            var reasked = slot.Id == expected && !SlotIds.FreeText.Contains(slot.Id);
            if (!slots.ContainsKey(slot.Id) || correcting || reasked) slots[slot.Id] = value;
        }
        return asked is null || candidates.Any(c => c.SlotId == asked && c.IsValid);
    }

    /// <summary>
    /// A place given in answer to "where" is the answer up to the first pause: 联防路金色家园, where the landmark cue
    /// alone would stop at 联防路. Kept only when it holds what the cue found and stays short.
    /// </summary>
    private static void WidenPlaceAnswer(string text, string slot, List<ExtractedSlot> candidates)
    {
        var index = candidates.FindIndex(c => c.SlotId == slot && c.IsValid);
        if (index < 0) return;
        var answer = FreeTextSlots.StripFillers(text);
        var pause = answer.IndexOf(' ', StringComparison.Ordinal);
        var segment = FreeTextSlots.StripFillers(pause > 0 ? answer[..pause] : answer);
        if (segment.Length <= MaxPlaceLength && segment.Length > candidates[index].Value.Length
            && segment.Contains(candidates[index].Value, StringComparison.Ordinal))
            candidates[index] = candidates[index] with { Value = segment, Validation = SlotValidation.Valid(segment) };
    }

    private bool IsHoldOrYesNo(string text)
        => HoldOn().IsMatch(FreeTextSlots.StripFillers(text)) || understanding.Acts.Detect(text) is not DialogAct.None;

    /// <summary>
    /// The slot the agent's line asks about: the last slot name it mentions among the task's slots, or the task's
    /// place when it asks where (在哪里, 哪儿) without naming anything.
    /// </summary>
    private string? AskedSlot(TaskDefinition task, string agentText)
    {
        var normalized = TextNormalizer.Normalize(agentText);
        var named = understanding.SlotNames.FindAll(normalized).Select(m => m.Canonical).LastOrDefault(id => task.Slot(id) is not null);
        if (named is not null || !WhereQuestion().IsMatch(normalized)) return named;
        return task.Slot(SlotIds.AccidentPlace)?.Id ?? task.Slot(SlotIds.Location)?.Id;
    }

    /// <summary>After one city of a transfer, a lone city with no direction word is the other end.</summary>
    private static string? NextCitySlot(TaskDefinition task, Dictionary<string, string> slots)
    {
        if (task.Slot(SlotIds.FromCity) is null || task.Slot(SlotIds.ToCity) is null) return null;
        if (slots.ContainsKey(SlotIds.FromCity) && !slots.ContainsKey(SlotIds.ToCity)) return SlotIds.ToCity;
        if (slots.ContainsKey(SlotIds.ToCity) && !slots.ContainsKey(SlotIds.FromCity)) return SlotIds.FromCity;
        return null;
    }

    private static bool IsIncidental(string slotId, string text, ExtractedSlot candidate)
    {
        if (slotId is not (SlotIds.Amount or SlotIds.Period)) return false;
        var before = text[Math.Max(0, candidate.Start - 6)..Math.Min(text.Length, candidate.Start)];
        var end = Math.Min(text.Length, candidate.Start + candidate.Length);
        var after = text[end..Math.Min(text.Length, end + 4)];
        return slotId == SlotIds.Amount
            ? RateOrBalanceBefore().IsMatch(before)
            : RateAfter().IsMatch(after) || candidate.Value == "近1个月" && after.Length > 0 && SpokenDigits.Digit(after[0]) is not null;
    }

    /// <summary>A whole reply as a free-text value: fillers off, and cut at the first pause when it runs long.</summary>
    private static string? WholeReply(string text)
    {
        var reply = FreeTextSlots.StripFillers(text);
        if (reply.Length > MaxFreeTextLength)
        {
            var pause = reply.IndexOf(' ', 8);
            reply = pause > 0 && pause <= MaxFreeTextLength ? reply[..pause] : reply[..MaxFreeTextLength];
        }
        return reply.Length >= 2 ? reply : null;
    }

    /// <summary>The first user line that describes a problem, without the greeting and 我想反映 that open it.</summary>
    private static string? FirstComplaint(IReadOnlyList<TranscriptLine> transcript)
        => transcript.Where(l => l.Speaker == Speakers.User).Select(l => Complaint(l.Text)).FirstOrDefault(c => c is { Length: >= 8 });

    private static string? Complaint(string text)
    {
        text = text.Trim();
        string previous;
        do
        {
            previous = text;
            text = ComplaintOpener().Replace(FreeTextSlots.StripFillers(text), "").Trim();
        }
        while (text != previous);
        return WholeReply(text);
    }

    [GeneratedRegex(@"不对|说错|错了|搞错|口误|不是|应该是|改成|更正|重新说|(?:^|\s)不(?:\s|$)")]
    private static partial Regex CorrectionCue();

    [GeneratedRegex(@"(每个?月|一个月|月薪|月工资|每天|一天|日薪|余额|账户里|里面有|里有)\s*(?:是|有|才|就|大概|差不多)?\s*$")]
    private static partial Regex RateOrBalanceBefore();

    [GeneratedRegex(@"^\s*(?:的)?(?:工资|薪水|收入|挣|赚|能拿|拿)")]
    private static partial Regex RateAfter();

    [GeneratedRegex(@"^(?:等一?下|等等|稍等|我(?:看|找|想|查)一?(?:看|找|想|查|下)|我记不清|记不清|不记得|不知道|忘了)")]
    private static partial Regex HoldOn();

    [GeneratedRegex(@"哪里|哪儿|哪个位置|什么位置|在哪")]
    private static partial Regex WhereQuestion();

    [GeneratedRegex(@"^(?:喂+|你好|您好|同志|那个|呃|嗯|啊|就是|是这样的?|我(?:想|要)?(?:反映|投诉|举报|咨询|问|说)(?:一?个|一下)?(?:事儿?|事情|问题|情况)?|(?:反映|投诉|举报)(?:一?个|一下)?(?:事儿?|事情|问题|情况)?)[，,\s]*")]
    private static partial Regex ComplaintOpener();
}
