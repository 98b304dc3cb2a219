namespace ServiceBot.Text;

/// <summary>
/// A one-way association from how people say it to the words the documents use (歇脚 → 驿站, 休息). Unlike a
/// synonym group it never runs backwards: a question about 驿站 does not search for 歇脚.
/// </summary>
/// <param name="LayPhrases">Phrases matched anywhere in the question (not only as whole segmented words).</param>
/// <param name="PolicyWords">Words added to the query at <see cref="ChineseAnalyzerOptions.LayExpansionWeight"/>.</param>
public sealed record LayExpansion(IReadOnlyList<string> LayPhrases, IReadOnlyList<string> PolicyWords);
