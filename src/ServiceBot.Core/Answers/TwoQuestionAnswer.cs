using System.Text;

namespace ServiceBot.Answers;

/// <summary>
/// One reply to a message that asks two things (社保怎么转 顺便问下公积金能不能取): each question keeps its own lead
/// sentence and quoted clause under its own heading, the disclaimer closes the reply once, and each clause is cited once,
/// the two leads first so both questions are answered among the first citations.
/// </summary>
public static class TwoQuestionAnswer
{
    /// <summary>
    /// The combined answer; the one grounded answer with a note that the other question found nothing; or null when neither
    /// is grounded, so the message is answered as one question.
    /// </summary>
    public static Answer? Combine(string firstQuestion, Answer first, string secondQuestion, Answer second)
    {
        if (!first.Grounded && !second.Grounded) return null;
        if (!first.Grounded || !second.Grounded)
        {
            var (answered, unanswered) = first.Grounded ? (first, secondQuestion) : (second, firstQuestion);
            return answered with { Markdown = $"{answered.Markdown}\n\n关于“{unanswered}”，知识库中没有找到能直接回答的依据，可拨打 12345 咨询。" };
        }
        // The same clause answers both: the two are one question in two wordings.
        if (SameClause(first.Citations[0], second.Citations[0])) return first;

        var markdown = new StringBuilder("您问了两件事，分别答复如下。\n\n")
            .Append("**一、").Append(firstQuestion).Append("**\n\n").Append(Body(first)).Append("\n\n")
            .Append("**二、").Append(secondQuestion).Append("**\n\n").Append(Body(second)).Append("\n\n")
            .Append(ExtractiveAnswerComposer.Disclaimer);
        return new Answer(markdown.ToString(), Grounded: true, Citations(first.Citations, second.Citations), Handoff: first.Handoff || second.Handoff);
    }

    /// <summary>Both leads first, then the rest of each answer's citations, every clause once.</summary>
    private static List<Citation> Citations(IReadOnlyList<Citation> first, IReadOnlyList<Citation> second)
    {
        var ordered = new[] { first[0], second[0] }.Concat(first.Skip(1)).Concat(second.Skip(1));
        var cited = new List<Citation>();
        foreach (var citation in ordered)
            if (!cited.Any(c => SameClause(c, citation))) cited.Add(citation);
        return cited;
    }

    /// <summary>An answer's text without its closing disclaimer, which the combined reply gives once.</summary>
    private static string Body(Answer answer)
    {
        var text = answer.Markdown.TrimEnd();
        return text.EndsWith(ExtractiveAnswerComposer.Disclaimer, StringComparison.Ordinal)
            ? text[..^ExtractiveAnswerComposer.Disclaimer.Length].TrimEnd()
            : text;
    }

    private static bool SameClause(Citation a, Citation b)
        => a.Source == b.Source && a.Section == b.Section;
}
