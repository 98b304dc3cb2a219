using System.Runtime.InteropServices;
using System.Text;
using ServiceBot.Retrieval.Duplicates;
using ServiceBot.Text;

namespace ServiceBot.Retrieval.Lexical;

/// <summary>
/// Builds an index file from a stream of documents without holding them: documents are analysed a batch
/// at a time, their postings gathered per field until a budget is reached and then spilled to disk as
/// sorted runs, and the runs are merged into the compressed postings and term dictionaries at the end.
/// Memory is the run budget plus a few numbers per document (lengths, group, id offset).
/// </summary>
internal sealed class LexicalIndexWriter
{
    private const int ProgressInterval = 1024;

    private readonly ChineseAnalyzer _analyzer;
    private readonly long _runPostingBudget;
    private readonly int _batchSize;
    private readonly double _nearDuplicateThreshold;

    /// <param name="runPostingBudget">Postings (all fields) gathered in memory before a run is spilled.</param>
    /// <param name="batchSize">Documents analysed in parallel at a time.</param>
    /// <param name="nearDuplicateThreshold">Shingle Jaccard from which a clause is a twin of an earlier one; 0 = no detection.</param>
    public LexicalIndexWriter(ChineseAnalyzer analyzer, long runPostingBudget = 1_000_000, int batchSize = 1024, double nearDuplicateThreshold = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runPostingBudget, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        NearDuplicateDetection.Validate(nearDuplicateThreshold);
        _analyzer = analyzer;
        _runPostingBudget = runPostingBudget;
        _batchSize = batchSize;
        _nearDuplicateThreshold = nearDuplicateThreshold;
    }

    /// <summary>
    /// Writes the index of <paramref name="documents"/> to <paramref name="path"/> (replacing it only when complete) and
    /// its near-duplicate groups beside it (<see cref="LexicalIndex.NearDuplicatesPath"/>); returns the document count.
    /// </summary>
    public int Write(IEnumerable<IndexDocument> documents, string path, IProgress<int>? progress = null)
        => WriteAnalysed(Analyse(documents), path, progress);

    /// <summary>Writes documents whose fields are already analysed (synthetic corpora in tests and benchmarks).</summary>
    public int WriteAnalysed(IEnumerable<AnalysedDocument> documents, string path, IProgress<int>? progress = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        var scratch = path + ".runs";
        Directory.CreateDirectory(scratch);
        try
        {
            int count;
            NearDuplicateGroups twins;
            using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                (count, twins) = Write(documents, output, scratch, progress);
            File.Move(temporary, path, overwrite: true);
            var twinsPath = LexicalIndex.NearDuplicatesPath(path);
            if (twins.Any) twins.Save(twinsPath);
            else if (File.Exists(twinsPath)) File.Delete(twinsPath);
            return count;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            Directory.Delete(scratch, recursive: true);
        }
    }

