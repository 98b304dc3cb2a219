using System.Diagnostics;
using System.Globalization;
using ServiceBot.Benchmarks.Retrieval;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Benchmarks.Scaling;

/// <summary>
/// Writes an index of synthetic clauses far past what the STARD pool reaches (10M by default, with more postings in
/// one field than a 32-bit array could address: the old format's limit was 536,870,911 ints per array), through the
/// same streaming writer as <c>index build</c> but without the segmenter, then maps it and reads every term's
/// document frequency, one long postings list and a search back. Prints one JSON line.
/// </summary>
public static class SyntheticIndexBenchmark
{
    public const string Usage = """
        usage: synthetic-index [--clauses N] [--postings N] [--folder DIR] [--keep]
          --clauses N    synthetic clauses (default 10000000)
          --postings N   distinct bigram terms per clause (default 60)
          --folder DIR   where the index is written (default: the temp folder); deleted afterwards unless --keep
        """;

    /// <summary>Two-character terms over 400 ideographs: 160,000 possible, each drawn for about 1 in 2,700 postings.</summary>
    private const int Ideographs = 400;

    public static int Run(IReadOnlyList<string> args)
    {
        int clauses = 10_000_000, postings = 60;
        string? folder = null;
        var keep = false;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--clauses": clauses = ScalingOptions.ParseCount("--clauses", Value()); break;
                    case "--postings": postings = Math.Min(ScalingOptions.ParseCount("--postings", Value()), Ideographs * Ideographs / 2); break;
                    case "--folder": folder = Value(); break;
                    case "--keep": keep = true; break;
                    case "-h" or "--help": Console.Error.WriteLine(Usage); return 0;
                    default: throw new ArgumentException($"unknown option \"{args[i]}\"");
                }
            }
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}\n{Usage}");
            return 2;
        }

        var directory = Path.Combine(folder ?? Path.GetTempPath(), "servicebot-synthetic-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "lexical.bin");
        try
        {
            return Measure(clauses, postings, path);
        }
        finally
        {
            if (!keep && Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    private static int Measure(int clauses, int postingsPerClause, string path)
    {
        var vocabulary = Vocabulary();
        var documentFrequency = new long[vocabulary.Length];
        var clock = Stopwatch.StartNew();
        using (var progress = new ConsoleProgress("[synthetic] writing", clauses))
            new LexicalIndexWriter(new ChineseAnalyzer()).WriteAnalysed(Clauses(clauses, postingsPerClause, vocabulary, documentFrequency), path, progress);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var buildPeak = ProcessMemory.PeakResidentBytes();
        var bigramPostings = documentFrequency.Sum();

        // Read back through the storage primitives: every term's frequency, then one long list end to end.
        clock.Restart();
        long checkedTerms = 0, mismatches = 0, longestList = 0, postingsEnd;
        using (var file = MappedIndexFile.Open(path))
        {
            var sections = IndexFileLayout.ReadSections(file, path);
            var lastBlock = (int)(documentFrequency.Count(f => f > 0) % TermDictionary.BlockTerms) is var r && r == 0 ? TermDictionary.BlockTerms : r;
            var terms = new TermDictionary(file, sections[IndexFileLayout.TermBlocks(1)], sections[IndexFileLayout.TermBlockOffsets(1)], lastBlock);
            for (var t = 0; t < vocabulary.Length; t++)
            {
                var found = terms.TryFind(vocabulary[t], out var postings);
                if (found != documentFrequency[t] > 0 || found && postings.DocumentFrequency != documentFrequency[t]) mismatches++;
                checkedTerms++;
            }
            var longest = Array.IndexOf(documentFrequency, documentFrequency.Max());
            terms.TryFind(vocabulary[longest], out var list);
            var field = new FieldPostings(file, sections[IndexFileLayout.Postings(1)], terms,
                new MappedColumn<ushort>(file, sections[IndexFileLayout.Lengths(1)]), 0, 1);
            var cursor = field.Read(list);
            var previous = -1;
            while (cursor.MoveNext())
            {
                if (cursor.Document <= previous || cursor.Document >= clauses || !Holds(cursor.Document, postingsPerClause, longest)) mismatches++;
                previous = cursor.Document;
                longestList++;
            }
            if (longestList != documentFrequency[longest]) mismatches++;
            postingsEnd = sections[IndexFileLayout.Postings(1)].End;
        }
        var readSeconds = clock.Elapsed.TotalSeconds;

        // And as the product opens it: mapped, searched, ids read back.
        clock.Restart();
        var index = LexicalIndex.Load(path);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var latencies = new List<double>();
        var hitsChecked = 0;
        for (var q = 0; q < 20; q++)
        {
            var term = vocabulary[(q * 7919) % vocabulary.Length];
            var start = Stopwatch.GetTimestamp();
            var hits = index.Search(term, 10);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            foreach (var hit in hits)
            {
                var document = int.Parse(hit.Id.AsSpan(1), CultureInfo.InvariantCulture);
                if (document < 0 || document >= clauses) mismatches++;
                hitsChecked++;
            }
        }
        if (index.Count != clauses) mismatches++;

        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            clauses,
            bigram_postings = bigramPostings,
            old_format_int_limit = 536_870_911,
            index_bytes = new FileInfo(path).Length,
            bigram_postings_end_offset = postingsEnd,
            build_seconds = Math.Round(buildSeconds, 1),
            build_peak_rss_mb = Math.Round(buildPeak / 1048576.0, 1),
            terms_checked = checkedTerms,
            longest_list = longestList,
            read_back_seconds = Math.Round(readSeconds, 1),
            load_seconds = Math.Round(loadSeconds, 3),
            search_p50_ms = Math.Round(LatencySummary.From(latencies).P50, 2),
            hits_checked = hitsChecked,
            mismatches,
        }));
        return mismatches == 0 ? 0 : 1;
    }

    private static string[] Vocabulary()
    {
        var terms = new string[Ideographs * Ideographs];
        for (var a = 0; a < Ideographs; a++)
            for (var b = 0; b < Ideographs; b++)
                terms[a * Ideographs + b] = string.Concat((char)('一' + a), (char)('一' + b));
        return terms;
    }

    /// <summary>Clause d's distinct term numbers, from a hash of (d, k): the same on every call, no state kept.</summary>
    private static IEnumerable<int> TermsOf(int document, int count)
    {
        var seen = new HashSet<int>();
        for (var k = 0; seen.Count < count; k++)
        {
            var x = (ulong)document * 0x9E3779B97F4A7C15UL + (ulong)k * 0xBF58476D1CE4E5B9UL;
            x ^= x >> 31;
            x *= 0x94D049BB133111EBUL;
            x ^= x >> 29;
            var term = (int)(x % (Ideographs * Ideographs));
            if (seen.Add(term)) yield return term;
        }
    }

    private static bool Holds(int document, int count, int term) => TermsOf(document, count).Contains(term);

    private static IEnumerable<AnalysedDocument> Clauses(int count, int postings, string[] vocabulary, long[] documentFrequency)
    {
        for (var d = 0; d < count; d++)
        {
            var bigrams = new TermCount[postings];
            var i = 0;
            foreach (var term in TermsOf(d, postings))
            {
                documentFrequency[term]++;
                bigrams[i++] = new TermCount(vocabulary[term], 1 + (term & 1));
            }
            var length = bigrams.Sum(b => b.Count);
            yield return new AnalysedDocument($"s{d}", $"合成法规{d / 50_000}", $"第{d % 50_000 + 1}条",
                [new AnalysedField([], 0), new AnalysedField(bigrams, length), new AnalysedField([], 0), new AnalysedField([], 0)]);
        }
    }
}
