using ServiceBot.Knowledge.Reading;

namespace ServiceBot.Knowledge.Chunking;

/// <summary>Collects the chunks of one document, tracking the heading path and keeping ids unique.</summary>
internal sealed class ChunkBuilder(KnowledgeDocument document)
{
    public const string PathSeparator = KnowledgeChunk.HeadingSeparator;

    private readonly List<KnowledgeChunk> _chunks = [];
    private readonly Dictionary<string, int> _sectionUses = new(StringComparer.Ordinal);
    private readonly List<KnowledgeBlock> _headings = [];
    private readonly List<string> _pendingQuestions = [];

    public IReadOnlyList<KnowledgeChunk> Chunks => _chunks;

    /// <summary>Open headings below the title, outermost first.</summary>
    public IReadOnlyList<KnowledgeBlock> Headings => _headings;

    public string HeadingPath => string.Join(PathSeparator, _headings.Select(h => h.Text));

    /// <summary>
    /// Headings and paragraphs of the body, without the level-1 title heading (the document title, not a section).
    /// 相似问法 blocks are not yielded: their questions belong to the section being read, so the next chunk added
    /// (when that section ends) carries them.
    /// </summary>
    public IEnumerable<KnowledgeBlock> BodyBlocks
    {
        get
        {
            foreach (var block in document.Blocks)
            {
                if (block.IsHeading && block.Level == 1) continue;
                if (block.Kind == KnowledgeBlockKind.SimilarQuestions)
                {
                    _pendingQuestions.AddRange(block.Questions);
                    continue;
                }
                yield return block;
            }
        }
    }

    /// <summary>
    /// Walks the body heading by heading: for each run of paragraphs, <paramref name="add"/> gets the innermost
    /// heading (null before the first one), the heading path, and the paragraphs.
    /// </summary>
    public IReadOnlyList<KnowledgeChunk> ChunkByHeading(Action<string?, string, IReadOnlyList<string>> add)
    {
        var paragraphs = new List<string>();
        void Flush()
        {
            add(_headings.Count == 0 ? null : _headings[^1].Text, HeadingPath, paragraphs.ToList());
            paragraphs.Clear();
        }

        foreach (var block in BodyBlocks)
        {
            if (!block.IsHeading)
            {
                paragraphs.Add(block.Text);
                continue;
            }
            Flush();
            EnterHeading(block);
        }
        Flush();
        return _chunks;
    }

    public void EnterHeading(KnowledgeBlock heading)
    {
        _headings.RemoveAll(h => h.Level >= heading.Level);
        _headings.Add(heading);
    }

    public void Add(string section, string headingPath, IEnumerable<string> paragraphs, string separator = "\n")
    {
        var text = string.Join(separator, paragraphs).Trim();
        var questions = _pendingQuestions.Distinct(StringComparer.Ordinal).ToList();
        _pendingQuestions.Clear();
        if (text.Length == 0) return;
        // Repeated sections (e.g. a news subheading split by size) stay addressable and stable across runs.
        var uses = _sectionUses[section] = _sectionUses.GetValueOrDefault(section) + 1;
        var id = uses == 1 ? $"{document.Id}#{section}" : $"{document.Id}#{section}-{uses}";
        _chunks.Add(new KnowledgeChunk(id, document.Id, document.Title, section, headingPath, text, document.Metadata, questions));
    }
}
