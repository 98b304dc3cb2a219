using System.Text;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Chunking;

/// <summary>
/// News: paragraphs under each subheading packed into chunks of at most a given length. Only a paragraph that is
/// itself too long is cut, and only between sentences; a single overlong sentence stays whole.
/// </summary>
internal static class NewsChunking
{
    public const string LeadSection = "导语";

    public static IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeDocument document, int maxLength)
    {
        var builder = new ChunkBuilder(document);
        return builder.ChunkByHeading((heading, path, paragraphs) =>
        {
            foreach (var group in Pack(paragraphs, maxLength))
                builder.Add(heading ?? LeadSection, heading is null ? LeadSection : path, [group]);
        });
    }

    /// <summary>Greedy packing of paragraphs (or, for long ones, their sentences) into texts of at most <paramref name="maxLength"/>.</summary>
    internal static IReadOnlyList<string> Pack(IEnumerable<string> paragraphs, int maxLength)
    {
        var groups = new List<string>();
        var current = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            var pieces = paragraph.Length <= maxLength ? [paragraph] : ChineseText.SplitSentences(paragraph);
            for (var i = 0; i < pieces.Count; i++)
            {
                // Sentences of one paragraph are rejoined without a break; separate paragraphs keep a newline.
                var separator = current.Length == 0 ? "" : i == 0 ? "\n" : "";
                if (current.Length > 0 && current.Length + separator.Length + pieces[i].Length > maxLength)
                {
                    groups.Add(current.ToString());
                    current.Clear();
                    separator = "";
                }
                current.Append(separator).Append(pieces[i]);
            }
        }
        if (current.Length > 0) groups.Add(current.ToString());
        return groups;
    }
}
