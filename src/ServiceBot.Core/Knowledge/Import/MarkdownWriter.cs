using System.Text;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Import;

/// <summary>Builds knowledge Markdown files: YAML front matter, title, headings and paragraphs, separated by blank lines.</summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder _text = new();

    /// <param name="lists">Front matter keys whose value is a YAML list (one item a line), written after the scalars.</param>
    public MarkdownWriter(IEnumerable<KeyValuePair<string, string>> frontMatter, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>? lists = null)
    {
        _text.Append("---\n");
        foreach (var (key, value) in frontMatter) _text.Append(key).Append(": ").Append(YamlScalar(value)).Append('\n');
        foreach (var (key, items) in lists ?? [])
        {
            _text.Append(key).Append(":\n");
            foreach (var item in items) _text.Append("  - ").Append(YamlScalar(item)).Append('\n');
        }
        _text.Append("---\n");
    }

    public void Heading(int level, string text) => Block(new string('#', level) + " " + text);

    public void Paragraph(string text) => Block(MarkdownBlockEscape.Escape(text));

    /// <summary>A 相似问法 block linking <paramref name="questions"/> to the section just written; nothing when there are none.</summary>
    public void SimilarQuestions(IReadOnlyList<string> questions)
    {
        if (questions.Count > 0) Block(SimilarQuestionsBlock.Format(questions));
    }

    public override string ToString() => _text.ToString();

    private void Block(string text) => _text.Append('\n').Append(text).Append('\n');

    // Plain scalars are kept readable; anything YAML could misread is double-quoted.
    private static string YamlScalar(string value)
    {
        var needsQuotes = value.Length == 0
            || value.Contains(": ") || value.Contains(" #") || value.EndsWith(':')
            || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0])
            || value != value.Trim()
            || value.Contains('\n');
        if (!needsQuotes) return value;
        return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
    }
}
