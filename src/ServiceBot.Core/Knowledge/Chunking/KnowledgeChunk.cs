namespace ServiceBot.Knowledge.Chunking;

/// <summary>One citable unit of a knowledge document: a clause, an article or a bounded group of paragraphs.</summary>
/// <param name="Id">Stable id "{DocumentId}#{Section}", with "-2", "-3"… appended when a section repeats.</param>
/// <param name="Section">Short citation label, e.g. "四、(八)", "第十四条", "办理条件", "序言".</param>
/// <param name="HeadingPath">Headings leading to the text, e.g. "四、加大关爱力度 > (八)提高公共服务水平".</param>
/// <param name="Text">The whole unit text; paragraphs separated by '\n'.</param>
/// <param name="Metadata">The document's metadata (issuer, date, type, region …).</param>
/// <param name="SimilarQuestions">Questions the maintainers linked to this unit (相似问法), indexed as a field of their own.</param>
public sealed record KnowledgeChunk(
    string Id,
    string DocumentId,
    string Title,
    string Section,
    string HeadingPath,
    string Text,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<string>? SimilarQuestions = null)
{
    /// <summary>Joins the headings of <see cref="HeadingPath"/>.</summary>
    public const string HeadingSeparator = " > ";

    public IReadOnlyList<string> SimilarQuestions { get; init; } = SimilarQuestions ?? [];
}
