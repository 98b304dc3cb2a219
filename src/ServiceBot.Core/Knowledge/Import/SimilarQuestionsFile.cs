namespace ServiceBot.Knowledge.Import;

/// <summary>
/// The side file that carries 相似问法 into a generated knowledge file, so regenerating it from the seed keeps them:
/// a "## " line names a section exactly as the chunker labels it ("序言", "一、", "四、(八)"), and the "- " lines
/// under it are its questions. Other lines (a title, notes) are ignored.
/// </summary>
public static class SimilarQuestionsFile
{
    /// <summary>Questions by section label, in file order.</summary>
    /// <exception cref="FormatException">A question before any section, or a section named twice.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string text)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                var section = line[3..].Trim();
                if (!sections.TryAdd(section, current = []))
                    throw new FormatException($"line {number}: section \"{section}\" appears twice");
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (current is null) throw new FormatException($"line {number}: a question before the first \"## section\" line");
                if (line[2..].Trim() is { Length: > 0 } question) current.Add(question);
            }
        }
        return sections.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value, StringComparer.Ordinal);
    }
}
