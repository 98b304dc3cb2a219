using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Chunking;

/// <summary>
/// Laws and regulations: one chunk per article "第X条" with every paragraph and item up to the next article
/// or heading; chapters (##) and sections (###) form the heading path, and documents without them work too.
/// </summary>
internal static class ArticleChunking
{
    private const string PreambleSection = "序言";

    public static IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeDocument document)
    {
        var builder = new ChunkBuilder(document);
        var paragraphs = new List<string>();
        string? article = null;

        void Flush()
        {
            if (article is not null)
            {
                var path = builder.HeadingPath;
                builder.Add(article, path.Length == 0 ? article : path + ChunkBuilder.PathSeparator + article, paragraphs);
            }
            else
            {
                // Text outside any article (a preamble, an appendix heading's text) stays retrievable.
                var section = builder.Headings.Count == 0 ? PreambleSection : builder.Headings[^1].Text;
                builder.Add(section, builder.Headings.Count == 0 ? PreambleSection : builder.HeadingPath, paragraphs);
            }
            paragraphs.Clear();
            article = null;
        }

        foreach (var block in builder.BodyBlocks)
        {
            if (block.IsHeading)
            {
                Flush();
                builder.EnterHeading(block);
                continue;
            }
            if (ChineseText.ArticleStart().Match(block.Text) is { Success: true } match)
            {
                Flush();
                article = match.Groups["marker"].Value;
            }
            paragraphs.Add(block.Text);
        }
        Flush();
        return builder.Chunks;
    }
}
