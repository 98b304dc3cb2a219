using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Hosting;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Validity;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Dense;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Ingestion;

/// <summary>
/// Builds or refreshes the index folder from knowledge folders in idempotent steps: discover → hash → reuse the
/// stored chunks of unchanged files or read and chunk changed ones (a bad file becomes one failed result) →
/// when any input or setting changed, rebuild the lexical index and embed only new or changed chunks.
/// An unchanged tree does no work and touches no file.
/// </summary>
public sealed class IngestionPipeline
{
    private readonly KnowledgeOptions _knowledge;
    private readonly IndexOptions _index;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly StructuralChunker _chunker = new();

    public IngestionPipeline(IOptions<KnowledgeOptions> knowledge, IOptions<IndexOptions> index,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
    {
        _knowledge = knowledge.Value;
        _index = index.Value;
        _embedder = embedder;
    }

    /// <summary>Analyzer settings; part of the manifest's settings hash, so a change forces a rebuild.</summary>
    public ChineseAnalyzerOptions AnalyzerDefaults { get; init; } = new();

    /// <summary>Embedding batch size.</summary>
    public int EmbeddingBatchSize { get; init; } = 32;

    /// <summary>Ingests the configured knowledge folders into the configured index folder.</summary>
    public Task<IngestionReport> RunAsync(IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
        => RunAsync(_knowledge.EffectivePaths, _index.FullPath, progress, cancellationToken);

    public async Task<IngestionReport> RunAsync(IReadOnlyList<string> knowledgePaths, string indexFolder,
        IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var files = new IndexFiles(indexFolder);
        progress?.Report(new IngestionProgress(0, 0, null, IngestionStage.Discovering));
        var sources = KnowledgeSources.Discover(knowledgePaths);
        var dictionary = KnowledgeSources.LoadDictionary(knowledgePaths);
        var linked = KnowledgeSources.LoadLinkedQuestions(knowledgePaths);
        var analyzerOptions = new ChineseAnalyzerOptions
        {
            DomainWords = dictionary.Words,
            SynonymGroups = dictionary.SynonymGroups,
            LayExpansions = dictionary.LayExpansions,
            ContextualCorrections = dictionary.Homophones,
            SynonymWeight = AnalyzerDefaults.SynonymWeight,
            LayExpansionWeight = AnalyzerDefaults.LayExpansionWeight,
            MinedLayExpansions = dictionary.MinedLayExpansions,
            MinedLayExpansionWeight = (float)_index.MinedLayTermWeight,
            UseGeneralThesaurus = AnalyzerDefaults.UseGeneralThesaurus,
            GeneralThesaurusMaxGroupSize = AnalyzerDefaults.GeneralThesaurusMaxGroupSize,
        };
        var settingsHash = SettingsHash(dictionary.Hash + linked.Hash, analyzerOptions, _index.NearDuplicateThreshold);
        var embeddingModel = _embedder is null ? null : EmbeddingModelName(_embedder);
        var previous = IngestionManifest.TryLoad(files.Manifest);
        var previousFiles = previous?.Files.ToDictionary(f => f.Path, StringComparer.Ordinal) ?? [];

        // Step 1: hash every file. This is all an unchanged tree costs.
        var hashed = new List<(SourceFile Source, string? Hash, string? Error)>(sources.Count);
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            hashed.Add(HashOrFail(source));
        }

        var currentKeys = hashed.Select(h => (h.Source.Path, h.Hash ?? "")).ToHashSet();
        var previousKeys = previousFiles.Values.Select(f => (f.Path, f.Hash)).ToHashSet();
        var added = hashed.Count(h => !previousFiles.ContainsKey(h.Source.Path));
        var changed = hashed.Count(h => previousFiles.TryGetValue(h.Source.Path, out var p) && p.Hash != h.Hash);
        var unchanged = hashed.Count - added - changed;
        var removed = previousFiles.Keys.Except(sources.Select(s => s.Path), StringComparer.Ordinal).Count();

        if (previous is not null && previous.SettingsHash == settingsHash && currentKeys.SetEquals(previousKeys)
            && File.Exists(files.Chunks) && File.Exists(files.Lexical)
            && (embeddingModel is null || (previous.EmbeddingModel == embeddingModel && File.Exists(files.Dense))))
        {
            var stored = previous.Files.Where(f => f.Failure is not null).Select(f => new FailedFile(f.Path, f.Failure!));
            progress?.Report(new IngestionProgress(sources.Count, sources.Count, null, IngestionStage.Done));
            return new IngestionReport(sources.Count, 0, 0, unchanged, 0, 0, dictionary.Failures.Concat(linked.Failures).Concat(stored).ToList(),
                previous.Files.Sum(f => f.ChunkIds.Count), 0, clock.Elapsed, IndexRewritten: false)
            {
                Warnings = previous.Warnings ?? [],
                NearDuplicates = previous.NearDuplicates ?? [],
            };
        }

        // Step 2: reuse the stored chunks of unchanged files; read and chunk the others.
        var cache = LoadChunkCache(files.Chunks);
        var chunks = new List<StoredChunk>();
        var manifestFiles = new List<ManifestFile>();
        var failures = new List<FailedFile>(dictionary.Failures.Concat(linked.Failures));
        var read = 0;
        var documentOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < hashed.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (source, hash, error) = hashed[i];
            progress?.Report(new IngestionProgress(i, hashed.Count, source.Path, IngestionStage.Reading));
            IReadOnlyList<StoredChunk> fileChunks = [];
            if (error is null)
                (fileChunks, error) = cache.TryGetValue((source.Path, hash!), out var reused)
                    ? (reused, null)
                    : ReadAndChunk(source, hash!, ref read);
            // Two folders may hold the same relative path; the first one keeps the id.
            if (error is null && fileChunks.Count > 0 && documentOwners.TryGetValue(fileChunks[0].DocumentId, out var owner))
            {
                error = $"document id '{fileChunks[0].DocumentId}' is already used by {owner}";
                fileChunks = [];
            }
            if (error is not null)
            {
                failures.Add(new FailedFile(source.Path, error));
                manifestFiles.Add(new ManifestFile(source.Path, source.Root, hash ?? "", [], error));
                continue;
            }
            if (fileChunks.Count > 0) documentOwners[fileChunks[0].DocumentId] = source.Path;
            // The side files' questions are set afresh on every run, so a reused chunk never keeps stale ones.
            chunks.AddRange(fileChunks.Select(c => c with { LinkedQuestions = linked.For(c.Title, c.Section) is { Count: > 0 } q ? q : null }));
            manifestFiles.Add(new ManifestFile(source.Path, source.Root, hash!, fileChunks.Select(c => c.Id).ToList()));
        }

        WithoutOrphanTranslations(chunks, manifestFiles);

        var warnings = SupersessionCheck.Warnings(chunks
            .GroupBy(c => c.DocumentId, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Title, g.First().Metadata)));

