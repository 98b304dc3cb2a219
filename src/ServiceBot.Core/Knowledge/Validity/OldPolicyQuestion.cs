using System.Text.RegularExpressions;

namespace ServiceBot.Knowledge.Validity;

/// <summary>
/// Whether a question asks about a policy that is no longer in force: it says so (以前的, 旧版, 已废止 …) or names the
/// year of a document that is no longer current (2019年的办法). Only then may expired or superseded documents be cited.
/// </summary>
public static partial class OldPolicyQuestion
{
    private static readonly string[] Cues =
    [
        "旧版", "旧的", "旧政策", "旧规定", "旧办法", "旧条例", "老政策", "老规定", "老办法", "老版", "原来的", "原先", "原办法", "原规定", "原政策",
        "以前的", "之前的", "过去的", "早先", "当时的", "废止", "失效", "过期", "作废", "修订前", "修改前", "调整前", "老标准", "旧标准",
    ];

    /// <param name="oldYears">The years (effective or dated) of the documents that are not in force.</param>
    public static bool Asks(string question, IReadOnlySet<int> oldYears)
    {
        if (Cues.Any(cue => question.Contains(cue, StringComparison.Ordinal))) return true;
        foreach (Match year in Year().Matches(question))
            if (oldYears.Contains(int.Parse(year.Groups["year"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture))) return true;
        return false;
    }

    /// <summary>The question without its old-policy cue words, which no clause uses and which must not count against coverage.</summary>
    public static string WithoutCues(string question)
        => Cues.Aggregate(question, (text, cue) => text.Replace(cue, "", StringComparison.Ordinal));

    [GeneratedRegex(@"(?<![0-9])(?<year>(?:19|20)[0-9]{2})(?:年|版)")]
    private static partial Regex Year();
}
