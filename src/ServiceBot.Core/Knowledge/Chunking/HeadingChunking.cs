using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Knowledge.Chunking;

/// <summary>
/// Guides and any other Markdown: one chunk per "##"/"###"… section holding the text directly under that heading;
/// text before the first heading is the overview.
/// </summary>
internal static class HeadingChunking
{
    public const string OverviewSection = "概述";

    public static IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeDocument document)
    {
        var builder = new ChunkBuilder(document);
        var paragraphs = new List<string>();

        void Flush()
        {
            if (builder.Headings.Count == 0) builder.Add(OverviewSection, OverviewSection, paragraphs);
            else builder.Add(builder.Headings[^1].Text, builder.HeadingPath, paragraphs);
            paragraphs.Clear();
        }

        foreach (var block in builder.BodyBlocks)
        {
            if (block.IsHeading)
            {
                Flush();
                builder.EnterHeading(block);
            }
            else
            {
                paragraphs.Add(block.Text);
            }
        }
        Flush();
        return builder.Chunks;
    }
}
