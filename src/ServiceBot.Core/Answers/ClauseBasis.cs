using System.Text.RegularExpressions;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;

namespace ServiceBot.Answers;

/// <summary>A Chinese clause an English section rests on: the document title and the section's citation label.</summary>
public sealed record ClauseReference(string Title, string Section);

/// <summary>
/// English sections name the Chinese clauses they rest on in a line of their own,
/// "Based on: 《住房公积金提取办事指南（示例）》所需材料；《保障农民工工资支付条例》第十条", so an English answer cites the
/// Chinese text as well. The line is a reference, not part of the quoted English text.
/// </summary>
public static partial class ClauseBasis
{
    public const string Prefix = "Based on:";

    /// <summary>The clauses named by the section's "Based on:" lines, in order, without repeats.</summary>
    public static IReadOnlyList<ClauseReference> Of(string sectionText)
        => BasisLines(sectionText)
            .SelectMany(line => Reference().Matches(line))
            .Select(m => new ClauseReference(m.Groups["title"].Value.Trim(), m.Groups["section"].Value.Trim()))
            .Where(r => r.Title.Length > 0 && r.Section.Length > 0)
            .Distinct()
            .ToList();

    /// <summary>The clauses of another language that <paramref name="chunk"/> rests on and <paramref name="knowledge"/> holds, in the order named.</summary>
    public static IReadOnlyList<KnowledgeChunk> Resolve(KnowledgeBase knowledge, KnowledgeChunk chunk)
    {
        var language = KnowledgeLanguage.Of(chunk);
        return Of(chunk.Text)
            .SelectMany(reference => knowledge.Chunks.Where(c =>
                c.Title == reference.Title && c.Section == reference.Section && KnowledgeLanguage.Of(c) != language))
            .DistinctBy(c => c.Id)
            .ToList();
    }

    /// <summary>The section text without its "Based on:" lines.</summary>
    public static string WithoutBasis(string sectionText)
        => string.Join('\n', sectionText.Split('\n').Where(l => !IsBasisLine(l))).Trim();

    private static IEnumerable<string> BasisLines(string text) => text.Split('\n').Where(IsBasisLine);

    private static bool IsBasisLine(string line) => line.TrimStart().StartsWith(Prefix, StringComparison.Ordinal);

    [GeneratedRegex(@"《(?<title>[^》]+)》(?<section>[^；;《\n]+)")]
    private static partial Regex Reference();
}
