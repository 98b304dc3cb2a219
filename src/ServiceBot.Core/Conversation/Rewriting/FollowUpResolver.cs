using System.Text.RegularExpressions;

namespace ServiceBot.Conversation.Rewriting;

/// <summary>How a message was read against the conversation before it.</summary>
/// <param name="Text">The message to route and answer: the message itself, or the message with its topic restored.</param>
/// <param name="Topic">What was restored (the earlier question or the cited document), or null when nothing was.</param>
public sealed record FollowUp(string Text, string? Topic)
{
    public bool IsResolved => Topic is not null;
}

/// <summary>
/// Completes elliptical follow-ups from the conversation before they are routed or searched: 那外地户口呢？ after a
/// social-insurance question becomes that question plus the follow-up, and 这个文件 after a cited answer names the
/// document. A message is elliptical when it is short, asks something, and leans on what came before: it starts
/// with 那/还有, ends with 呢, points back (这个, 上面说的, 也能), is a bare question (还有吗, 要多久), or is so short that
/// it names no domain word at all (收费不). The predicate of the earlier question is kept even when the follow-up
/// names a new subject (社保缴费比例是多少 → 那公积金呢 asks for the 公积金 rate).
/// </summary>
/// <param name="domainTerms">Terms that make an earlier message a topic to restore (terms and synonym-group members).</param>
public sealed partial class FollowUpResolver(IReadOnlyCollection<string> domainTerms)
{
    /// <summary>Longer messages say what they are about.</summary>
    public const int MaxEllipticalLength = 16;

    /// <summary>A question this short with no domain word (收费不, 几点关门) can only be about the previous topic.</summary>
    public const int MaxBareLength = 6;

    /// <summary>这个文件 still points back in a longer question (这个文件说到2027年要达到什么目标).</summary>
    public const int MaxDocumentReferenceLength = 40;

    /// <summary>How many earlier user messages may hold the topic.</summary>
    public const int LookBack = 3;

    private readonly string[] _domainTerms = domainTerms.Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal).ToArray();

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

        if (!LeansOnContext(core)) return new FollowUp(message, null);
        for (var i = earlierQuestions.Count - 1; i >= Math.Max(0, earlierQuestions.Count - LookBack); i--)
        {
            var earlier = earlierQuestions[i].Trim();
            var earlierCore = Core(earlier);
            if (!Contains(_domainTerms, earlierCore) || LeansOnContext(earlierCore)) continue;
            // 我要办社保转移 asked for a form; what the follow-up asks about is the topic, not the request.
            var topic = Request().Replace(earlier, "").Trim();
            if (topic.Length == 0) continue;
            return new FollowUp(topic + " " + message.Trim(), topic);
        }
        return new FollowUp(message, null);
    }

    /// <summary>True when the message asks something that has no subject without the turn before it.</summary>
    public bool LeansOnContext(string message)
    {
        var core = Core(message);
        if (core.Length == 0 || core.Length > MaxEllipticalLength || !Asks().IsMatch(core)) return false;
        return Opening().IsMatch(core) || core.EndsWith('呢') || Pointer().IsMatch(core) || BareQuestion().IsMatch(core)
               || (core.Length <= MaxBareLength && !Contains(_domainTerms, core));
    }

    private static bool Contains(string[] terms, string text)
    {
        foreach (var term in terms)
            if (text.Contains(term, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The message without surrounding punctuation and spaces.</summary>
    private static string Core(string message) => message.Trim().Trim(Punctuation);

    private static readonly char[] Punctuation = ['?', '？', '。', '.', '!', '！', '，', ',', '~', '～', '…', ' ', '\u3000'];

    /// <summary>A question, not an acknowledgement: 好的 or 确认 after an offer must reach the engine untouched.</summary>
    [GeneratedRegex(@"[?？]|[吗呢么不没嘛]$|什么|怎么|咋|啥|多久|多长|多少|几|哪|能不能|可不可以|是否|要不要|行不行|算不算|还有")]
    private static partial Regex Asks();

    [GeneratedRegex(@"^(那么|那如果|那要是|那|还有|另外|如果是|要是|然后)")]
    private static partial Regex Opening();

    [GeneratedRegex(@"这个|那个|这份|这条|这些|那些|上面|上述|刚才|刚刚|前面说|它|也能|也可以|也行|也算|也要")]
    private static partial Regex Pointer();

    [GeneratedRegex(@"^(还有吗|还有呢|然后呢|要多久|多久|需要多久|多长时间|要多长时间|在哪办|在哪里办|去哪办|怎么办理|要带什么|要带啥|需要什么材料|要什么材料|收费吗|要钱吗|能网上办吗)$")]
    private static partial Regex BareQuestion();

    [GeneratedRegex(@"这个文件|这份文件|该文件|这个意见|这份意见|这个政策|这份政策|这个规定|这个通知|这篇文章|这个文章|文件里|文件中|上面说的文件")]
    private static partial Regex DocumentReference();

    [GeneratedRegex(@"^(我要|我想|帮我|想要|我需要|请帮我)(办理|办|申请|提交)?")]
    private static partial Regex Request();
}
