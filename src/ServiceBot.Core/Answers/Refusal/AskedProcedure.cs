using System.Text.RegularExpressions;

namespace ServiceBot.Answers.Refusal;

/// <summary>
/// A question how or where to get a thing done (公租房咋申请, 护照怎么办理, 工作许可去哪办): a clause answers it only if it
/// names the thing. A clause on the topic around it (the company registration guide for a work permit) says nothing of
/// another office's procedure.
/// </summary>
public static partial class AskedProcedure
{
    /// <summary>
    /// True when <paramref name="question"/> asks how or where to apply for, handle or open a thing and the clause
    /// (<paramref name="normalized"/>) lacks the thing's heaviest word of two characters or more.
    /// </summary>
    public static bool Unstated(string question, IReadOnlyList<QueryTerm> terms, string normalized)
    {
        if (Procedure().Match(Text.TextNormalizer.Normalize(question)) is not { Success: true } match) return false;
        var thing = match.Groups["thing"].Value;
        var heaviest = terms.Where(t => t.Word.Length > 1 && thing.Contains(t.Word, StringComparison.Ordinal)).MaxBy(t => t.Weight);
        return heaviest is not null && !heaviest.Forms.Any(f => normalized.Contains(f, StringComparison.Ordinal));
    }

    /// <summary>
    /// The thing named right before 咋申请, 怎么办理, 去哪办 and the like, within one clause. A bare 咋办 asks what to do
    /// (还差的几年咋办), not how to get a thing.
    /// </summary>
    [GeneratedRegex(@"(?<thing>[^，,。？?！!；;\s]{2,12}?)(?:在网上|网上|要|得|该)?(?:(?:到哪儿?|去哪儿?|在哪儿?)(?:申请|办理|申报|报名|注册|办|开|领)|(?:咋|怎么|怎样|如何)(?:申请|办理|申报|报名|注册|开|领))")]
    private static partial Regex Procedure();
}
