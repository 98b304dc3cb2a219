using Microsoft.Extensions.AI;
using ServiceBot.Conversation;
using ServiceBot.Ingestion;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Curated;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Validity;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Dense;
using ServiceBot.Retrieval.Hybrid;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;
using ServiceBot.Text.Spelling;

namespace ServiceBot.Knowledge;

/// <summary>
/// The runtime knowledge: the chunks of an index folder with their lexical index and, when present together
/// with an embedder, their dense index. Searches are hybrid (RRF) when both exist, lexical otherwise.
/// Searches prefer documents in force on the service's date (<see cref="DocumentValidity"/>): a clause of an expired or
/// superseded document is found only for a question about the old policy (<see cref="OldPolicyQuestion"/>).
/// Curated answers (<see cref="CuratedAnswerFile"/>) are never found by a search: they answer through their questions alone.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, KnowledgeChunk> _chunks;
    private readonly IRetriever _retriever;
    private readonly TimeProvider _clock;

    /// <summary>The metadata of each document whose front matter can make it other than current; usually none.</summary>
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _datedDocuments;

    /// <param name="clock">The service clock that decides what is in force; Beijing time on the system clock by default.</param>
    public KnowledgeBase(IReadOnlyList<KnowledgeChunk> chunks, LexicalIndex lexical, IRetriever? dense = null, TimeProvider? clock = null)
    {
        Chunks = chunks;
        Lexical = lexical;
        _chunks = chunks.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _retriever = dense is null ? lexical : new HybridRetriever(lexical, dense);
        IsHybrid = dense is not null;
        _clock = clock as ServiceTimeProvider ?? new ServiceTimeProvider(clock ?? TimeProvider.System);
        _datedDocuments = chunks
            .Where(c => DocumentValidity.IsDated(c.Metadata))
            .GroupBy(c => c.DocumentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Metadata, StringComparer.Ordinal);
        CuratedAnswers = chunks.Where(CuratedAnswerFile.IsCurated).ToList();
        _englishFieldWords = new Lazy<IReadOnlySet<string>>(() => EnglishFieldWordsOf(chunks, lexical));
        _englishSpelling = new Lazy<EnglishSpellingCorrector>(() => EnglishSpellingOf(chunks, EnglishBridge.Default));
    }

    private readonly Lazy<EnglishSpellingCorrector> _englishSpelling;

    /// <summary>Reads misspelt English words as the lexicon's words, knowing every word the English texts use.</summary>
    public EnglishSpellingCorrector EnglishSpelling => _englishSpelling.Value;

    private static EnglishSpellingCorrector EnglishSpellingOf(IReadOnlyList<KnowledgeChunk> chunks, EnglishBridge bridge)
    {
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in chunks.Where(c => KnowledgeLanguage.Of(c) == Localization.BotLanguages.English))
            foreach (var text in chunk.SimilarQuestions.Prepend(chunk.Text).Prepend(chunk.Section).Prepend(chunk.Title))
                foreach (var word in EnglishSpellingCorrector.Words(text))
                    known[word] = known.GetValueOrDefault(word) + 1;
        foreach (var word in bridge.Vocabulary) known.TryAdd(word, 0);
        return new EnglishSpellingCorrector(bridge.PhraseWords, known);
    }

    private readonly Lazy<IReadOnlySet<string>> _englishFieldWords;

    /// <summary>
    /// The English words the service's own English texts use (the guides and the translated policy, their 相似问法
    /// included): what an English question may be about. A law translation renders every article, procedural ones too,
    /// so a word only the law translations use (driving, renew) does not bring a question into the field.
    /// </summary>
    public IReadOnlySet<string> EnglishFieldWords => _englishFieldWords.Value;

    private static HashSet<string> EnglishFieldWordsOf(IReadOnlyList<KnowledgeChunk> chunks, LexicalIndex lexical)
        => chunks
            .Where(c => KnowledgeLanguage.Of(c) == Localization.BotLanguages.English
                        && !(c.Metadata.GetValueOrDefault(MetadataKeys.Type) == DocumentTypes.Law && c.Metadata.ContainsKey(MetadataKeys.TranslationOf)))
            .SelectMany(c => c.SimilarQuestions.Prepend(c.Text).Prepend(c.Section))
            .SelectMany(text => lexical.Analyzer.AnalyzeQuery(text).Words.Where(w => w.Value >= 1f).Select(w => w.Key))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The chunks of curated answers (Q&amp;A entries); usually none.</summary>
    public IReadOnlyList<KnowledgeChunk> CuratedAnswers { get; }

    public IReadOnlyList<KnowledgeChunk> Chunks { get; }

    public LexicalIndex Lexical { get; }

    public bool IsHybrid { get; }

    /// <summary>Loads an index folder written by <see cref="IngestionPipeline"/>; dense.bin is used only with an embedder.</summary>
    /// <exception cref="FileNotFoundException">The folder holds no index; run ingest first.</exception>
    public static KnowledgeBase Load(string indexFolder, IEmbeddingGenerator<string, Embedding<float>>? embedder = null,
        LexicalIndexOptions? lexicalOptions = null, TimeProvider? clock = null)
    {
        var files = new IndexFiles(indexFolder);
        if (!File.Exists(files.Lexical) || !File.Exists(files.Chunks))
            throw new FileNotFoundException($"No knowledge index in {files.Folder}. Run ingest first.", files.Lexical);
        var chunks = ChunkStore.Load(files.Chunks).Select(c => c.ToChunk()).ToList();
        var lexical = LexicalIndex.Load(files.Lexical, lexicalOptions);
        IRetriever? dense = embedder is not null && File.Exists(files.Dense)
            ? new DenseRetriever(embedder, VectorIndex.Load(files.Dense))
            : null;
        return new KnowledgeBase(chunks, lexical, dense, clock);
    }

    public KnowledgeChunk? Find(string id) => _chunks.GetValueOrDefault(id);

    /// <summary>
    /// The other clauses of <paramref name="chunk"/>'s near-duplicate group (see <see cref="Retrieval.Duplicates.NearDuplicateGroups"/>),
    /// in index order; empty when it has none.
    /// </summary>
    public IReadOnlyList<KnowledgeChunk> TwinsOf(KnowledgeChunk chunk)
    {
        var groups = Lexical.NearDuplicates;
        if (!groups.Any) return [];
        _positions ??= Enumerable.Range(0, Lexical.Count).ToDictionary(Lexical.IdAt, StringComparer.Ordinal);
        if (!_positions.TryGetValue(chunk.Id, out var position)) return [];
        var representative = groups.RepresentativeOf(position);
        return groups.TwinsOf(representative).Prepend(representative)
            .Where(d => d != position)
            .Select(d => Find(Lexical.IdAt(d)))
            .OfType<KnowledgeChunk>()
            .ToList();
    }

    private Dictionary<string, int>? _positions;

    /// <summary>The service's date, which decides what is in force.</summary>
    public DateOnly Today => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    /// <summary>The standing of the chunk's document today.</summary>
    public DocumentValidity ValidityOf(KnowledgeChunk chunk) => DocumentValidity.Of(chunk.Metadata, Today);

    /// <summary>Whether <paramref name="question"/> asks about a policy no longer in force; false when every document is.</summary>
    public bool AsksAboutOldPolicy(string question)
    {
        if (_datedDocuments.Count == 0) return false;
        var today = Today;
        var oldYears = _datedDocuments.Values
            .Select(m => DocumentValidity.Of(m, today))
            .Where(v => !v.InForce && v.Effective is not null)
            .Select(v => v.Effective!.Value.Year)
            .ToHashSet();
        return OldPolicyQuestion.Asks(question, oldYears);
    }

    /// <summary>Whether the chunk may be cited: its document is in force, or the question is about the old policy.</summary>
    public bool IsCitable(KnowledgeChunk chunk, bool aboutOldPolicy)
        => aboutOldPolicy || !_datedDocuments.ContainsKey(chunk.DocumentId) || ValidityOf(chunk).InForce;

    /// <summary>
    /// At most <paramref name="top"/> chunks, best first. Clauses of documents no longer in force are left out, unless the
    /// question is about the old policy: then they come first.
    /// </summary>
    /// <param name="aboutOldPolicy">Whether the query asks about the old policy, when the caller has decided it already.</param>
    public IReadOnlyList<RetrievedChunk> Search(string query, int top, bool? aboutOldPolicy = null)
        => Search(query, top, aboutOldPolicy, _retriever.Search);

    /// <summary>
    /// <see cref="Search"/>, with the lexical index's ranking candidates for the same query
    /// (<see cref="LexicalIndex.RankingCandidates"/>) to <paramref name="rankingDepth"/>. A lexical search gives both from one
    /// first-stage pass; a hybrid one searches the lexical index again for them.
    /// </summary>
    public RankedSearch SearchWithRankingCandidates(string query, int top, int rankingDepth, bool? aboutOldPolicy = null)
    {
        IReadOnlyList<RankingCandidate> candidates = [];
        var results = Search(query, top, aboutOldPolicy, (q, n) =>
        {
            if (IsHybrid)
            {
                candidates = Lexical.RankingCandidates(q, rankingDepth);
                return _retriever.Search(q, n);
            }
            var both = Lexical.SearchWithRankingCandidates(q, n, rankingDepth);
            candidates = both.RankingCandidates;
            return both.Hits;
        });
        return new RankedSearch(results, candidates);
    }

    private IReadOnlyList<RetrievedChunk> Search(string query, int top, bool? aboutOldPolicy, Func<string, int, IReadOnlyList<SearchHit>> retrieve)
    {
        if (_datedDocuments.Count == 0 && CuratedAnswers.Count == 0) return Resolve(retrieve(query, top), top, _ => true);
        var aboutOld = aboutOldPolicy ?? AsksAboutOldPolicy(query);
        // Over-fetch so that leaving out old documents' clauses and curated answers still fills the list.
        var hits = retrieve(query, top * 2 + CuratedAnswers.Count);
        if (!aboutOld) return Resolve(hits, top, chunk => !CuratedAnswerFile.IsCurated(chunk) && IsCitable(chunk, aboutOldPolicy: false));
        var found = Resolve(hits, hits.Count, chunk => !CuratedAnswerFile.IsCurated(chunk));
        return found
            .OrderBy(r => IsCitable(r.Chunk, aboutOldPolicy: false) ? 1 : 0)
            .Take(top)
            .Select((r, rank) => r with { Rank = rank })
            .ToList();
    }

    private List<RetrievedChunk> Resolve(IReadOnlyList<SearchHit> hits, int top, Func<KnowledgeChunk, bool> admit)
    {
        var results = new List<RetrievedChunk>(Math.Min(hits.Count, top));
        foreach (var hit in hits)
        {
            if (results.Count == top) break;
            // A twin that may be cited stands in for a first-seen clause that may not (an old wording ingested before its amendment).
            var chunk = Admitted(hit.Id) ?? hit.Twins.Select(Admitted).FirstOrDefault(c => c is not null);
            if (chunk is not null) results.Add(new RetrievedChunk(chunk, hit.Score, results.Count));
        }
        return results;

        KnowledgeChunk? Admitted(string id) => _chunks.TryGetValue(id, out var chunk) && admit(chunk) ? chunk : null;
    }
}

/// <summary>A knowledge search's results and the lexical index's ranking candidates (with their features) for the same query.</summary>
public sealed record RankedSearch(IReadOnlyList<RetrievedChunk> Results, IReadOnlyList<RankingCandidate> LexicalCandidates);