        // Step 3: rebuild the lexical index from all chunks (fast), then embed only what the vector cache lacks.
        progress?.Report(new IngestionProgress(hashed.Count, hashed.Count, null, IngestionStage.Indexing));
        var documents = chunks.Select(c => new IndexDocument(c.Id, c.Title, c.Section, c.Text, c.AllQuestions)).ToList();
        var lexical = LexicalIndex.Build(documents, new ChineseAnalyzer(analyzerOptions),
            new LexicalIndexOptions { NearDuplicateThreshold = _index.NearDuplicateThreshold });
        var nearDuplicates = lexical.NearDuplicates.Groups
            .Select(g => new NearDuplicateGroup(lexical.IdAt(g.Representative), g.Twins.Select(lexical.IdAt).ToList()))
            .ToList();

        VectorIndex? dense = null;
        var vectors = new Dictionary<string, string>(StringComparer.Ordinal);
        var embedded = 0;
        if (_embedder is not null && documents.Count > 0)
        {
            progress?.Report(new IngestionProgress(hashed.Count, hashed.Count, null, IngestionStage.Embedding));
            (dense, vectors, embedded) = await EmbedAsync(documents, files, previous, embeddingModel!, cancellationToken).ConfigureAwait(false);
        }

        // Step 4: write every file atomically; the manifest goes last and so only ever describes complete files.
        progress?.Report(new IngestionProgress(hashed.Count, hashed.Count, null, IngestionStage.Saving));
        Directory.CreateDirectory(files.Folder);
        ChunkStore.Save(files.Chunks, chunks);
        lexical.Save(files.Lexical);
        if (dense is not null) dense.Save(files.Dense);
        else if (File.Exists(files.Dense)) File.Delete(files.Dense);
        new IngestionManifest(IngestionManifest.CurrentFormatVersion, settingsHash, dense is null ? null : embeddingModel, manifestFiles, vectors,
            warnings.Count > 0 ? warnings : null, nearDuplicates.Count > 0 ? nearDuplicates : null).Save(files.Manifest);