    private (int Count, NearDuplicateGroups Twins) Write(IEnumerable<AnalysedDocument> documents, FileStream output, string scratch, IProgress<int>? progress)
    {
        var sections = new IndexSection[IndexFileLayout.SectionCount];
        IndexFileLayout.WriteHeader(output, LexicalIndex.FormatVersion);

        var accumulators = new RunAccumulator[IndexFileLayout.FieldCount];
        var lengths = new List<ushort>[IndexFileLayout.FieldCount];
        var totalLengths = new long[IndexFileLayout.FieldCount];
        for (var f = 0; f < accumulators.Length; f++) (accumulators[f], lengths[f]) = (new RunAccumulator(), []);
        var runs = new List<RunLocation>[IndexFileLayout.FieldCount];
        for (var f = 0; f < runs.Length; f++) runs[f] = [];
        var groups = new DocumentGroupsBuilder();
        using var detector = _nearDuplicateThreshold > 0
            ? new NearDuplicateDetector(_nearDuplicateThreshold, Path.Combine(scratch, "shingles.bin"))
            : null;
        var idOffsets = new List<long> { 0 };

        // The ids go straight into the file as documents arrive; everything else waits for its section.
        var idStart = Align(output);
        var count = 0;
        long pending = 0;
        Span<byte> idBuffer = stackalloc byte[256];
        foreach (var document in documents)
        {
            var bytes = Encoding.UTF8.GetByteCount(document.Id) <= idBuffer.Length
                ? idBuffer[..Encoding.UTF8.GetBytes(document.Id, idBuffer)]
                : Encoding.UTF8.GetBytes(document.Id);
            output.Write(bytes);
            idOffsets.Add(idOffsets[^1] + bytes.Length);
            groups.Add(document.Title, document.Section);
            detector?.Add(document.Sketch);
            for (var f = 0; f < accumulators.Length; f++)
            {
                var field = document.Fields[f];
                accumulators[f].Add(count, field.Terms);
                lengths[f].Add((ushort)Math.Min(field.Length, ushort.MaxValue));
                totalLengths[f] += field.Length;
                pending += field.Terms.Length;
            }
            count++;
            if (pending >= _runPostingBudget)
            {
                Spill(accumulators, runs, scratch);
                pending = 0;
            }
            if (count % ProgressInterval == 0) progress?.Report(count);
        }
        progress?.Report(count);
        sections[IndexFileLayout.IdBytes] = new IndexSection(idStart, output.Position - idStart);
        sections[IndexFileLayout.IdOffsets] = WriteSection(output, MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(idOffsets)));
        idOffsets = null; // eight bytes per document, not needed through the merges
        var twins = detector?.Groups() ?? NearDuplicateGroups.None(count);
        groups.WriteColumns(twins, (section, bytes) => sections[section] = WriteSection(output, bytes));
        for (var f = 0; f < lengths.Length; f++)
            sections[IndexFileLayout.Lengths(f)] = WriteSection(output, MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(lengths[f])));
        if (accumulators.Any(a => a.PostingCount > 0)) Spill(accumulators, runs, scratch);

        var fieldMeta = new (long TermCount, int TermsInLastBlock, float AverageLength)[IndexFileLayout.FieldCount];
        for (var f = 0; f < runs.Length; f++)
        {
            var blocksPath = Path.Combine(scratch, $"terms-{f}.bin");
            var postingsStart = Align(output);
            TermDictionaryWriter terms;
            using (var blocks = new FileStream(blocksPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                terms = new TermDictionaryWriter(blocks);
                RunMerger.Merge(runs[f], output, terms);
                sections[IndexFileLayout.Postings(f)] = new IndexSection(postingsStart, output.Position - postingsStart);
                blocks.Position = 0;
                var blocksStart = Align(output);
                blocks.CopyTo(output);
                sections[IndexFileLayout.TermBlocks(f)] = new IndexSection(blocksStart, output.Position - blocksStart);
            }
            File.Delete(blocksPath);
            var offsets = terms.BlockOffsets.ToArray();
            sections[IndexFileLayout.TermBlockOffsets(f)] = WriteSection(output, MemoryMarshal.AsBytes(offsets.AsSpan()));
            fieldMeta[f] = (terms.TermCount, terms.TermsInLastBlock, count == 0 ? 1f : Math.Max(1f, (float)((double)totalLengths[f] / count)));
        }

        var metaStart = Align(output);
        using (var meta = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true))
        {
            LexicalIndex.WriteAnalyzerOptions(meta, _analyzer.Options);
            meta.Write(count);
            meta.Write(groups.GroupCount);
            foreach (var title in groups.Titles) meta.Write(title);
            foreach (var (termCount, termsInLastBlock, averageLength) in fieldMeta)
            {
                meta.Write(termCount);
                meta.Write(termsInLastBlock);
                meta.Write(averageLength);
            }
        }
        sections[IndexFileLayout.Meta] = new IndexSection(metaStart, output.Position - metaStart);
        IndexFileLayout.WriteFooter(output, sections);
        return (count, twins);
    }

    private static void Spill(RunAccumulator[] accumulators, List<RunLocation>[] runs, string scratch)
    {
        var path = Path.Combine(scratch, $"run-{runs[0].Count}.bin");
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        for (var f = 0; f < accumulators.Length; f++)
        {
            runs[f].Add(new RunLocation(path, stream.Position));
            accumulators[f].Spill(stream);
        }
    }

    private static IndexSection WriteSection(Stream output, ReadOnlySpan<byte> bytes)
    {
        var start = Align(output);
        output.Write(bytes);
        return new IndexSection(start, bytes.Length);
    }

    /// <summary>Pads to eight bytes, so every fixed-width column starts aligned.</summary>
    private static long Align(Stream output)
    {
        while (output.Position % 8 != 0) output.WriteByte(0);
        return output.Position;
    }

    /// <summary>Analyses a batch of documents at a time in parallel, keeping their order.</summary>
    private IEnumerable<AnalysedDocument> Analyse(IEnumerable<IndexDocument> documents)
    {
        foreach (var batch in documents.Chunk(_batchSize))
        {
            var analysed = new AnalysedDocument[batch.Length];
            Parallel.For(0, batch.Length, i => analysed[i] = Analyse(batch[i]));
            foreach (var document in analysed) yield return document;
        }
    }

    /// <summary>
    /// A document's four fields. The section (第X条, 四、(八)) is matched only through the group signal; its
    /// words carry no topic. Questions are joined with a line break, so no bigram spans two of them.
    /// </summary>
    private AnalysedDocument Analyse(IndexDocument document)
    {
        var text = TextNormalizer.Normalize(document.Text);
        var questions = TextNormalizer.Normalize(string.Join('\n', document.Questions));
        return new AnalysedDocument(document.Id, document.Title, document.Section,
        [
            Count(_analyzer.Words(text)),
            Count(ChineseAnalyzer.Bigrams(text)),
            Count(questions.Length == 0 ? [] : _analyzer.Words(questions)),
            Count(ChineseAnalyzer.Bigrams(questions)),
        ], _nearDuplicateThreshold > 0 ? ClauseSketch.Of(document.Text) : null);
    }

    private static AnalysedField Count(List<string> terms)
    {
        var counts = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        foreach (var term in terms) counts[term] = counts.GetValueOrDefault(term) + 1;
        var result = new TermCount[counts.Count];
        var i = 0;
        foreach (var (term, count) in counts) result[i++] = new TermCount(term, count);
        return new AnalysedField(result, terms.Count);
    }

}

/// <summary>
/// A document as the index sees it: id, group, its four fields' terms (see <see cref="IndexFileLayout.FieldCount"/>),
/// and its near-duplicate sketch when detection is on.
/// </summary>
internal sealed record AnalysedDocument(string Id, string Title, string Section, AnalysedField[] Fields, ClauseSketch? Sketch = null);

/// <summary>A field's distinct terms with their counts, and its length in terms.</summary>
internal readonly record struct AnalysedField(TermCount[] Terms, int Length);
