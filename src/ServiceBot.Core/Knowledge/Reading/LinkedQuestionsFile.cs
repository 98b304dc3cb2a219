namespace ServiceBot.Knowledge.Reading;

/// <summary>Where a linked question points: a document by its title, and a section by its citation label.</summary>
public readonly record struct LinkedSection(string Title, string Section);

/// <summary>
/// 相似问法 kept beside the knowledge rather than inside it, for documents the maintainers do not edit (the laws):
/// a "# 《title》" line names the document by its title, a "## " line a section as the chunker labels it
/// ("第八十二条", "四、(八)"), and the "- " lines under it are its questions. Other lines are ignored.
/// </summary>
public static class LinkedQuestionsFile
{
    public const string FolderName = "questions";

    public const string Extension = ".txt";

    /// <summary>Questions by document title and section, in file order.</summary>
    /// <exception cref="FormatException">A section before any document, a question before any section, or a section named twice.</exception>
    public static IReadOnlyDictionary<LinkedSection, IReadOnlyList<string>> Parse(string text)
    {
        var sections = new Dictionary<LinkedSection, List<string>>();
        string? title = null;
        List<string>? current = null;
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                title = line[2..].Trim().TrimStart('《').TrimEnd('》').Trim();
                current = null;
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (title is null) throw new FormatException($"line {number}: a section before the first \"# 《title》\" line");
                var key = new LinkedSection(title, line[3..].Trim());
                if (!sections.TryAdd(key, current = []))
                    throw new FormatException($"line {number}: section \"{key.Section}\" of 《{title}》 appears twice");
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (current is null) throw new FormatException($"line {number}: a question before its \"## section\" line");
                if (line[2..].Trim() is { Length: > 0 } question) current.Add(question);
            }
        }
        return sections.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value);
    }

    /// <summary>The file for <paramref name="sections"/>, grouped by document in first-seen order, as <see cref="Parse"/> reads it back.</summary>
    /// <exception cref="ArgumentException">A title, section or question that is empty or spans lines.</exception>
    public static string Format(IEnumerable<KeyValuePair<LinkedSection, IReadOnlyList<string>>> sections)
    {
        var text = new System.Text.StringBuilder();
        foreach (var document in sections.GroupBy(s => s.Key.Title, StringComparer.Ordinal))
        {
            text.Append("# 《").Append(OneLine(document.Key)).Append("》\n");
            foreach (var (section, questions) in document)
            {
                text.Append("## ").Append(OneLine(section.Section)).Append('\n');
                foreach (var question in questions) text.Append("- ").Append(OneLine(question)).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string OneLine(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Contains('\n') || trimmed.Contains('\r'))
            throw new ArgumentException($"a linked-question line must be one non-empty line: \"{value}\"", nameof(value));
        return trimmed;
    }
}
