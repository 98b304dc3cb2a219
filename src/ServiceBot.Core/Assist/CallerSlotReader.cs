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
/// stays, unless the user corrects it (不对 是…, 说错了; the value right after the cue wins), answers the question
/// about it again, or names the months of a period given before only as a duration.
/// </summary>
public sealed partial class CallerSlotReader(ConversationUnderstanding understanding)
{
    /// <summary>The longest free-text value taken from a whole reply; longer replies are cut at a pause.</summary>
    private const int MaxFreeTextLength = 60;

    /// <summary>The longest answer to "where" taken as the place itself.</summary>
    private const int MaxPlaceLength = 20;

    /// <summary>A complaint is taken clause by clause until it is at least this long.</summary>
    private const int MinComplaintLength = 10;

    /// <summary>The longest clause taken as the subject of the problem stated after it.</summary>
    private const int MaxComplaintSubject = 6;

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
        text = SpokenNumberRepair.Apply(text);
        var normalized = TextNormalizer.Normalize(text);
        var correction = CorrectionCue().Matches(normalized).LastOrDefault();
        var correcting = correction is not null;
        var correctedFrom = correction is null ? 0 : correction.Index + correction.Length;
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
        if (StrictCorrectionCue().Matches(normalized).LastOrDefault() is { } strict)
            RereadCorrectedFreeText(task, text, strict.Index + strict.Length, at, expected, candidates);

