using ServiceBot.Text;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Retrieval.Ranking;
using System.Runtime.InteropServices;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Evaluation;

namespace ServiceBot.Benchmarks.Retrieval;

/// <summary>
/// Runs ServiceBot's <see cref="LexicalIndex"/> and the Lucene.Net peer over the same STARD pool
/// (STARD articles plus LawRefBook distractors) and the dev queries, and reports quality, latency and cost side by side.
/// </summary>
public static class StardBenchmark
{
    private const string CorpusFile = "corpus.jsonl";
    private const string DistractorFile = "corpus_distractors_lawrefbook.jsonl";
    public const string DevFile = "dev.jsonl";

    public static int Run(RetrievalBenchmarkOptions options)
    {
        var startedAt = DateTimeOffset.Now;
        var stard = Path.GetFullPath(options.StardDirectory ?? RepositoryPaths.DefaultStardDirectory());
        var documents = LoadPool(stard, options.IncludeDistractors);
        var queriesPath = options.QueriesPath ?? Path.Combine(stard, DevFile);
        IReadOnlyList<EvaluationQuery> queries = QueryFileReader.Read(queriesPath).Where(RetrievalMetrics.IsJudged).ToList();
        if (options.Split is { } split) queries = split.Select(queries, options.Seed);
        queries = queries.Take(options.LimitQueries ?? int.MaxValue).ToList();
        var querySet = Path.GetFileNameWithoutExtension(queriesPath) + (options.Split is { } part ? $" part {part} (seed {options.Seed})" : "");
        Console.Error.WriteLine($"pool: {documents.Count:N0} documents; {queries.Count} judged queries of {querySet}");

        var builds = new List<EngineBuild>();
        IReadOnlyList<EngineResult> results;
        try
        {
            foreach (var engine in options.Engines)
            {
                var build = EngineMeasurement.Build(engine, Builder(engine, options), documents);
                builds.Add(build);
                // The first stage alone (with the translations), on the same build, so the second stage's gain and cost are visible.
                if (engine == EngineNames.ServiceBot)
                    builds.Add(build with { Engine = EngineNames.ServiceBotFirstStage, Retriever = FirstStageOnly(build.Retriever) });
            }
            results = EngineMeasurement.Measure(builds, documents.Count, queries, options);
        }
        finally
        {
            foreach (var build in builds) (build.Retriever as IDisposable)?.Dispose();
        }

        var report = new BenchmarkReport(
            $"STARD {querySet} ({(options.IncludeDistractors ? "corpus + LawRefBook distractors" : "corpus only")})",
            stard,
            documents.Count,
            queries.Count,
            options.Top,
            options.Warmup ?? queries.Count,
            options.LuceneLayout.ToString(),
            RuntimeInformation.FrameworkDescription,
            Environment.ProcessorCount,
            startedAt,
            results);
        Console.Write(report.ToMarkdown());
        if (options.JsonPath is { } json)
        {
            report.WriteJson(json);
            Console.Error.WriteLine($"wrote {json}");
        }
        return 0;
    }

    private static Func<IReadOnlyList<IndexDocument>, IProgress<int>, IRetriever> Builder(string engine, RetrievalBenchmarkOptions options) =>
        engine switch
        {
            // As `servicebot search` runs it: with the shipped term translations and second stage.
            EngineNames.ServiceBot => (docs, progress) => BuildServiceBot(docs, LexicalIndexOptions.ForStatutes(), progress),
            EngineNames.Lucene => (docs, progress) => LuceneRetriever.Build(docs, options.LuceneLayout, progress),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown engine"),
        };

    private static IRetriever FirstStageOnly(IRetriever retriever)
    {
        var index = (LexicalIndex)retriever;
        var options = LexicalIndexOptions.StatuteScoring();
        options.Translations = index.Options.Translations;
        options.LawPrior = index.Options.LawPrior;
        return index.WithOptions(options);
    }

    /// <summary>Same vocabulary as <c>servicebot index build</c>: the repository's domain dictionary.</summary>
    public static LexicalIndex BuildServiceBot(IReadOnlyList<IndexDocument> documents, LexicalIndexOptions options, IProgress<int>? progress)
        => LexicalIndex.Build(documents,
            new ChineseAnalyzer(AnalyzerVocabulary.FromDictionaries([Path.Combine(RepositoryPaths.FindRoot(), "knowledge", "dictionary")], minedExpansions: false)),
            options, progress);

    public static List<IndexDocument> LoadPool(string stard, bool includeDistractors)
    {
        var files = includeDistractors ? new[] { CorpusFile, DistractorFile } : [CorpusFile];
        var documents = new List<IndexDocument>();
        using (var progress = new ConsoleProgress("loading pool"))
        {
            foreach (var file in files)
            {
                foreach (var doc in JsonlCorpusReader.Read(Path.Combine(stard, file)))
                {
                    documents.Add(doc);
                    if (documents.Count % 5000 == 0) progress.Report(documents.Count);
                }
            }
            progress.Report(documents.Count);
        }

        // Metrics and run files key on ids, so the two files must not collide.
        var duplicate = documents.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"document id \"{duplicate.Key}\" occurs more than once in the pool");
        return documents;
    }
}
