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
        return builder.ChunkByHeading((heading, path, paragraphs) =>
            builder.Add(heading ?? OverviewSection, heading is null ? OverviewSection : path, paragraphs));
    }
}
