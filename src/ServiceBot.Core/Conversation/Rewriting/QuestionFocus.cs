using System.Text.RegularExpressions;
using ServiceBot.Text;

namespace ServiceBot.Conversation.Rewriting;

/// <summary>
/// Finds what a long, rambling message asks. People tell their story first and ask at the end (我在郑州送了三年外卖……
/// 就想知道以前厂里交的那几年到这边还算不算数); searched and grounded as a whole, the story's words outweigh the question
/// and the answer is refused or off topic. The focus is the last clause that asks (吗, 呢, 怎么, 能不能, 有没有 …), with the
/// clause before it when it is too short to stand alone, preceded by the domain words the story named (社保, 公积金): they
/// are often the subject the question leaves out (租房能不能提). The words that only frame the question (我就想问问,
/// 到底) are left out.
/// </summary>
/// <param name="domainTerms">Terms that name a topic (the dictionary's terms and synonym-group members).</param>
/// <param name="layPhrases">
/// How people name a topic in their own words (乙肝, 连轴转): the story's are carried to the question like domain words, or a
/// question that only asks 是不是歧视 loses what it is about. Phrases that ask (多久, 几天) are not carried.
/// </param>
/// <param name="specificWords">
/// The words of a text that only a few clauses use (怀孕, 冷库, 包工头): a story tells its case in them, and no dictionary lists
/// them all. The story's nearest ones are carried too, or 这样行吗 after 我老婆怀孕五个月了 店长说下个月不用来了 loses the
/// pregnancy it asks about. Null when the focus works without the knowledge's word statistics.
/// </param>
public sealed partial class QuestionFocus(IReadOnlyCollection<string> domainTerms, IReadOnlyCollection<string>? layPhrases = null,
    Func<string, IReadOnlyList<string>>? specificWords = null)
{
    /// <summary>A shorter message is its own question.</summary>
    public const int MinMessageLength = 40;

    /// <summary>A question clause shorter than this takes the clause before it (这种情况, 能不能领).</summary>
    public const int MinQuestionLength = 10;

    /// <summary>Most domain words carried over from the story: the ones nearest the question.</summary>
    public const int MaxStoryTerms = 4;

    private readonly DomainTermMatcher _terms = new(domainTerms);

    private readonly DomainTermMatcher _storyTerms = new(domainTerms.Concat((layPhrases ?? []).Where(p => !Asks().IsMatch(p))));

    /// <summary>The question the message asks, or the message itself when it is short, not Chinese, or asks nothing.</summary>
    public string Of(string message)
    {
        var text = message.Trim();
        if (text.Length < MinMessageLength || !text.Any(TextNormalizer.IsCjk)) return message;
        var clauses = ClauseBreak().Split(text).Where(c => c.Length > 0).ToList();
        if (clauses.Count < 2) return message;
        var asking = clauses.FindLastIndex(c => Asks().IsMatch(c));
        if (asking < 0) return message;
        var first = asking;
        while (first > 0 && clauses.Skip(first).Take(asking - first + 1).Sum(c => c.Length) < MinQuestionLength) first--;
        if (first == 0) return message;

        var question = Frame().Replace(Filler().Replace(string.Join("，", clauses.Skip(first).Take(asking - first + 1)), ""), "");
        var story = string.Join("，", clauses.Take(first));
        var subjects = StoryTerms(story, question);
        subjects.AddRange(SpecificStoryWords(story, question, subjects));
        return subjects.Count == 0 ? question : string.Join(" ", subjects) + " " + question;
    }

    /// <summary>
    /// The two questions a message asks about different topics (社保怎么转 顺便问下公积金能不能取), each its own asking
    /// clause without the story, whose words would pull one answer toward the other's topic; a single question
    /// (<see cref="Of"/>) otherwise. The last two asking clauses are two questions when the message marks them as two
    /// (a question mark after the first, or 顺便, 另外, 还有 before the second) and each names a domain word the other does
    /// not: a second question with no topic of its own (租房能提吗？一个月最多提多少) leans on the first and is read with it.
    /// </summary>
    public IReadOnlyList<string> Split(string message)
    {
        var text = message.Trim();
        var clauses = ClauseBreak().Split(text).Where(c => c.Length > 0).ToList();
        var asking = Enumerable.Range(0, clauses.Count).Where(i => Asks().IsMatch(clauses[i])).ToList();
        if (asking.Count < 2) return [Of(message)];
        int first = asking[^2], second = asking[^1];
        // A short asking clause with no topic of its own (要啥材料) takes the clause before it, not reaching into the other question.
        var secondStart = QuestionStart(clauses, second, first + 1);
        var firstStart = QuestionStart(clauses, first, 0);
        var secondRaw = string.Join("，", clauses.Skip(secondStart).Take(second - secondStart + 1));
        // Two questions are marked as two: a question mark after the first, or a word that joins a second (顺便问下, 另外).
        if (!EndsWithQuestionMark(text, clauses[first]) && !Connector().IsMatch(secondRaw)) return [Of(message)];
        var secondQuestion = Frame().Replace(Connector().Replace(Filler().Replace(secondRaw, ""), ""), "");
        var firstTerms = _terms.Find(string.Join("，", clauses.Skip(firstStart).Take(first - firstStart + 1)));
        var secondTerms = _terms.Find(secondQuestion);
        if (!NamesOwnTopic(secondTerms, firstTerms) || !NamesOwnTopic(firstTerms, secondTerms)) return [Of(message)];
        var firstQuestion = Frame().Replace(Filler().Replace(string.Join("，", clauses.Skip(firstStart).Take(first - firstStart + 1)), ""), "");
        return [firstQuestion, secondQuestion];
    }

    /// <summary>The first clause of the question that ends at <paramref name="asking"/>, not before <paramref name="floor"/>.</summary>
    private int QuestionStart(List<string> clauses, int asking, int floor)
    {
        var start = asking;
        if (_terms.AnyIn(clauses[asking])) return start;
        while (start > floor && clauses.Skip(start).Take(asking - start + 1).Sum(c => c.Length) < MinQuestionLength) start--;
        return start;
    }

    /// <summary>Whether <paramref name="terms"/> name a topic none of <paramref name="other"/> covers (公积金 beside 社保).</summary>
    private static bool NamesOwnTopic(IReadOnlyList<string> terms, IReadOnlyList<string> other)
        => terms.Any(t => !other.Any(o => o.Contains(t, StringComparison.Ordinal) || t.Contains(o, StringComparison.Ordinal)));

    private static bool EndsWithQuestionMark(string text, string clause)
    {
        var end = text.IndexOf(clause, StringComparison.Ordinal) + clause.Length;
        return end < text.Length && text[end] is '？' or '?';
    }

    /// <summary>Most words few clauses use carried over from the story, besides its domain words: the ones nearest the question.</summary>
    public const int MaxSpecificStoryWords = 2;

    /// <summary>The story's specific words that neither the question nor the carried domain words already hold, nearest the question kept.</summary>
    private IEnumerable<string> SpecificStoryWords(string story, string question, List<string> carried)
        => specificWords is null ? [] : specificWords(story)
            .Where(word => !question.Contains(word, StringComparison.Ordinal)
                           && !carried.Any(term => term.Contains(word, StringComparison.Ordinal) || word.Contains(term, StringComparison.Ordinal)))
            .TakeLast(MaxSpecificStoryWords).ToList();

    /// <summary>The story's domain words the question does not already use, nearest the question kept.</summary>
    private List<string> StoryTerms(string story, string question)
        => _storyTerms.Find(story).Where(t => !question.Contains(t, StringComparison.Ordinal)).TakeLast(MaxStoryTerms).ToList();

    /// <summary>
    /// Words that frame a question rather than ask it (我就想问问, 想知道, 请问, 到底): searched with the question they
    /// only dilute what it asks.
    /// </summary>
    [GeneratedRegex(@"^(我|俺|我们|俺们)?(就|只|也|还)?(是)?(想|要)?(问问|问一下|问一问|问下|请问|请教一下|请教|知道|了解一下|了解|咨询一下|咨询)(一下)?|到底|究竟")]
    private static partial Regex Frame();

    /// <summary>Words that join a second question to the first (顺便问下, 还有, 另外, 对了); they ask nothing themselves.</summary>
    [GeneratedRegex(@"^(然后)?(那个)?(顺便|顺带|另外|还有|再就是|再有|对了|以及)(再|还)?(问下|问一下|问问|想问|请问)?(就是)?(那个)?")]
    private static partial Regex Connector();

    /// <summary>
    /// Clause breaks: punctuation, spaces, and 然后, which voice input puts where a writer puts a comma
    /// (我那个社保然后之前在广州交的然后现在来佛山了然后那个社保咋转过来啊).
    /// </summary>
    [GeneratedRegex(@"[，,。！!？?；;：:\s]+|然后")]
    private static partial Regex ClauseBreak();

    /// <summary>Spoken fillers that open a clause (那个, 就是, 嗯, 喂); they carry nothing to search for.</summary>
    [GeneratedRegex(@"^((那个|就是|嗯|喂|啊|呃)+)")]
    private static partial Regex Filler();

    /// <summary>
    /// A clause that asks: a question particle or word, or a yes/no pair (能不能, 有没有, and any A不A such as 管不管). 多少
    /// after a negation measures, it does not ask (剩不了多少).
    /// </summary>
    [GeneratedRegex(@"[吗呢嘛]|(\p{IsCJKUnifiedIdeographs})[不没]\1|什么|怎么|怎样|咋|啥|(?<!不了|没)多少|多久|多长|(?<![一二三四五六七八九十两好])几|哪|谁|能不能|可不可以|是不是|有没有|要不要|算不算|行不行|该不该|会不会|是否|[不没]$")]
    private static partial Regex Asks();
}
