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
/// about it again, or names the months of a period given before only as a duration. A question about a place, an
/// injury or a complaint is answered by the caller's next line, so that answer replaces what was said in passing.
/// </summary>
public sealed partial class CallerSlotReader(ConversationUnderstanding understanding)
{
    /// <summary>The longest free-text value taken from a whole reply; longer replies are cut at a pause.</summary>
    private const int MaxFreeTextLength = 60;

    /// <summary>The longest answer to "where" taken as the place itself.</summary>
    private const int MaxPlaceLength = 20;

    /// <summary>A problem clause shorter than this takes the clause before it too: that says what the problem is about.</summary>
    private const int MinComplaintLength = 10;

    /// <summary>The longest clause taken as the subject of the problem stated after it.</summary>
    private const int MaxComplaintSubject = 6;

    /// <summary>A complaint or injury grows clause by clause up to this many characters: the core and what it did.</summary>
    private const int MaxGatheredLength = 24;

    public IReadOnlyDictionary<string, string> Read(TaskDefinition task, IReadOnlyList<TranscriptLine> transcript, DateTimeOffset at)
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        var stated = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new SpokenNumberContinuation();
        string? asked = null;
        var linesSinceAsked = 0;
        foreach (var line in transcript)
        {
            if (line.Speaker != Speakers.User)
            {
                asked = AskedSlot(task, line.Text, at);
                linesSinceAsked = 0;
                continue;
            }
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            var text = numbers.Join(line.Text);
            // "稍等 我找一下" answers nothing: the question stays open for one more line.
            if (ReadLine(task, text, at, asked, slots, answered, stated) || ++linesSinceAsked > 1) asked = null;
        }
        if (task.Slot(SlotIds.Description) is not null && !slots.ContainsKey(SlotIds.Description)
            && FirstComplaint(transcript) is { } complaint)
            slots[SlotIds.Description] = complaint;
        return slots;
    }

    /// <returns>False when the line gave no value for the slot just asked for.</returns>
    private bool ReadLine(TaskDefinition task, string text, DateTimeOffset at, string? asked, Dictionary<string, string> slots, HashSet<string> answered, HashSet<string> stated)
    {
        text = BlankNegatedValues(SpokenNumberRepair.Apply(text));
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
        var answering = freeTextAsked && !IsHoldOrYesNo(text) && !RefersBack().IsMatch(normalized);
        if (answering && AnswerTo(expected!, text) is { } answer)
        {
            // The line that answers "where" or "what injury" is the value, whatever cue words its later clauses hold.
            candidates.RemoveAll(c => c.SlotId == expected);
            candidates.Add(new ExtractedSlot(expected!, answer, Math.Max(0, text.IndexOf(answer, StringComparison.Ordinal)), answer.Length, SlotValidation.Valid(answer)));
        }
        else if (answering && !candidates.Any(c => c.SlotId == expected && c.IsValid)
            && (expected == SlotIds.Description ? Complaint(text) : WholeReply(text)) is { } reply)
            candidates.Add(new ExtractedSlot(expected!, reply, 0, reply.Length, SlotValidation.Valid(reply)));

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
            if (slot.Id == SlotIds.Period) valid = WithoutRangeEnds(valid);
            var held = slots.GetValueOrDefault(slot.Id);
            var value = correcting ? CorrectedValue(valid, correctedFrom, searched)
                // Sums are worked out aloud (四个月一万二 减去一千 还欠一万一): the last one said is the one meant.
                : slot.Id == SlotIds.Amount ? valid[^1].Value
                : valid[0].Value;
            // Asked again, a number or date replaces the old one. Own words said in passing give way to the answer to a
            // question about them, but an answer changes only when corrected (就是刚才说的那个).
            var reasked = slot.Id == expected && (!SlotIds.FreeText.Contains(slot.Id) || answering && !answered.Contains(slot.Id));
            // 四点 下午四点, said to an agent who read the time back wrong, changes the hour of the day already given.
            if (slot.Id == SlotIds.AccidentTime && held is not null && !DayWord().IsMatch(normalized)) value = WithDayOf(held, value);
            // The sentence that moves the insurance (把重庆的转到西安) outweighs where the caller has lived (原来在成都).
            var transferStated = slot.Id is SlotIds.FromCity or SlotIds.ToCity && TransferStatement().IsMatch(normalized) && stated.Add(slot.Id);
            if (held is null || correcting || reasked || transferStated || IsMorePrecise(slot.Id, value, held)) slots[slot.Id] = value;
            if (answering && slot.Id == expected) answered.Add(slot.Id);
        }
        return asked is null || candidates.Any(c => c.SlotId == asked && c.IsValid);
    }

    /// <summary>
    /// The value a correction settles on: one restated after 是/应该是/改成 that differs from the value corrected before
    /// the cue, else the first one after the cue that differs (我去年跑饿了么 今年换美团了), else the first after the cue.
    /// With nothing before the cue in the line, what is corrected may be the agent's read-back, so nothing is ruled out.
    /// </summary>
    private static string CorrectedValue(List<ExtractedSlot> valid, int correctedFrom, string text)
    {
        var after = valid.Where(c => c.Start >= correctedFrom).ToList();
        if (after.Count == 0) return valid[^1].Value;
        var corrected = valid.LastOrDefault(c => c.Start < correctedFrom)?.Value;
        var restated = after.FirstOrDefault(c => c.Value != corrected && RestatementBefore().IsMatch(text[Math.Max(0, c.Start - 4)..c.Start]));
        return (restated ?? after.FirstOrDefault(c => c.Value != corrected) ?? after[0]).Value;
    }

    /// <summary>The day of <paramref name="held"/> at the time of day of <paramref name="value"/>.</summary>
    private static string WithDayOf(string held, string value)
    {
        var time = value.IndexOf('T', StringComparison.Ordinal);
        return time < 0 ? held : held[..Math.Min(10, held.Length)] + value[time..];
    }

    /// <summary>A month that begins or ends a range said in the same line is part of it (不是 十二月 去年十二月到今年二月).</summary>
    private static List<ExtractedSlot> WithoutRangeEnds(List<ExtractedSlot> periods)
    {
        var ends = periods.Where(p => p.Value.Contains('至', StringComparison.Ordinal)).SelectMany(p => p.Value.Split('至')).ToHashSet(StringComparer.Ordinal);
        var kept = periods.Where(p => !ends.Contains(p.Value)).ToList();
        return kept.Count > 0 ? kept : periods;
    }

    /// <summary>"不是X 是Y" rejects X: it is blanked (kept as spaces, so positions hold) and only Y is read.</summary>
    internal static string BlankNegatedValues(string text)
        => NegatedValue().Replace(text, m => "不是" + new string(' ', m.Groups["rejected"].Length) + m.Value[(2 + m.Groups["rejected"].Length)..]);

    /// <summary>The answer to a question about a place or an injury, or null to fall back on cue words.</summary>
    private static string? AnswerTo(string slot, string text) => slot switch
    {
        SlotIds.AccidentPlace or SlotIds.Location => PlaceAnswer(text),
        SlotIds.Injury => InjuryAnswer(text),
        _ => null,
    };

    /// <summary>
    /// Asked where, a caller names the place first and then adds what is near it (幸福小区东门 那块正修路): the first
    /// clause that holds a place word is the place.
    /// </summary>
    internal static string? PlaceAnswer(string text)
    {
        foreach (var clause in SpokenClauses(text))
        {
            var place = PlaceTail().Replace(clause, "");
            if (place.Length >= 2 && place.Length <= MaxPlaceLength && PlaceWord().IsMatch(place)) return place;
        }
        return null;
    }

    /// <summary>
    /// Asked about the injury, a caller starts with it (左边膝盖擦破一大块 胳膊也蹭破皮了) and then tells the rest: from the
    /// first clause naming a wound or a body part, the clauses that go on about the injury, up to a short phrase.
    /// </summary>
    internal static string? InjuryAnswer(string text)
    {
        var clauses = SpokenClauses(text).ToList();
        var first = clauses.FindIndex(IsInjuryClause);
        if (first < 0) return null;
        var taken = new List<string> { clauses[first] };
        foreach (var clause in clauses.Skip(first + 1))
        {
            if (!IsInjuryClause(clause) || taken.Sum(c => c.Length) + clause.Length > MaxGatheredLength) break;
            taken.Add(clause);
        }
        return string.Join(' ', taken);
    }

    private static bool IsInjuryClause(string clause) => FreeTextSlots.FindInjury(clause) is not null || BodyPart().IsMatch(clause);

    /// <summary>The pause-delimited clauses of a spoken line, fillers off each, empty ones dropped.</summary>
    private static IEnumerable<string> SpokenClauses(string text)
        => FreeTextSlots.Clauses(text).Select(c => FreeTextSlots.StripFillers(text.Substring(c.Start, c.Length))).Where(c => c.Length > 0);

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
    /// The slot the agent's line asks about: the last slot name it mentions among the task's slots; else the task's
    /// place when it asks where (在哪里, 哪个小区); else the slot of the last value it reads back or gives as an example
    /// (上周三就是十二号是吧, 您是从广州转出吗, 比如说五千), since the caller's next line answers about that slot.
    /// </summary>
    private string? AskedSlot(TaskDefinition task, string agentText, DateTimeOffset at)
    {
        var normalized = TextNormalizer.Normalize(agentText);
        var named = understanding.SlotNames.FindAll(normalized).Select(m => m.Canonical).LastOrDefault(id => task.Slot(id) is not null);
        if (named is not null) return named;
        if (WhereQuestion().IsMatch(normalized) && (task.Slot(SlotIds.AccidentPlace) ?? task.Slot(SlotIds.Location)) is { } place) return place.Id;
        var shown = understanding.Slots.ExtractSlots(agentText, task.SlotIds, at).Candidates
            .Where(c => c.IsValid && task.Slot(c.SlotId) is not null && !SlotIds.FreeText.Contains(c.SlotId))
            .OrderBy(c => c.Start)
            .LastOrDefault()?.SlotId;
        if (shown is not null) return shown;
        // 一共欠您多少, 哪几个月: how much and which months, without naming the slot.
        if (MonthsQuestion().IsMatch(normalized) && task.Slot(SlotIds.Period) is { } period) return period.Id;
        return HowMuchQuestion().IsMatch(normalized) && task.Slot(SlotIds.Amount) is { } amount ? amount.Id : null;
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
        var before = text[Math.Max(0, candidate.Start - 8)..Math.Min(text.Length, candidate.Start)];
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

    /// <summary>The user line that states a problem most plainly, as <see cref="Complaint"/> reads it; the first on a tie.</summary>
    private static string? FirstComplaint(IReadOnlyList<TranscriptLine> transcript)
        => transcript.Where(l => l.Speaker == Speakers.User)
            .Select(l => ComplaintOf(l.Text))
            .Where(c => c.Text is { Length: >= 8 })
            .Select((c, index) => (c.Text, c.Score, index))
            .OrderByDescending(c => c.Score).ThenBy(c => c.index)
            .FirstOrDefault().Text;

    private static string? Complaint(string text) => ComplaintOf(text).Text;

    /// <summary>
    /// The core of a complaint: the clause that states a problem most plainly (坏了, 堵了, 拒载 before 不, 一直, 天天),
    /// with what it is about when that came just before it (我们楼下新开了个烧烤摊 天天晚上吵到凌晨两三点) and what it
    /// did after it (下水道堵了 污水漫到马路上了), up to a short phrase. Openers (我要反映个事), who the caller is
    /// (我是送外卖的) and how the caller feels (我实在受不了了) are never the problem. A line that names no problem is
    /// taken whole.
    /// </summary>
    private static (string? Text, int Score) ComplaintOf(string text)
    {
        var clauses = FreeTextSlots.Clauses(text)
            .Select(c => text.Substring(c.Start, c.Length))
            .Where(c => !SelfIntroduction().IsMatch(c))
            .Select(c => (Text: StripOpeners(c), Score: ProblemScore(c, StripOpeners(c))))
            .Where(c => c.Text.Length > 0)
            .ToList();
        if (clauses.Count == 0) return (null, 0);
        var best = clauses.Max(c => c.Score);
        if (best <= 0) return (WholeReply(string.Join(' ', clauses.Select(c => c.Text))), 0);
        var start = clauses.FindIndex(c => c.Score == best);
        var end = start + 1;
        int Taken() => clauses.Skip(start).Take(end - start).Sum(c => c.Text.Length);
        while (end < clauses.Count && clauses[end].Score >= 0 && Taken() + clauses[end].Text.Length <= MaxGatheredLength) end++;
        var before = start > 0 ? clauses[start - 1] : default;
        if (start > 0 && before.Score >= 0 && (before.Text.Length <= MaxComplaintSubject || Taken() < MinComplaintLength + 2)
            && Taken() + before.Text.Length <= MaxGatheredLength)
            start--;
        var complaint = string.Join(' ', clauses.Skip(start).Take(end - start).Select(c => c.Text));
        return (complaint.Length >= 2 ? complaint : null, best);
    }

    /// <summary>Whether the text states a problem (坏了, 拒载, 不热), the matter of a 12345 appeal.</summary>
    internal static bool StatesProblem(string text) => StrongProblem().IsMatch(text);

    /// <summary>
    /// 2 for a clause that states a problem, 1 for one that only hints at it, -1 for one about the caller. An opener
    /// (我要反映噪音扰民) is scored on what follows it.
    /// </summary>
    private static int ProblemScore(string clause, string withoutOpener)
    {
        var opened = withoutOpener != FreeTextSlots.StripFillers(clause);
        if (!opened && AboutTheCaller().IsMatch(clause)) return -1;
        return StrongProblem().IsMatch(withoutOpener) ? 2 : WeakProblem().IsMatch(withoutOpener) ? 1 : 0;
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

    [GeneratedRegex(@"不对|说错|错了|搞错|口误|不是|应该是|改成|更正|重新说|说反|反了|(?:^|\s|哦|噢|啊|呃|哎)不(?:\s|$)")]
    private static partial Regex CorrectionCue();

    // Cues that only ever correct; 不是 also negates (不是一天两天了), so it never re-reads own words.
    [GeneratedRegex(@"(?:不对|说错|念错|搞错|口误|应该是|改成|更正|重新说)了?")]
    private static partial Regex StrictCorrectionCue();

    // Words that state a problem: something broken, blocked, dirty, loud, refused or unpaid.
    [GeneratedRegex(@"坏|乱|吵|堵|漏|拒|占|扔|排|臭|脏|破|塌|坑|丢|偷|骗|砸|倒了|积水|危险|噪音|油烟|停水|停电|拖欠|过期|没人|不管|不让|不给|不热|不修|不办|不退|不按|不开|违建|私搭|污水|没了")]
    private static partial Regex StrongProblem();

    // Words that only hint at one: a negation, or how often and how late it happens.
    [GeneratedRegex(@"不|没|太|老是|总是|一直|天天|每天|每晚|半夜|凌晨|经常|好几")]
    private static partial Regex WeakProblem();

    // The caller speaking of themself (俺今年七十多了, 我实在受不了了), not of the problem.
    [GeneratedRegex(@"^(?:嗯|呃|那个|就是)?\s*(?:我|俺)(?![们家])|受不了|睡不着|没法活|着急|害怕")]
    private static partial Regex AboutTheCaller();

    [GeneratedRegex(@"^(?:我|俺)(?:们)?(?:是|就是)[^\s]{1,10}的$|^(?:你好|您好|喂+|同志)$")]
    private static partial Regex SelfIntroduction();

    // 每个月房租两千二, 账户里大概有五万多, 听说里头还有十二万多: a rate or a balance, not the sum.
    [GeneratedRegex(@"(每个?月|一个月|月薪|月工资|每天|一天|日薪|余额|账户里|卡里|里头|里面|里边|里有)[^\s\d□]{0,3}?\s*(?:还|大概|差不多|好像|也就|一共)*\s*(?:是|有|剩|才|就)?\s*$")]
    private static partial Regex RateOrBalanceBefore();

    [GeneratedRegex(@"^\s*(?:的)?(?:工资|薪水|收入|挣|赚|能拿|拿)")]
    private static partial Regex RateAfter();

    [GeneratedRegex(@"^(?:等一?下|等等|稍等|我(?:看|找|想|查)一?(?:看|找|想|查|下)|我记不清|记不清|不记得|不知道|忘了)")]
    private static partial Regex HoldOn();

    [GeneratedRegex(@"哪里|哪儿|在哪|什么地方|什么位置|具体位置|哪(?:个|条|座|栋|家|一)?[^\s，。？?吗呢]{0,3}?(?:小区|园区|园|路段|路口|路|街|站|地方|位置|幼儿园|学校|医院|商场|市场|广场|楼|村|镇|区|门|口|库)")]
    private static partial Regex WhereQuestion();

    [GeneratedRegex(@"号|日|天|周|礼拜|星期|月")]
    private static partial Regex DayWord();

    [GeneratedRegex(@"转到|转入|转去|转回|转出|转过|转移|迁到|迁入|迁出|把[^\s]{1,8}转")]
    private static partial Regex TransferStatement();

    [GeneratedRegex(@"几个月|哪个月|哪些月|多长时间|多久|从什么时候")]
    private static partial Regex MonthsQuestion();

    [GeneratedRegex(@"多少")]
    private static partial Regex HowMuchQuestion();

    // 就是刚才说的那个: the caller points back at what was said, adding nothing.
    [GeneratedRegex(@"(?:刚才|刚刚|前面|上面)(?:说|讲)的")]
    private static partial Regex RefersBack();

    // "不是X 是Y": X is what is rejected.
    [GeneratedRegex(@"不是(?<rejected>[^\s，,。是不]{1,10})\s*(?:而)?是")]
    private static partial Regex NegatedValue();

    // The words that restate a value after a correction: 是, 应该是, 改成.
    [GeneratedRegex(@"(?:是|改成|换成|改为)\s*$")]
    private static partial Regex RestatementBefore();

    // Words that make a clause a place: a road, a building, a gate, a distance from a landmark.
    [GeneratedRegex(@"路|街|道|巷|胡同|区|园|苑|村|镇|乡|庄|站|口|门|楼|号|场|店|院|校|桥|厦|中心|市场|库|厂|城|湾|段|米")]
    private static partial Regex PlaceWord();

    // Pointing words after a place (裕华路口北边那): not part of its name.
    [GeneratedRegex(@"(?:那儿|那块|那边|那里|这边|这儿|那|这)$")]
    private static partial Regex PlaceTail();

    [GeneratedRegex(@"头|脸|额|眼|鼻|嘴|牙|耳|脖|颈|肩|胳膊|臂|肘|手|腕|指|胸|肋|背|腰|肚|腹|臀|屁股|胯|腿|膝|脚|踝|趾|骨|皮")]
    private static partial Regex BodyPart();

    [GeneratedRegex(@"^(?:喂+|你好|您好|同志|那个|呃|嗯|啊|就是|是这样的?|(?:我|俺|咱)?(?:想|要)?(?:反映|投诉|举报|咨询|问|说)(?:一?个|一下)?(?:事儿?|事情|问题|情况)?|(?:反映|投诉|举报)(?:一?个|一下)?(?:事儿?|事情|问题|情况)?)[，,\s]*")]
    private static partial Regex ComplaintOpener();
}
