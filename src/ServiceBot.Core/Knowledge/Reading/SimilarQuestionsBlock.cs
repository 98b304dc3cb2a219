namespace ServiceBot.Knowledge.Reading;

/// <summary>
/// The 相似问法 block: questions a maintainer links to the section or clause it sits in, written as an HTML comment so
/// that no Markdown renderer shows it and it never becomes part of the quoted clause text:
/// <code>
/// &lt;!-- 相似问法
/// - 平台抽成太高了有没有人管
/// - 抽佣不合理找谁
/// --&gt;
/// </code>
/// One question per line; a leading "- " or "* " is optional; blank lines are ignored.
/// </summary>
public static class SimilarQuestionsBlock
{
    public const string Marker = "相似问法";

    private const string Open = "<!--";
    private const string Close = "-->";

    /// <summary>The questions of <paramref name="html"/>, or null when it is not a 相似问法 comment.</summary>
    public static IReadOnlyList<string>? TryParse(string html)
    {
        var text = html.Trim();
        if (!text.StartsWith(Open, StringComparison.Ordinal) || !text.EndsWith(Close, StringComparison.Ordinal)) return null;
        var body = text[Open.Length..^Close.Length].Trim();
        if (!body.StartsWith(Marker, StringComparison.Ordinal)) return null;
        return body[Marker.Length..].Split('\n')
            .Select(line => line.Trim())
            .Select(line => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal) ? line[2..].Trim() : line)
            .Where(line => line.Length > 0)
            .ToList();
    }

    /// <summary>The block for <paramref name="questions"/>, as <see cref="TryParse"/> reads it back.</summary>
    public static string Format(IEnumerable<string> questions)
    {
        var lines = questions.Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        foreach (var question in lines)
            if (question.Contains(Close, StringComparison.Ordinal) || question.Contains('\n'))
                throw new ArgumentException($"a similar question must be one line without \"{Close}\": {question}", nameof(questions));
        return $"{Open} {Marker}\n" + string.Concat(lines.Select(q => "- " + q + "\n")) + Close;
    }
}
