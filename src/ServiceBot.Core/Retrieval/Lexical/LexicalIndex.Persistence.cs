using System.Text;
using ServiceBot.Retrieval.Duplicates;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;
using ServiceBot.Text.Spelling;

namespace ServiceBot.Retrieval;

public sealed partial class LexicalIndex
{
    private static readonly byte[] Magic = "SBLX"u8.ToArray();

    /// <summary>
    /// Version of the file layout. 2 added the similar-question fields, the document titles, article
    /// positions and the lay vocabulary; an older file must be rebuilt from its sources. Part of the ingestion settings hash.
    /// </summary>
    public const int FormatVersion = 2;

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
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            WriteAnalyzerOptions(writer, _analyzer.Options);
            WriteStrings(writer, _ids);
            WriteInts(writer, _groups.GroupOf);
            WriteInts(writer, _groups.Previous);
            WriteInts(writer, _groups.Next);
            writer.Write(_groups.GroupCount);
            WriteStrings(writer, _groups.Titles);
            writer.Write(_groups.Positions.Length);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_groups.Positions.AsSpan()));
            WriteField(writer, _words);
            WriteField(writer, _bigrams);
            WriteField(writer, _questionWords);
            WriteField(writer, _questionBigrams);
        }
        File.Move(temporary, path, overwrite: true);
        var twinsPath = NearDuplicatesPath(path);
        if (_twins.Any) _twins.Save(twinsPath);
        else if (File.Exists(twinsPath)) File.Delete(twinsPath);
    }

    /// <summary>The near-duplicate groups live in their own file beside the index (lexical.bin → lexical.twins.bin).</summary>
    public static string NearDuplicatesPath(string indexPath) => Path.ChangeExtension(indexPath, ".twins.bin");

    /// <summary>Reads an index written by <see cref="Save"/>; a file of another format is rejected.</summary>
    public static LexicalIndex Load(string path, LexicalIndexOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException($"{path} is not a ServiceBot lexical index.");
            var version = reader.ReadInt32();
            if (version != FormatVersion)
                throw new InvalidDataException(
                    $"{path} was written in index format {version}; this build reads format {FormatVersion}. " +
                    "Run ingest (or index build for an external corpus) again to rebuild it.");
            var analyzer = new ChineseAnalyzer(ReadAnalyzerOptions(reader));
            var ids = ReadStrings(reader);
            var groups = new DocumentGroups
            {
                GroupOf = ReadInts(reader),
                Previous = ReadInts(reader),
                Next = ReadInts(reader),
                GroupCount = reader.ReadInt32(),
                Titles = ReadStrings(reader),
                Positions = ReadFloats(reader),
            };
            var words = ReadField(reader);
            var bigrams = ReadField(reader);
            var questionWords = ReadField(reader);
            var questionBigrams = ReadField(reader);
            if (groups.Titles.Length != groups.GroupCount || groups.Positions.Length != ids.Length)
                throw new InvalidDataException($"{path} is inconsistent. Rebuild the index.");
            var twinsPath = NearDuplicatesPath(path);
            var twins = File.Exists(twinsPath) ? NearDuplicateGroups.Load(twinsPath, ids.Length) : NearDuplicateGroups.None(ids.Length);
            groups.Twins = twins;
            return new LexicalIndex(ids, words, bigrams, questionWords, questionBigrams, groups, twins, analyzer, options ?? new LexicalIndexOptions());
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path} is truncated. Rebuild the index.");
        }
    }

    private static void WriteAnalyzerOptions(BinaryWriter writer, ChineseAnalyzerOptions options)
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
        };
    }

    private static void WriteField(BinaryWriter writer, FieldPostings field)
    {
        WriteStrings(writer, field.Terms);
        WriteInts(writer, field.Offsets);
        WriteInts(writer, field.Documents);
        writer.Write(field.Frequencies.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(field.Frequencies.AsSpan()));
        WriteInts(writer, field.Lengths);
        writer.Write(field.AverageLength);
    }

    private static FieldPostings ReadField(BinaryReader reader)
    {
        var terms = ReadStrings(reader);
        var offsets = ReadInts(reader);
        var documents = ReadInts(reader);
        var frequencies = new ushort[reader.ReadInt32()];
        ReadExactly(reader, System.Runtime.InteropServices.MemoryMarshal.AsBytes(frequencies.AsSpan()));
        var lengths = ReadInts(reader);
        var average = reader.ReadSingle();
        if (offsets.Length != terms.Length + 1 || documents.Length != frequencies.Length)
            throw new InvalidDataException("The lexical index is inconsistent. Rebuild the index.");
        var termIds = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var t = 0; t < terms.Length; t++) termIds[terms[t]] = t;
        return new FieldPostings
        {
            TermIds = termIds, Terms = terms, Offsets = offsets, Documents = documents,
            Frequencies = frequencies, Lengths = lengths, AverageLength = average,
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

    private static void WriteInts(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static int[] ReadInts(BinaryReader reader)
    {
        var values = new int[reader.ReadInt32()];
        ReadExactly(reader, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static float[] ReadFloats(BinaryReader reader)
    {
        var values = new float[reader.ReadInt32()];
        ReadExactly(reader, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static void ReadExactly(BinaryReader reader, Span<byte> buffer)
    {
        if (reader.Read(buffer) != buffer.Length) throw new EndOfStreamException();
    }
}
