using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;

namespace ServiceBot.Knowledge.Chunking;

/// <summary>
/// Policy documents: one chunk per "(一)" clause with all its paragraphs; text under a part heading outside
/// clauses and the preamble become chunks of their own.
/// </summary>
internal static class PolicyChunking
{
    public const string PreambleSection = "序言";
    private const int MaxClauseTitleLength = 40;

    public static IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeDocument document)
    {
        var builder = new ChunkBuilder(document);
        var paragraphs = new List<string>();
        string? clauseMarker = null, clauseTitle = null;

        void Flush()
        {
            var partMarker = PartMarker(builder.Headings);
            if (clauseMarker is not null)
                builder.Add(partMarker + clauseMarker, Join(builder.HeadingPath, clauseTitle!), paragraphs);
            else if (builder.Headings.Count == 0)
                builder.Add(PreambleSection, PreambleSection, paragraphs);
            else
                builder.Add(partMarker, builder.HeadingPath, paragraphs);
            paragraphs.Clear();
            clauseMarker = clauseTitle = null;
        }

        foreach (var block in builder.BodyBlocks)
        {
            if (block.IsHeading)
            {
                Flush();
                builder.EnterHeading(block);
                continue;
            }
            if (ChineseText.ClauseStart().Match(block.Text) is { Success: true } clause)
            {
                Flush();
                clauseMarker = clause.Groups["marker"].Value;
                clauseTitle = ClauseTitle(block.Text);
            }
            paragraphs.Add(block.Text);
        }
        Flush();
        return builder.Chunks;
    }

    /// <summary>"四、" from "四、加大关爱力度"; the heading itself when it has no numeral marker.</summary>
    private static string PartMarker(IReadOnlyList<KnowledgeBlock> headings)
    {
        if (headings.Count == 0) return "";
        var part = headings[0].Text;
        return ChineseText.PartHeading().Match(part) is { Success: true } match ? match.Groups["marker"].Value : part;
    }

    /// <summary>"(八)提高公共服务水平": the clause's lead sentence, which serves as its heading.</summary>
    private static string ClauseTitle(string clauseText)
    {
        var end = clauseText.IndexOf('。');
        return end > 0 && end <= MaxClauseTitleLength ? clauseText[..end] : ChineseText.ClauseStart().Match(clauseText).Value;
    }

    private static string Join(string path, string leaf)
        => path.Length == 0 ? leaf : path + ChunkBuilder.PathSeparator + leaf;
}
