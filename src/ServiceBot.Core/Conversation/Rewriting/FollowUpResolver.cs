using System.Text.RegularExpressions;
using ServiceBot.Text;

namespace ServiceBot.Conversation.Rewriting;

/// <summary>How a message was read against the conversation before it.</summary>
/// <param name="Text">The message to route and answer: the message itself, or the message with its topic restored.</param>
/// <param name="Topic">What was restored (the earlier question or the cited document), or null when nothing was.</param>
public sealed record FollowUp(string Text, string? Topic)
{
    public bool IsResolved => Topic is not null;

    /// <summary>
    /// The follow-up switched to a subject that neither the earlier topic's clauses nor the clauses its own words retrieve
    /// speak of (那银行几点开门 after the station's hours): any answer would be another subject's, so it is refused.
    /// </summary>
    public bool SubjectUncovered { get; init; }
}

/// <summary>
/// Completes elliptical follow-ups from the conversation before they are routed or searched. A message is elliptical when
/// it is short, asks something, and leans on what came before: it starts with 那/还有, ends with 呢, points back (这个,
/// 上面说的, 也能), is a bare question (还有吗, 要多久), or names no domain word at all (收费不, 一个月最多能提多少).
/// What carries over depends on what the follow-up asks:
/// <list type="bullet">
/// <item>No question of its own (那外地户口呢, 那公积金呢, 还有吗): the earlier question, whose predicate the follow-up
/// keeps (社保缴费比例是多少 → 那公积金呢 asks for the 公积金 rate).</item>
/// <item>A question of its own (那得多久给结果, 家里人能替我报吗): only the earlier question's topic, its domain words,
/// so the earlier question's own ask does not outweigh the new one, and the case it named (租房 in 公积金租房能提吗, for
/// 一个月最多能提多少) unless the follow-up names a case of its own: without it the follow-up would ask about the whole
/// topic, and the clause that answers it for that case reads like a partial match.</item>
/// <item>A question of its own that names another service (社保转移要多久 → 那公积金提取要多久: a word of another
/// guide's title): nothing; it switches topic. Words about who asks (灵活就业, 司机) do not switch, nor does a follow-up
/// that adds to the topic (也能, 一起).</item>
/// </list>
/// A fragment naming a word no document uses (那驾照呢, 那彩礼一般给多少) carries nothing: it names a topic of its own that
/// the knowledge lacks, and the earlier topic would only lend it an answer to another question.
/// 这个文件 after a cited answer names the document.
/// </summary>
/// <param name="domainTerms">Words that name a topic: the dictionary's terms and synonym-group members.</param>
/// <param name="layPhrases">
/// How people name a topic in their own words (被辞退, 留名): carried over like domain words, yet a message using only
/// them still leans on the turn before it (家里人能替我报吗).
/// </param>
/// <param name="serviceNames">The titles of the services' guides (住房公积金提取办事指南): a follow-up naming another one switches topic.</param>
/// <param name="namesUnknownWord">
/// True when a message holds a word no document, synonym or lay phrase of the knowledge uses (驾照, 医美); null when the
/// resolver works without the knowledge's vocabulary.
/// </param>
/// <param name="caseWords">
/// The nouns of a message that name a case or a thing the knowledge speaks of (租房, 外地户口), not what it asks; null when
/// the resolver works without the knowledge's vocabulary.
/// </param>
public sealed partial class FollowUpResolver(IReadOnlyCollection<string> domainTerms, IReadOnlyCollection<string>? layPhrases = null,
    IReadOnlyCollection<string>? serviceNames = null, Func<string, bool>? namesUnknownWord = null,
    Func<string, IReadOnlyList<string>>? caseWords = null)
{
    /// <summary>Longer messages say what they are about.</summary>
    public const int MaxEllipticalLength = 16;

    /// <summary>这个文件 still points back in a longer question (这个文件说到2027年要达到什么目标).</summary>
    public const int MaxDocumentReferenceLength = 40;

    /// <summary>How many earlier user messages may hold the topic.</summary>
    public const int LookBack = 3;

    // A phrase that asks (多长时间, 要带啥) is what a question wants, never what it is about.
    private readonly DomainTermMatcher _domainTerms = new(domainTerms.Where(t => !Asks().IsMatch(t)));
    private readonly DomainTermMatcher _terms = new(domainTerms.Concat(layPhrases ?? []).Where(t => !Asks().IsMatch(t)));
    private readonly string[] _serviceNames = (serviceNames ?? []).ToArray();

    /// <param name="message">The message, already spelling-corrected.</param>
    /// <param name="earlierQuestions">Earlier user messages, spelling-corrected, oldest first.</param>
    /// <param name="lastCitedSource">The document the previous answer cited, if any.</param>
    public FollowUp Resolve(string message, IReadOnlyList<string> earlierQuestions, string? lastCitedSource)
    {
        var core = Core(message);
        if (lastCitedSource is not null && core.Length <= MaxDocumentReferenceLength
            && DocumentReference().Match(message) is { Success: true } reference)
        {
            var named = message[..reference.Index] + "《" + lastCitedSource + "》" + message[(reference.Index + reference.Length)..];
            return new FollowUp(named, lastCitedSource);
        }

        if (!LeansOnContext(core) || namesUnknownWord?.Invoke(core) == true) return new FollowUp(message, null);
        for (var i = earlierQuestions.Count - 1; i >= Math.Max(0, earlierQuestions.Count - LookBack); i--)
        {
            var earlier = earlierQuestions[i].Trim();
            var earlierCore = Core(earlier);
            // An earlier question that named its topic only in lay words (被辞退有补偿吗) still names it.
            if (!_terms.AnyIn(earlierCore) || LeansOnContext(earlierCore, _terms)) continue;
            // 我要办社保转移 asked for a form; what the follow-up asks about is the topic, not the request.
            var topic = Request().Replace(earlier, "").Trim();
            if (topic.Length == 0) continue;
            if (!AsksItsOwnQuestion(core)) return new FollowUp(topic + " " + message.Trim(), topic);

            var earlierTerms = _terms.Find(topic);
            var ownTerms = _terms.Find(core);
            var namesAnotherService = ownTerms.Any(t => _serviceNames.Any(name => name.Contains(t, StringComparison.Ordinal))
                && !earlierTerms.Any(e => e.Contains(t, StringComparison.Ordinal) || t.Contains(e, StringComparison.Ordinal)));
            if (namesAnotherService && !AddsToTopic().IsMatch(core))
                return new FollowUp(message, null);
            var carried = earlierTerms.ToList();
            if (caseWords is not null && caseWords(core).Count == 0)
                carried.AddRange(caseWords(topic).Where(w => !carried.Any(t => t.Contains(w, StringComparison.Ordinal) || w.Contains(t, StringComparison.Ordinal))));
            var subject = string.Join(" ", carried.Where(t => !core.Contains(t, StringComparison.Ordinal)));
            return subject.Length == 0 ? new FollowUp(message, null) : new FollowUp(subject + " " + message.Trim(), subject);
        }
        return new FollowUp(message, null);
    }

    /// <summary>Below this a message that asks nothing is an acknowledgement or a fragment (好的, 在杭州), not a story.</summary>
    public const int MinStoryLength = 8;

    /// <summary>
    /// True when the message tells the asker's situation and asks nothing (我是党员，去年从老家出来到杭州送快递了;
    /// 我爸在物流园看大门 今年满60了): people often send the story first and the question after it, as two messages.
    /// A request (我要办社保转移, 帮我查驿站; <see cref="TaskQuestionCue.AsksToDoIt"/>) is no story; 老板三个月没给我发工资 is one.
    /// </summary>
    public static bool TellsAStory(string message)
    {
        var core = Core(message);
        return core.Length >= MinStoryLength && core.Any(TextNormalizer.IsCjk) && !Asks().IsMatch(core) && !TaskQuestionCue.AsksToDoIt(core);
    }

    /// <summary>True when the message asks something and does not open with 那, 还有 or 要是 (which turn to a case of its own).</summary>
    public static bool AsksAbout(string message)
    {
        var core = Core(message);
        return Asks().IsMatch(core) && !Opening().IsMatch(core);
    }

    /// <summary>True when the message names a word of the knowledge's vocabulary (周末, 留名): it is about the knowledge.</summary>
    public bool NamesDomainWord(string message) => _terms.AnyIn(Core(message));

    /// <summary>True when the message asks something that has no subject without the turn before it.</summary>
    public bool LeansOnContext(string message) => LeansOnContext(message, _domainTerms);

    /// <param name="message">The message.</param>
    /// <param name="vocabulary">The words that make a short question name its own topic.</param>
    private static bool LeansOnContext(string message, DomainTermMatcher vocabulary)
    {
        var core = Core(message);
        if (core.Length == 0 || core.Length > MaxEllipticalLength || !(Asks().IsMatch(core) || VerbAskedYesOrNo().IsMatch(core))) return false;
        return Opening().IsMatch(core) || core.EndsWith('呢') || Pointer().IsMatch(core) || BareQuestion().IsMatch(core)
               || !vocabulary.AnyIn(core);
    }

    /// <summary>
    /// True when the follow-up asks something itself (那得多久给结果, 收费不), not only names a new case for the question
    /// before it (那外地户口呢, 还有吗).
    /// </summary>
    private static bool AsksItsOwnQuestion(string core)
        => OwnQuestion().IsMatch(Opening().Replace(core, "").TrimEnd('呢', '吗', '么', '嘛'));

    /// <summary>The message without surrounding punctuation and spaces.</summary>
    private static string Core(string message) => message.Trim().Trim(Punctuation);

    private static readonly char[] Punctuation = ['?', '？', '。', '.', '!', '！', '，', ',', '~', '～', '…', ' ', '\u3000'];

    /// <summary>A question, not an acknowledgement: 好的 or 确认 after an offer must reach the engine untouched.</summary>
    [GeneratedRegex(@"[?？]|[吗呢么不没嘛]$|什么|怎么|咋|啥|多久|多长|多少|几|哪|能不能|可不可以|是否|要不要|行不行|算不算|还有")]
    private static partial Regex Asks();

    /// <summary>A verb asked as yes or no (开不开, 给不给, 去没去): a short follow-up asks with it wherever it stands (那晚上呢 开不开).</summary>
    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs})[不没]\1")]
    private static partial Regex VerbAskedYesOrNo();

    [GeneratedRegex(@"^(那么|那如果|那要是|那|还有|另外|如果是|要是|然后)")]
    private static partial Regex Opening();

    [GeneratedRegex(@"这个|那个|这份|这条|这些|那些|上面|上述|刚才|刚刚|前面说|它|也能|也可以|也行|也算|也要")]
    private static partial Regex Pointer();

    [GeneratedRegex(@"^(还有吗|还有呢|然后呢|要多久|多久|需要多久|多长时间|要多长时间|在哪办|在哪里办|去哪办|怎么办理|要带什么|要带啥|需要什么材料|要什么材料|收费吗|要钱吗|能网上办吗)$")]
    private static partial Regex BareQuestion();

    /// <summary>A question word or a yes/no pair: what a follow-up asks for itself.</summary>
    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs})[不没]\1|多久|多长|多少|几|什么|啥|怎么|怎样|咋|哪|谁|(?<![技功职智体才可])能|可以|是否|[不没]$")]
    private static partial Regex OwnQuestion();

    /// <summary>Words that ask about the same topic for someone or something more (快递员也能去吗, 医保能一起转不).</summary>
    [GeneratedRegex(@"也|还|一起|一块|同样|这个|那个|这种|这些|它")]
    private static partial Regex AddsToTopic();

    [GeneratedRegex(@"^(它|那)?(里面|里头)|这个文件|这份文件|该文件|这个意见|这份意见|这个政策|这份政策|这个规定|这个通知|这篇文章|这个文章|文件里|文件中|上面说的文件")]
    private static partial Regex DocumentReference();

    [GeneratedRegex(@"^(我要(?!是)|我想|帮我|想要|我需要|请帮我)(办理|办|申请|提交)?")]
    private static partial Regex Request();
}
