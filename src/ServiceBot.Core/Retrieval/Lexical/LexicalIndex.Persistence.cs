using System.Text;
using ServiceBot.Retrieval.Duplicates;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;
using ServiceBot.Text.Spelling;

namespace ServiceBot.Retrieval;

public sealed partial class LexicalIndex
{
    /// <summary>
    /// Version of the file layout. 2 added the similar-question fields, the document titles, article positions and
    /// the lay vocabulary; 3 compressed the postings, sorted the terms for lookups in the mapped file and put
    /// every part behind a 64-bit offset; 4 added the mined lay vocabulary and its weight; 5 indexes English plurals as singulars. An older file must be rebuilt from its sources. Part of the ingestion settings hash.
    /// </summary>
    public const int FormatVersion = 5;

    /// <summary>
    /// Writes the index, with the analyzer's vocabulary, to one file. It goes to a temporary file
    /// first and is then moved over the target, so a crash never leaves a half-written index.
    /// </summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            _file.CopyTo(stream);
        GC.KeepAlive(_file);
        File.Move(temporary, path, overwrite: true);
        var twinsPath = NearDuplicatesPath(path);
        if (_twins.Any) _twins.Save(twinsPath);
        else if (File.Exists(twinsPath)) File.Delete(twinsPath);
    }

    /// <summary>The near-duplicate groups live in their own file beside the index (lexical.bin → lexical.twins.bin).</summary>
    public static string NearDuplicatesPath(string indexPath) => Path.ChangeExtension(indexPath, ".twins.bin");

    /// <summary>
    /// Maps an index written by <see cref="Save"/> or <see cref="Write"/>: postings, terms and ids stay in the file and are
    /// paged in as queries touch them. A file of another format is rejected with what to run to rebuild it.
    /// </summary>
    public static LexicalIndex Load(string path, LexicalIndexOptions? options = null)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1))
        {
            Span<byte> header = stackalloc byte[IndexFileLayout.HeaderLength];
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                || !header[..4].SequenceEqual(IndexFileLayout.Magic))
                throw new InvalidDataException($"{path} is not a ServiceBot lexical index.");
            var version = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
            if (version != FormatVersion)
                throw new InvalidDataException(
                    $"{path} was written in index format {version}; this build reads format {FormatVersion}. " +
                    "Run ingest (or index build for an external corpus) again to rebuild it.");
        }
        var file = MappedIndexFile.Open(path);
        try
        {
            return Open(file, path, options ?? new LexicalIndexOptions());
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static unsafe LexicalIndex Open(MappedIndexFile file, string path, LexicalIndexOptions options)
    {
        var sections = IndexFileLayout.ReadSections(file, path);
        var meta = sections[IndexFileLayout.Meta];
        using var stream = new UnmanagedMemoryStream(file.At(meta.Offset), meta.Length);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            var analyzer = new ChineseAnalyzer(ReadAnalyzerOptions(reader));
            var count = reader.ReadInt32();
            var groupCount = reader.ReadInt32();
            var titles = new string[groupCount];
            for (var g = 0; g < titles.Length; g++) titles[g] = reader.ReadString();
            var ids = new DocumentIds(file, sections[IndexFileLayout.IdOffsets], sections[IndexFileLayout.IdBytes]);
            var groups = new DocumentGroups
            {
                GroupOf = new MappedColumn<int>(file, sections[IndexFileLayout.GroupOf]),
                Previous = new MappedColumn<int>(file, sections[IndexFileLayout.Previous]),
                Next = new MappedColumn<int>(file, sections[IndexFileLayout.Next]),
                GroupCount = groupCount,
                Titles = titles,
                Positions = new MappedColumn<float>(file, sections[IndexFileLayout.Positions]),
            };
            var fields = new FieldPostings[IndexFileLayout.FieldCount];
            for (var f = 0; f < fields.Length; f++)
            {
                var termCount = reader.ReadInt64();
                var termsInLastBlock = reader.ReadInt32();
                var averageLength = reader.ReadSingle();
                var terms = new TermDictionary(file, sections[IndexFileLayout.TermBlocks(f)], sections[IndexFileLayout.TermBlockOffsets(f)], termsInLastBlock);
                var lengths = new MappedColumn<ushort>(file, sections[IndexFileLayout.Lengths(f)]);
                if (lengths.Length != count) throw new InvalidDataException($"{path} is inconsistent. Rebuild the index.");
                fields[f] = new FieldPostings(file, sections[IndexFileLayout.Postings(f)], terms, lengths, termCount, averageLength);
            }
            if (ids.Length != count || groups.GroupOf.Length != count || groups.Previous.Length != count
                || groups.Next.Length != count || groups.Positions.Length != count)
                throw new InvalidDataException($"{path} is inconsistent. Rebuild the index.");
            var twinsPath = NearDuplicatesPath(path);
            var twins = File.Exists(twinsPath) ? NearDuplicateGroups.Load(twinsPath, count) : NearDuplicateGroups.None(count);
            groups.Twins = twins;
            return new LexicalIndex(file, ids, fields, groups, twins, analyzer, options);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path} is inconsistent. Rebuild the index.");
        }
    }

    internal static void WriteAnalyzerOptions(BinaryWriter writer, ChineseAnalyzerOptions options)
    {
        WriteStrings(writer, options.DomainWords);
        writer.Write(options.SynonymGroups.Count);
        foreach (var group in options.SynonymGroups) WriteStrings(writer, group);
        writer.Write(options.SynonymWeight);
        writer.Write(options.UseGeneralThesaurus);
        writer.Write(options.GeneralThesaurusMaxGroupSize);
        writer.Write(options.LayExpansions.Count);
        foreach (var expansion in options.LayExpansions)
        {
            WriteStrings(writer, expansion.LayPhrases);
            WriteStrings(writer, expansion.PolicyWords);
        }
        writer.Write(options.LayExpansionWeight);
        writer.Write(options.ContextualCorrections.Count);
        foreach (var rule in options.ContextualCorrections)
        {
            writer.Write(rule.Typed);
            writer.Write(rule.Intended);
            WriteStrings(writer, rule.When);
            WriteStrings(writer, rule.Unless);
        }
        writer.Write(options.MinedLayExpansions.Count);
        foreach (var expansion in options.MinedLayExpansions)
        {
            WriteStrings(writer, expansion.LayPhrases);
            WriteStrings(writer, expansion.PolicyWords);
        }
        writer.Write(options.MinedLayExpansionWeight);
    }

    private static ChineseAnalyzerOptions ReadAnalyzerOptions(BinaryReader reader)
    {
        var words = ReadStrings(reader);
        var groups = new IReadOnlyList<string>[reader.ReadInt32()];
        for (var i = 0; i < groups.Length; i++) groups[i] = ReadStrings(reader);
        var synonymWeight = reader.ReadSingle();
        var useGeneralThesaurus = reader.ReadBoolean();
        var generalThesaurusMaxGroupSize = reader.ReadInt32();
        var expansions = new LayExpansion[reader.ReadInt32()];
        for (var i = 0; i < expansions.Length; i++) expansions[i] = new LayExpansion(ReadStrings(reader), ReadStrings(reader));
        var layExpansionWeight = reader.ReadSingle();
        var corrections = new ContextualCorrection[reader.ReadInt32()];
        for (var i = 0; i < corrections.Length; i++)
            corrections[i] = new ContextualCorrection(reader.ReadString(), reader.ReadString(), ReadStrings(reader), ReadStrings(reader));
        var mined = new LayExpansion[reader.ReadInt32()];
        for (var i = 0; i < mined.Length; i++) mined[i] = new LayExpansion(ReadStrings(reader), ReadStrings(reader));
        var minedWeight = reader.ReadSingle();
        return new ChineseAnalyzerOptions
        {
            DomainWords = words,
            SynonymGroups = groups,
            SynonymWeight = synonymWeight,
            UseGeneralThesaurus = useGeneralThesaurus,
            GeneralThesaurusMaxGroupSize = generalThesaurusMaxGroupSize,
            LayExpansions = expansions,
            LayExpansionWeight = layExpansionWeight,
            ContextualCorrections = corrections,
            MinedLayExpansions = mined,
            MinedLayExpansionWeight = minedWeight,
        };
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values) writer.Write(value);
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadString();
        return values;
    }
}
