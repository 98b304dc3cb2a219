using System.Runtime.CompilerServices;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Curated;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Answers;

/// <summary>A candidate of the answer composer with its <see cref="KnowledgeRankingFeatures"/> row.</summary>
public sealed record RankedCandidate(GroundedCandidate Candidate, float[] Features);

/// <summary>
/// The knowledge base's second stage: the composer's candidates (a deeper pool of the search, and the clauses whose
/// taught questions match) ordered by the knowledge ranker (<see cref="KnowledgeRanker"/>) instead of by coverage alone.
/// </summary>
public sealed partial class ExtractiveAnswerComposer
{
    /// <summary>Lexical candidates fetched past the pool for their features, for the clauses the knowledge base's filters skip.</summary>
    private const int LexicalMargin = 10;

    /// <summary>
    /// The candidates the knowledge ranker orders, in the order the composer gives without it (coverage, then retrieval
    /// rank), each with its feature row: what the ranker is trained on.
    /// </summary>
    /// <param name="knowledge">The knowledge base.</param>
    /// <param name="question">The question as the answerer receives it.</param>
    /// <param name="neighbourClauses">
    /// Clauses to add as nearest annotated questions would name them (<see cref="AddNeighbourClauses"/>), best first;
    /// by default those of the configured annotated questions.
    /// </param>
    /// <param name="maxNeighbourClauses">How many of them may join (<see cref="MaxNeighbourClauses"/> when answering).</param>
    public IReadOnlyList<RankedCandidate> RankingCandidates(KnowledgeBase knowledge, string question, IEnumerable<string>? neighbourClauses = null,
        int maxNeighbourClauses = MaxNeighbourClauses)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var analysis = Analyse(knowledge, question);
        var (pool, lexical) = Pool(knowledge, analysis, RankingDepth, LexicalDepth);
        AddNeighbourClauses(knowledge, analysis, pool, neighbourClauses ?? NeighbourClauses(analysis.Neighbours(NeighbourIndex(knowledge))), maxNeighbourClauses);
        var rows = FeatureRows(knowledge, analysis, pool, lexical);
        return pool.Select((candidate, i) => new RankedCandidate(candidate, rows[i])).ToList();
    }

    /// <summary>How many clauses named by the nearest annotated questions, and missed by the search, join the ranker's pool.</summary>
    public const int MaxNeighbourClauses = 5;

    /// <summary>The clauses the nearest annotated questions name, most voted first (ties by id, so the order is stable).</summary>
    public static IEnumerable<string> NeighbourClauses(IReadOnlyDictionary<string, NeighbourVote> votes)
        => votes.OrderByDescending(v => v.Value.Vote).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key);

    /// <summary>
    /// Adds up to <see cref="MaxNeighbourClauses"/> of <paramref name="clauses"/> that the pool lacks: a clause that people
    /// asking nearly the same question were answered by is worth ranking even when the question shares few of its words. They
    /// join as deeper candidates: the hard rule and the coverage thresholds still judge the search's own best-covering clause,
    /// and the refusal model reads them only as the ranker's top candidates.
    /// </summary>
    private static void AddNeighbourClauses(KnowledgeBase knowledge, Analysis analysis, List<GroundedCandidate> pool, IEnumerable<string> clauses,
        int max = MaxNeighbourClauses)
    {
        var seen = pool.Select(c => c.Retrieved.Chunk.Id).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var id in clauses)
        {
            if (added == max) break;
            if (!seen.Add(id) || knowledge.Find(id) is not { } chunk || !analysis.Speaks(chunk)
                || !knowledge.IsCitable(chunk, analysis.AboutOldPolicy) || CuratedAnswerFile.IsCurated(chunk)) continue;
            pool.Add(new GroundedCandidate(new RetrievedChunk(chunk, 0, pool.Count), CoverageOf(chunk, analysis.Terms)) { Deeper = true });
            added++;
        }
    }

    private int RankingDepth => Math.Max(_options.Candidates, _rankingOptions.KnowledgeRerankDepth);

    /// <summary>How deep the lexical index's ranking candidates go for the pool's first-stage features.</summary>
    internal int LexicalDepth => RankingDepth + LexicalMargin;

    /// <summary>The pool ordered by the ranker; a question about the old policy still puts the old document first.</summary>
    private List<GroundedCandidate> Reranked(KnowledgeBase knowledge, Analysis analysis, TreeEnsemble ranker)
    {
        // One search gives the pool and its first-stage features.
        var (pool, lexical) = Pool(knowledge, analysis, RankingDepth, LexicalDepth);
        AddNeighbourClauses(knowledge, analysis, pool, NeighbourClauses(analysis.Neighbours(NeighbourIndex(knowledge))));
        var rows = FeatureRows(knowledge, analysis, pool, lexical);
        var scores = rows.Select(row => ranker.Score(row)).ToArray();
        var aboutOld = analysis.AboutOldPolicy;
        return Enumerable.Range(0, pool.Count)
            .OrderBy(i => aboutOld && knowledge.IsCitable(pool[i].Retrieved.Chunk, aboutOldPolicy: false) ? 1 : 0)
            .ThenByDescending(i => scores[i]).ThenBy(i => i)
            .Select(i => pool[i] with { RankerScore = scores[i] })
            .ToList();
    }

    /// <summary>
    /// The candidates the answer-or-refuse decision reads, as without the ranker: the first-stage pool, best coverage first.
    /// The decision (the rule and the refusal model) judges the best-covering clause, so the ranker changes what is cited,
    /// not whether the question is answered.
    /// </summary>
    private static List<GroundedCandidate> ByCoverage(KnowledgeBase knowledge, IReadOnlyList<GroundedCandidate> candidates, Analysis analysis)
        => candidates
            .Where(c => !c.Deeper)
            .OrderBy(c => analysis.AboutOldPolicy && knowledge.IsCitable(c.Retrieved.Chunk, aboutOldPolicy: false) ? 1 : 0)
            .ThenByDescending(c => c.Coverage).ThenBy(c => c.Retrieved.Rank).ToList();

    /// <summary>
    /// The clause an answer leads with: the first of the (ranked) candidates that answers on its own; when none does (the
    /// refusal model answered below the coverage thresholds), the ranker's first that states any figure asked for; else the decided one.
    /// </summary>
    private GroundedCandidate Lead(GroundedCandidate decided, IReadOnlyList<GroundedCandidate> candidates, Analysis analysis)
        => _ranker is null
            ? decided
            : candidates.FirstOrDefault(c => Answers(c, analysis))
              ?? candidates.FirstOrDefault(c => c.Coverage > 0 && !SpecificAsk.IsUnanswered(analysis.Question, c.Retrieved.Chunk.Text))
              ?? decided;

    /// <summary>
    /// The clauses cited after the lead. Without the ranker, candidates in coverage order that are grounded and cover nearly
    /// as much as the lead. With it, the ranker's own first <see cref="AnswerOptions.MaxCitations"/>: it was trained to put an
    /// answering clause among them, and a coverage floor would drop the ones it lifted for their taught questions, section or
    /// kind rather than their words.
    /// </summary>
    private IEnumerable<GroundedCandidate> FurtherCitations(GroundedCandidate lead, IReadOnlyList<GroundedCandidate> candidates, Analysis analysis)
    {
        // A long section is stored in several chunks; it is cited once, so a piece of it never takes another clause's place.
        var others = candidates
            .Where(c => !SameSection(c.Retrieved.Chunk, lead.Retrieved.Chunk))
            .DistinctBy(c => (c.Retrieved.Chunk.Title, c.Retrieved.Chunk.Section));
        if (_ranker is not null) return others.Take(_options.MaxCitations - 1);
        var floor = lead.Coverage * _options.CitationCoverageRatio;
        return others.Where(c => IsGrounded(c.Coverage, analysis.InDomain) && c.Coverage >= floor);
    }

    private static bool SameSection(KnowledgeChunk a, KnowledgeChunk b) => a.Title == b.Title && a.Section == b.Section;

    /// <param name="lexicalCandidates">The lexical index's ranking candidates for the question, to <see cref="LexicalDepth"/>.</param>
    private float[][] FeatureRows(KnowledgeBase knowledge, Analysis analysis, IReadOnlyList<GroundedCandidate> pool,
        IReadOnlyList<RankingCandidate> lexicalCandidates)
    {
        var lexical = lexicalCandidates.ToDictionary(c => c.Id, c => c.Features, StringComparer.Ordinal);
        var matches = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (chunk, match, _) in analysis.Matches(knowledge))
            if (match >= _options.MinQuestionMatch) matches[chunk.Id] = Math.Max(match, matches.GetValueOrDefault(chunk.Id));
        var domain = analysis.Terms.Where(t => t.IsDomain).ToList();
        var asked = TaskGuideSections.AskedFor(analysis.Question);
        var bestCoverage = pool.Count == 0 ? 0 : pool.Max(c => c.Coverage);
        var questionBigrams = QuestionBigrams(analysis.Question);
        var neighbours = analysis.Neighbours(NeighbourIndex(knowledge));
        var rows = new float[pool.Count][];
        for (var i = 0; i < pool.Count; i++)
        {
            var (retrieved, coverage) = (pool[i].Retrieved, pool[i].Coverage);
            var chunk = retrieved.Chunk;
            var row = new float[KnowledgeRankingFeatures.Count];
            if (lexical.TryGetValue(chunk.Id, out var first)) first.CopyTo(row, 0);
            // A clause outside the lexical pool ranks one past it and matched nothing there.
            else row[(int)RankingFeature.FirstStageRank] = LexicalDepth + 1;
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.Coverage)] = (float)coverage;
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.TextCoverage)] = (float)CoverageOf(chunk, analysis.Terms);
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.QuestionMatch)] = (float)matches.GetValueOrDefault(chunk.Id);
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.CoverageRelative)] = bestCoverage > 0 ? (float)(coverage / bestCoverage) : 0;
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.DomainCoverage)] =
                domain.Count == 0 ? 0 : (float)GroundingScorer.CoverageOfNormalized(domain, NormalizedCoveredText(chunk));
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.SectionCoverage)] =
                (float)GroundingScorer.CoverageOfNormalized(analysis.Terms, NormalizedHeading(chunk));
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.AskedSection)] =
                TaskGuideSections.IsSection(chunk.Section, asked) && GuideIsAbout(chunk, domain) ? 1 : 0;
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.RetrievalRank)] = retrieved.Rank + 1;
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.ClauseKind)] = KindOf(chunk);
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.TaughtQuestions)] = chunk.SimilarQuestions.Count;
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.SentenceCoverage)] = (float)SentenceCoverage(chunk, analysis.Terms);
            row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.LinkedQuestionBigrams)] = (float)LinkedQuestionBigrams(chunk, questionBigrams);
            SetNeighbourFeatures(row, neighbours.GetValueOrDefault(chunk.Id));
            rows[i] = row;
        }
        return rows;
    }

    private readonly ConditionalWeakTable<KnowledgeBase, AnnotatedQuestionIndex> _neighbourIndexes = new();

    /// <summary>The annotated questions (linked questions and the configured lay questions) of one knowledge base, built once.</summary>
    internal AnnotatedQuestionIndex NeighbourIndex(KnowledgeBase knowledge)
        => _neighbourIndexes.GetValue(knowledge, kb => new AnnotatedQuestionIndex(AnnotatedQuestions.Of(kb, _annotated)));

    private readonly ConditionalWeakTable<KnowledgeBase, AnnotatedQuestionIndex> _absentIndexes = new();

    /// <summary>
    /// The annotated questions whose every clause <paramref name="knowledge"/> lacks (the laws, when only <c>knowledge/</c>
    /// is indexed), built once. Empty when the knowledge holds them all, and when it lacks most of them: then it is another
    /// knowledge base altogether, which may well answer what the annotated questions asked in its own words.
    /// </summary>
    internal AnnotatedQuestionIndex AbsentIndex(KnowledgeBase knowledge)
        => _absentIndexes.GetValue(knowledge, kb => AnnotatedQuestions.Absent(kb, _annotated).ToList() is var absent && absent.Count * 2 <= _annotated.Count
            ? new AnnotatedQuestionIndex(absent)
            : new AnnotatedQuestionIndex([]));

    /// <summary>
    /// Whether the annotated question nearest to this one was answered by clauses this knowledge does not hold, at
    /// <see cref="AnswerOptions.MinAbsentNeighbourSimilarity"/> or nearer: 试用期最长多久 on a deployment without the labour
    /// laws. A guide that shares its words (办理时限 shares 多久) would only answer another question.
    /// </summary>
    private bool AnsweredByAbsentKnowledge(KnowledgeBase knowledge, Analysis analysis)
    {
        var absent = AbsentIndex(knowledge);
        if (absent.Count == 0) return false;
        var nearestAbsent = NearestSimilarity(absent.Votes(analysis.Question));
        return nearestAbsent >= _options.MinAbsentNeighbourSimilarity
               && nearestAbsent > NearestSimilarity(analysis.Neighbours(NeighbourIndex(knowledge)));
    }

    /// <summary>The similarity of the nearest annotated question among <paramref name="votes"/> (0 when none shares a bigram).</summary>
    internal static double NearestSimilarity(IReadOnlyDictionary<string, NeighbourVote> votes)
        => votes.Count == 0 ? 0 : votes.Values.Max(v => v.Similarity);

    /// <summary>Writes a clause's <see cref="NeighbourVote"/> into its feature row (zeros when no neighbour names it).</summary>
    internal static void SetNeighbourFeatures(float[] row, NeighbourVote vote)
    {
        row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.NeighbourVote)] = (float)vote.Vote;
        row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.NeighbourBest)] = (float)vote.Best;
        row[KnowledgeRankingFeatures.IndexOf(KnowledgeRankingFeature.NeighbourSimilarity)] = (float)vote.Similarity;
    }

    /// <summary>
    /// Whether a guide's title names one of the question's domain words: 仲裁要多久 asks for a time limit, but not the 办理时限
    /// of a guide about something else. A question without domain words (要带啥) leaves it to the section.
    /// </summary>
    private static bool GuideIsAbout(KnowledgeChunk chunk, IReadOnlyList<QueryTerm> domain)
        => domain.Count == 0 || GroundingScorer.CoverageOfNormalized(domain, NormalizedTitle(chunk)) > 0;

    private static readonly ConditionalWeakTable<KnowledgeChunk, string> Titles = new();

    private static string NormalizedTitle(KnowledgeChunk chunk) => Titles.GetValue(chunk, static c => TextNormalizer.Normalize(c.Title));

    private static readonly ConditionalWeakTable<KnowledgeChunk, string[]> Sentences = new();

    /// <summary>The best <see cref="GroundingScorer.CoverageOfNormalized"/> of the question by one sentence of the clause.</summary>
    internal static double SentenceCoverage(KnowledgeChunk chunk, IReadOnlyList<QueryTerm> terms)
    {
        var sentences = Sentences.GetValue(chunk, static c => [.. ChineseText.SplitSentences(c.Text).Select(TextNormalizer.Normalize)]);
        var best = 0.0;
        foreach (var sentence in sentences) best = Math.Max(best, GroundingScorer.CoverageOfNormalized(terms, sentence));
        return best;
    }

    /// <summary>The distinct character bigrams of a question, as <see cref="TextNormalizer.Normalize"/> folds it.</summary>
    internal static HashSet<string> QuestionBigrams(string question)
        => ChineseAnalyzer.Bigrams(TextNormalizer.Normalize(question)).ToHashSet(StringComparer.Ordinal);

    private static readonly ConditionalWeakTable<KnowledgeChunk, HashSet<string>> LinkedBigrams = new();

    /// <summary>
    /// The share of <paramref name="question"/>'s bigrams that the clause's linked questions use between them (0 without any):
    /// how much of the question is made of the pieces people were seen to ask for the clause with, word boundaries aside.
    /// </summary>
    internal static double LinkedQuestionBigrams(KnowledgeChunk chunk, IReadOnlySet<string> question)
    {
        if (question.Count == 0) return 0;
        var linked = LinkedBigrams.GetValue(chunk, static c => SimilarQuestionMatcher.LinkedQuestions(c)
            .SelectMany(q => ChineseAnalyzer.Bigrams(TextNormalizer.Normalize(q))).ToHashSet(StringComparer.Ordinal));
        if (linked.Count == 0) return 0;
        var shared = 0;
        foreach (var bigram in question)
            if (linked.Contains(bigram)) shared++;
        return (double)shared / question.Count;
    }

    private static readonly ConditionalWeakTable<KnowledgeChunk, string> Headings = new();

    /// <summary>A clause's heading path and section label, as <see cref="TextNormalizer.Normalize"/> folds them.</summary>
    private static string NormalizedHeading(KnowledgeChunk chunk)
        => Headings.GetValue(chunk, static c => TextNormalizer.Normalize(c.HeadingPath + "\n" + c.Section));

    private static float KindOf(KnowledgeChunk chunk) => chunk.Metadata.GetValueOrDefault(MetadataKeys.Type) switch
    {
        "policy" => 1,
        "guide" => 2,
        "news" => 3,
        _ => 0,
    };
}