        var searched = SpokenDigits.ToAscii(normalized);
        foreach (var slot in task.Slots)
        {
            var valid = candidates.Where(c => c.SlotId == slot.Id && c.IsValid).OrderBy(c => c.Start).ToList();
            if (valid.Count == 0) continue;
            // A monthly wage or an account balance is not the sum asked for; keep them only when nothing else was said.
            var meant = valid.Where(c => !IsIncidental(slot.Id, searched, c)).ToList();
            if (meant.Count > 0) valid = meant;
            // A correction states the new value right after its cue (取两万 不对 取一万五就行; 转医保 哦不对 先转养老的 医保以后再说).
            var value = correcting ? (valid.FirstOrDefault(c => c.Start >= correctedFrom) ?? valid[^1]).Value : valid[0].Value;
            // Asked again, a number or date replaces the old one; own words (地点, 诉求) change only when corrected (就是刚才说的那个).
            var reasked = slot.Id == expected && !SlotIds.FreeText.Contains(slot.Id);
            if (!slots.ContainsKey(slot.Id) || correcting || reasked || IsMorePrecise(slot.Id, value, slots[slot.Id])) slots[slot.Id] = value;
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

    /// <summary>
    /// Own words corrected in the same line (在幸福路 哦不对 是和平路中段) are read again from what follows the cue:
    /// by their cue words when it has them, else up to the next pause.
    /// </summary>
    private void RereadCorrectedFreeText(TaskDefinition task, string text, int correctedFrom, DateTimeOffset at, string? expected, List<ExtractedSlot> candidates)
    {
        var tail = text[correctedFrom..];
        if (FreeTextSlots.StripFillers(tail).Length < 2) return;
        var again = understanding.Slots.ExtractSlots(tail, task.SlotIds, at).Candidates;
        foreach (var slot in task.SlotIds.Where(SlotIds.FreeText.Contains))
        {
            if (slot != expected && !candidates.Any(c => c.SlotId == slot && c.IsValid && c.Start < correctedFrom)) continue;
            var restated = again.FirstOrDefault(c => c.SlotId == slot && c.IsValid);
            if (restated is null && FirstClause(tail) is { } clause)
                restated = new ExtractedSlot(slot, clause, Math.Max(0, tail.IndexOf(clause, StringComparison.Ordinal)), clause.Length, SlotValidation.Valid(clause));
            if (restated is not null) candidates.Add(restated with { Start = restated.Start + correctedFrom });
        }
    }

    private static string? FirstClause(string text)
    {
        var stripped = FreeTextSlots.StripFillers(text);
        var pause = stripped.IndexOf(' ', StringComparison.Ordinal);
        var clause = FreeTextSlots.StripFillers(pause > 0 ? stripped[..pause] : stripped);
        return clause.Length >= 2 ? clause : null;
    }

    /// <summary>Named months (七月份到十月份) say more than a duration said before them (干了四个多月).</summary>
    private static bool IsMorePrecise(string slotId, string value, string current)
        => slotId == SlotIds.Period && current.StartsWith('近') && !value.StartsWith('近');

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
    {
        var complaints = transcript.Where(l => l.Speaker == Speakers.User).Select(l => Complaint(l.Text)).Where(c => c is { Length: >= 8 }).ToList();
        return complaints.FirstOrDefault(c => ProblemWord().IsMatch(c!)) ?? complaints.FirstOrDefault();
    }

    /// <summary>
    /// The core of a complaint: from the first clause that states a problem (不让, 坏了, 天天往下扔), with a short subject
    /// just before it (我家楼上那户), until it says enough. Openers (我要反映个事) and who the caller is (我是送外卖的)
    /// are left out, and what came before the problem (often where it is) only joins when the problem alone is too
    /// short (很危险). A line that names no problem is taken whole.
    /// </summary>
    private static string? Complaint(string text)
    {
        var clauses = FreeTextSlots.Clauses(text)
            .Select(c => text.Substring(c.Start, c.Length))
            .Where(c => !SelfIntroduction().IsMatch(c))
            .Select(StripOpeners)
            .Where(c => c.Length > 0)
            .ToList();
        var problem = clauses.FindIndex(c => ProblemWord().IsMatch(c));
        if (problem < 0) return WholeReply(string.Join(' ', clauses));
        var start = problem > 0 && clauses[problem - 1].Length <= MaxComplaintSubject ? problem - 1 : problem;
        var end = start;
        int Taken() => clauses.Skip(start).Take(end - start).Sum(c => c.Length);
        while (end < clauses.Count && Taken() < MinComplaintLength && Taken() + clauses[end].Length <= MaxFreeTextLength) end++;
        // Still too short (很危险): what the problem is about came before it.
        if (end == start) end++;
        if (Taken() < MinComplaintLength && start > 0 && Taken() + clauses[start - 1].Length <= MaxFreeTextLength) start--;
        var complaint = string.Join(' ', clauses.Skip(start).Take(end - start));
        return complaint.Length >= 2 ? complaint : null;
    }

    private static string StripOpeners(string clause)
    {
        string previous;
        do
        {
            previous = clause;
            clause = ComplaintOpener().Replace(FreeTextSlots.StripFillers(clause), "").Trim();
        }
        while (clause != previous);
        return clause;
    }

    [GeneratedRegex(@"不对|说错|错了|搞错|口误|不是|应该是|改成|更正|重新说|说反|反了|(?:^|\s)不(?:\s|$)")]
    private static partial Regex CorrectionCue();

    // Cues that only ever correct; 不是 also negates (不是一天两天了), so it never re-reads own words.
    [GeneratedRegex(@"(?:不对|说错|念错|搞错|口误|应该是|改成|更正|重新说)了?")]
    private static partial Regex StrictCorrectionCue();

    [GeneratedRegex(@"不|没|坏|乱|吵|堵|漏|拒|占|扔|排|臭|脏|破|塌|坑|丢|缺|偷|骗|积水|危险|噪音|油烟|停水|停电|拖欠|太|老是|总是|一直|天天|每天|每晚|半夜|凌晨")]
    private static partial Regex ProblemWord();

    [GeneratedRegex(@"^(?:我|俺)(?:们)?(?:是|就是)[^\s]{1,10}的$|^(?:你好|您好|喂+|同志)$")]
    private static partial Regex SelfIntroduction();

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
