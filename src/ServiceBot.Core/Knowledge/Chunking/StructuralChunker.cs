using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Chunking;

/// <summary>
/// Splits knowledge documents along their own structure: policy clauses "(一)", law articles "第X条",
/// size-bounded paragraph groups for news, and headings for guides and any other Markdown. A translation (an English law
/// or policy, front matter <c>language: en</c>) keeps its original's type but is sectioned by its headings, one per
/// article or clause, since the Chinese markers that delimit the original are not in it.
/// </summary>
public sealed class StructuralChunker(int maxNewsChunkLength = StructuralChunker.DefaultMaxNewsChunkLength)
{
    public const int DefaultMaxNewsChunkLength = 400;

    public IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeDocument document) => document.Type switch
    {
        _ when document.Metadata.ContainsKey(MetadataKeys.TranslationOf) => HeadingChunking.Chunk(document),
        DocumentTypes.Policy => PolicyChunking.Chunk(document),
        DocumentTypes.Law => ArticleChunking.Chunk(document),
        DocumentTypes.News => NewsChunking.Chunk(document, maxNewsChunkLength),
        // A guide may quote an article ("第二十四条 职工有下列情形…") and still be sectioned by its headings.
        DocumentTypes.Guide => HeadingChunking.Chunk(document),
        _ when HasArticles(document) => ArticleChunking.Chunk(document),
        _ => HeadingChunking.Chunk(document),
    };

    public IReadOnlyList<KnowledgeChunk> ChunkAll(IEnumerable<KnowledgeDocument> documents)
        => documents.SelectMany(Chunk).ToList();

    private static bool HasArticles(KnowledgeDocument document)
        => document.Blocks.Any(b => b.IsParagraph && ChineseText.ArticleStart().IsMatch(b.Text));
}