        progress?.Report(new IngestionProgress(hashed.Count, hashed.Count, null, IngestionStage.Done));
        return new IngestionReport(sources.Count, added, changed, unchanged, removed, read, failures, chunks.Count, embedded,
            clock.Elapsed, IndexRewritten: true) { Warnings = warnings, NearDuplicates = nearDuplicates };
    }

    /// <summary>
    /// Leaves out the sections of a translation whose original the knowledge does not hold: the English text of a law
    /// configured out, or of an article a shortened law lacks, would answer from a clause that cannot be cited. A section
    /// stays when one clause it rests on (its "Based on:" line) is there, or, naming none, when its original document is.
    /// Its file still counts as read, so adding the original rebuilds the index.
    /// </summary>
    private static void WithoutOrphanTranslations(List<StoredChunk> chunks, List<ManifestFile> files)
    {
        var originals = chunks.Where(c => !c.Metadata.ContainsKey(MetadataKeys.TranslationOf)).ToList();
        var titles = originals.Select(c => c.Title).ToHashSet(StringComparer.Ordinal);
        var clauses = originals.Select(c => new ClauseReference(c.Title, c.Section)).ToHashSet();
        var orphans = chunks
            .Where(c => c.Metadata.GetValueOrDefault(MetadataKeys.TranslationOf) is { } original
                        && (!titles.Contains(original) || ClauseBasis.Of(c.Text) is { Count: > 0 } basis && !basis.Any(clauses.Contains)))
            .Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (orphans.Count == 0) return;
        chunks.RemoveAll(c => orphans.Contains(c.Id));
        for (var i = 0; i < files.Count; i++)
            if (files[i].ChunkIds.Any(orphans.Contains)) files[i] = files[i] with { ChunkIds = files[i].ChunkIds.Where(id => !orphans.Contains(id)).ToList() };
    }

    private static (SourceFile, string?, string?) HashOrFail(SourceFile source)
    {
        try
        {
            return (source, KnowledgeSources.HashFile(source.Path), null);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return (source, null, $"cannot read the file: {error.Message}");
        }
    }

    /// <summary>One file's step: any read, parse or chunking error becomes this file's failure, never the run's.</summary>
    private (IReadOnlyList<StoredChunk>, string?) ReadAndChunk(SourceFile source, string hash, ref int read)
    {
        read++;
        try
        {
            var document = MarkdownDocumentReader.ReadFile(source.Path, source.Root);
            return (_chunker.Chunk(document).Select(c => StoredChunk.From(c, source.Path, hash)).ToList(), null);
        }
        catch (KnowledgeFormatException error)
        {
            return ([], error.LineNumber is { } line ? $"line {line}: {Reason(error)}" : Reason(error));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return ([], $"{error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>The exception's message without the "path:line: " prefix, which the report already shows.</summary>
    private static string Reason(KnowledgeFormatException error)
    {
        var message = error.Message;
        var prefix = error.LineNumber is { } line ? $"{error.FilePath}:{line}: " : $"{error.FilePath}: ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    private static Dictionary<(string Path, string Hash), List<StoredChunk>> LoadChunkCache(string path)
    {
        IReadOnlyList<StoredChunk> stored;
        try
        {
            stored = ChunkStore.Load(path);
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or InvalidDataException)
        {
            stored = []; // A damaged cache only costs re-reading the files.
        }
        return stored.GroupBy(c => (c.Source, c.SourceHash)).ToDictionary(g => g.Key, g => g.ToList());
    }

    private async Task<(VectorIndex, Dictionary<string, string>, int)> EmbedAsync(IReadOnlyList<IndexDocument> documents,
        IndexFiles files, IngestionManifest? previous, string embeddingModel, CancellationToken cancellationToken)
    {
        var cached = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        if (previous?.EmbeddingModel == embeddingModel && File.Exists(files.Dense))
            foreach (var (id, vector) in VectorIndex.Load(files.Dense).Entries())
                if (previous.Vectors.ContainsKey(id)) cached[id] = vector;

        var vectors = new Dictionary<string, string>(StringComparer.Ordinal);
        var fresh = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        var missing = new List<(IndexDocument Document, string Text)>();
        foreach (var document in documents)
        {
            var text = DenseRetriever.EmbeddingText(document);
            var textHash = vectors[document.Id] = KnowledgeSources.HashText(text);
            if (previous?.Vectors.GetValueOrDefault(document.Id) == textHash && cached.ContainsKey(document.Id)) continue;
            missing.Add((document, text));
        }
        foreach (var batch in missing.Chunk(EmbeddingBatchSize))
        {
            var embeddings = await _embedder!.GenerateAsync(batch.Select(b => b.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != batch.Length)
                throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {batch.Length} inputs.");
            for (var i = 0; i < batch.Length; i++) fresh[batch[i].Document.Id] = embeddings[i].Vector;
        }
        var index = VectorIndex.Build(documents.Select(d => (d.Id, fresh.TryGetValue(d.Id, out var v) ? v : cached[d.Id])));
        return (index, vectors, missing.Count);
    }

    private static string SettingsHash(string dictionaryHash, ChineseAnalyzerOptions options, double nearDuplicateThreshold)
        => KnowledgeSources.HashText(string.Join('|',
            IngestionManifest.CurrentFormatVersion.ToString(CultureInfo.InvariantCulture),
            // A new lexical index layout rebuilds the index instead of failing to load it.
            LexicalIndex.FormatVersion.ToString(CultureInfo.InvariantCulture),
            dictionaryHash,
            options.SynonymWeight.ToString("R", CultureInfo.InvariantCulture),
            options.LayExpansionWeight.ToString("R", CultureInfo.InvariantCulture),
            options.MinedLayExpansionWeight.ToString("R", CultureInfo.InvariantCulture),
            options.UseGeneralThesaurus.ToString(),
            options.GeneralThesaurusMaxGroupSize.ToString(CultureInfo.InvariantCulture),
            nearDuplicateThreshold.ToString("R", CultureInfo.InvariantCulture)));

    private static string EmbeddingModelName(IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
        return $"{metadata?.ProviderName ?? embedder.GetType().Name}/{metadata?.DefaultModelId ?? "default"}/{metadata?.DefaultModelDimensions?.ToString(CultureInfo.InvariantCulture) ?? "?"}";
    }
}
