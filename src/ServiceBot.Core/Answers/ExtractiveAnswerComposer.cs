using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using ServiceBot.Answers.Refusal;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Curated;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Knowledge.Text;
using ServiceBot.Knowledge.Validity;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Telemetry;
using ServiceBot.Text;

namespace ServiceBot.Answers;

/// <summary>A retrieved clause with its coverage of the question (by its text, or by a linked 相似问法).</summary>
public sealed record GroundedCandidate(RetrievedChunk Retrieved, double Coverage)
{
    /// <summary>
    /// Found only by the knowledge ranker's deeper search (past <see cref="AnswerOptions.Candidates"/>, no taught question
    /// matching): it may lead an answer, but the answer-or-refuse decision reads the candidates it always read.
    /// </summary>
    public bool Deeper { get; init; }

    /// <summary>The knowledge ranker's score of the clause; null when the ranker did not order the candidates.</summary>
    public double? RankerScore { get; init; }
}

/// <summary>
/// The offline engine's answers: open with the sentence of the best clause that answers the question, quote the clause
/// and cite it, or say plainly what was understood and that the knowledge has no answer. A hard rule refuses what no
/// clause can answer (nothing covers the question, it is worded in another field's words, or a clause lacks the figure it
/// asks for); every other question is decided by the refusal model over the clause's coverage, the coverage thresholds'
/// verdict, the knowledge ranker's confidence and the taught-question match.
/// </summary>
/// <param name="refusalModel">Decides what the hard rule lets through (<see cref="RefusalModel"/>); null, the coverage thresholds decide.</param>
/// <param name="ranking">The knowledge ranker (<see cref="KnowledgeRanker"/>) that orders the candidates; null means the defaults (the shipped model).</param>
public sealed partial class ExtractiveAnswerComposer(IOptions<AnswerOptions> options, RefusalModel? refusalModel, KnowledgeRankingOptions? ranking = null)
{
    private readonly AnswerOptions _options = options.Value;

    private readonly KnowledgeRankingOptions _rankingOptions = ranking ?? new KnowledgeRankingOptions();

    private readonly TreeEnsemble? _ranker = KnowledgeRanker.FromOptions(ranking ?? new KnowledgeRankingOptions());

    private readonly IReadOnlyList<AnnotatedQuestionLine> _annotated = AnnotatedQuestions.FromOptions(ranking ?? new KnowledgeRankingOptions());

    private readonly double _minAnswerProbability = options.Value.MinAnswerProbability ?? refusalModel?.Threshold ?? 0;

    /// <summary>The refusal model's threshold in force: configured, else the one stored with the model; 0 without a model.</summary>
    public double MinAnswerProbability => _minAnswerProbability;

    private readonly double _minEnglishAnswerProbability = options.Value.MinAnswerProbability ?? refusalModel?.EnglishThreshold ?? 0;

    /// <summary>The threshold in force for <paramref name="question"/>'s language (<see cref="RefusalModel.EnglishThreshold"/> for English).</summary>
    public double MinAnswerProbabilityFor(string question)
        => ThresholdFor(english: KnowledgeLanguage.OfQuestion(question) == Localization.BotLanguages.English);

    private double ThresholdFor(bool english) => english ? _minEnglishAnswerProbability : _minAnswerProbability;

    /// <summary>The composer with the refusal model the options name (<see cref="RefusalModel.FromOptions"/>).</summary>
    public ExtractiveAnswerComposer(IOptions<AnswerOptions> options) : this(options, RefusalModel.FromOptions(options.Value))
    {
    }

    public ExtractiveAnswerComposer() : this(Microsoft.Extensions.Options.Options.Create(new AnswerOptions()))
    {
    }

    public const string NoAnswerMarkdown =
        "抱歉，知识库中没有找到能回答这个问题的政策或法规依据。\n\n" + HelpLine;

    public const string OutOfScopeMarkdown =
        "抱歉，这个问题超出了我的服务范围。我主要解答新就业群体权益保障、社保、公积金等政务服务政策，并帮您办理相关事项。\n\n" +
        "其他问题可拨打 **12345 政务服务便民热线**咨询，或回复“人工客服”转接人工。";

    private const string HelpLine = "如需进一步咨询，您可以拨打 **12345 政务服务便民热线**，或回复“人工客服”转接人工服务。";

    internal const string Disclaimer = "以上内容摘自原文，具体办理请以当地主管部门的规定为准。";

    /// <summary>
    /// The question's terms, whether it uses a domain word, its language (<see cref="KnowledgeLanguage"/>) and whether it asks
    /// about a policy no longer in force; computed once per question.
    /// </summary>
    private sealed record Analysis(string Question, IReadOnlyList<QueryTerm> Terms, bool InDomain, GroundingScorer Scorer, string Language,
        bool AboutOldPolicy)
    {
        private IReadOnlyList<(KnowledgeChunk Chunk, double Match, string Question)>? _matches;

        public bool IsEnglish => Language == Localization.BotLanguages.English;

        /// <summary>
        /// The user asked in English and this is the Chinese reading of it (<see cref="Bridged"/>): it is decided at the English
        /// threshold, the operating point chosen for English questions, however it is read.
        /// </summary>
        public bool AskedInEnglish { get; init; }

        /// <summary>
        /// The question's match with every linked question (<see cref="SimilarQuestionMatcher"/>), scored once: the curated
        /// answer, the candidates and the task guide all read it.
        /// </summary>
        public IReadOnlyList<(KnowledgeChunk Chunk, double Match, string Question)> Matches(KnowledgeBase knowledge)
            => _matches ??= SimilarQuestionMatcher.Match(knowledge, Scorer, Terms, Question);

        private IReadOnlyDictionary<string, NeighbourVote>? _neighbours;

        /// <summary>The nearest annotated questions' votes (<see cref="AnnotatedQuestionIndex"/>), found once: the ranker and the decision read them.</summary>
        public IReadOnlyDictionary<string, NeighbourVote> Neighbours(AnnotatedQuestionIndex index) => _neighbours ??= index.Votes(Question);

        /// <summary>Only chunks in the question's language answer it.</summary>
        public bool Speaks(KnowledgeChunk chunk) => KnowledgeLanguage.Of(chunk) == Language;
    }

    /// <summary>The retrieved candidates, best-covering first; equal coverage keeps retrieval order.</summary>
    public IReadOnlyList<GroundedCandidate> Candidates(KnowledgeBase knowledge, string question)
        => Candidates(knowledge, Analyse(knowledge, question));

    /// <summary>The candidates for a question about <paramref name="task"/>: the guide clause that answers it first (see <see cref="ComposeForTask"/>).</summary>
    public IReadOnlyList<GroundedCandidate> CandidatesForTask(KnowledgeBase knowledge, string question, string task)
    {
        var analysis = Analyse(knowledge, question);
        var candidates = Candidates(knowledge, analysis);
        return GuideCandidate(knowledge, analysis, task) is { } guide && guide.Coverage >= _options.MinGuideCoverage
               && !SpecificAsk.IsUnanswered(question, guide.Retrieved.Chunk.Text)
            ? [guide, .. candidates.Where(c => c.Retrieved.Chunk.Id != guide.Retrieved.Chunk.Id)]
            : candidates;
    }

    /// <summary>
    /// The grounding rule: the best clause answers the question when it covers most of it
    /// (<see cref="AnswerOptions.MinCoverage"/>), or when the question uses a word of the domain dictionary
    /// (骑手, 公积金, 工伤 …) and the clause covers a fair part of it (<see cref="AnswerOptions.MinDomainCoverage"/>).
    /// The second arm admits lay questions whose wording the statutes never use ("骑手落下职业病"); questions about
    /// things the knowledge never mentions (weather, recipes, flights) have no domain word and match only
    /// incidental words, staying below the first threshold. A clause whose 相似问法 match the question
    /// (<see cref="AnswerOptions.MinQuestionMatch"/>) covers it by that match.
    /// </summary>
    public bool IsGrounded(double coverage, bool questionInDomain)
        => coverage >= _options.MinCoverage || (questionInDomain && coverage >= _options.MinDomainCoverage);

    public Answer Compose(KnowledgeBase knowledge, string question)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (string.IsNullOrWhiteSpace(question)) return Refusal();
        var analysis = Analyse(knowledge, question);
        if (Curated(knowledge, analysis) is { } curated) return curated;
        var candidates = Candidates(knowledge, analysis);
        var answer = AnswerOrRefuse(knowledge, candidates, analysis);
        return analysis.IsEnglish ? Bridged(knowledge, analysis, answer, task: null) : answer;
    }

    /// <summary>
    /// A question about a catalog task (材料, 时限, 能不能 …), answered from the task's guide first: the guide section the
    /// wording asks for (<see cref="TaskGuideSections.AskedFor"/>), or the guide clause that covers the question best.
    /// Other grounded clauses follow as further citations. The guide must cover the question to
    /// <see cref="AnswerOptions.MinGuideCoverage"/>; without a guide for the task, or below that, this is <see cref="Compose"/>.
    /// </summary>
    public Answer ComposeForTask(KnowledgeBase knowledge, string question, string task)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (string.IsNullOrWhiteSpace(question)) return Refusal();
        var analysis = Analyse(knowledge, question);
        var answer = ComposeForTask(knowledge, analysis, task);
        return analysis.IsEnglish ? Bridged(knowledge, analysis, answer, task) : answer;
    }

    private Answer ComposeForTask(KnowledgeBase knowledge, Analysis analysis, string task)
    {
        var question = analysis.Question;
        if (Curated(knowledge, analysis) is { } curated) return curated;
        var candidates = Candidates(knowledge, analysis);
        var guide = GuideCandidate(knowledge, analysis, task);
        if (guide is not null && guide.Coverage >= _options.MinGuideCoverage && !SpecificAsk.IsUnanswered(question, guide.Retrieved.Chunk.Text))
        {
            var runnerUp = candidates.Where(c => c.Retrieved.Chunk.Id != guide.Retrieved.Chunk.Id).Select(c => c.Coverage).FirstOrDefault();
            var decision = Decide(knowledge, guide, runnerUp, candidates, analysis, viaGuide: true);
            if (decision.Answers)
                return Render(knowledge, guide, candidates, analysis with { InDomain = true }, TaskGuideSections.AskedFor(question)) with { Decision = decision };
        }
        return AnswerOrRefuse(knowledge, candidates, analysis);
    }

    private Answer AnswerOrRefuse(KnowledgeBase knowledge, IReadOnlyList<GroundedCandidate> candidates, Analysis analysis)
    {
        var byCoverage = _ranker is null ? candidates : ByCoverage(knowledge, candidates, analysis);
        var best = Judged(byCoverage.FirstOrDefault(), candidates, analysis);
        var decision = best is null ? GroundingDecision.HardRefused(HardRule.NoClauseCovers)
            : HardRefusal(best, analysis) is { } rule ? GroundingDecision.HardRefused(rule)
            : Decide(knowledge, best, byCoverage.Where(c => c.Retrieved.Chunk.Id != best.Retrieved.Chunk.Id).Select(c => c.Coverage).FirstOrDefault(), candidates, analysis, viaGuide: false);
        return decision.Answers
            ? Render(knowledge, Lead(best!, candidates, analysis), candidates, analysis, TaskGuideSections.AskedFor(analysis.Question)) with { Decision = decision }
            : Refusal(analysis, candidates) with { Decision = decision };
    }

    /// <summary>
    /// The decision on a clause the hard rule lets through: the features the refusal model reads, its probability, and
    /// whether that reaches the threshold (or, for a document the model was not trained with, the clause's text states most
    /// of the question, <see cref="RefusalModel.ClauseStatesIt"/>).
    /// Without a model the coverage thresholds decide. English questions are decided by the same model at their own threshold
    /// (<see cref="RefusalModel.EnglishThreshold"/>), chosen on the English questions' cross-validation curve.
    /// </summary>
    /// <param name="ranked">The candidates in the knowledge ranker's order (coverage order without it).</param>
    private GroundingDecision Decide(KnowledgeBase knowledge, GroundedCandidate best, double runnerUp, IReadOnlyList<GroundedCandidate> ranked,
        Analysis analysis, bool viaGuide)
    {
        // A guide answers a question about its task only once its coverage reached MinGuideCoverage: that is its threshold.
        var thresholdsPass = viaGuide || PassesThresholds(best, analysis);
        var top = ranked.Count > 0 && ranked[0].RankerScore is not null ? ranked[0] : null;
        var signals = new DecisionSignals(thresholdsPass, analysis.InDomain, top?.RankerScore, top is null ? null : ranked.ElementAtOrDefault(1)?.RankerScore,
            top?.Coverage ?? best.Coverage, BestQuestionMatch(knowledge, analysis),
            NearestSimilarity(analysis.Neighbours(NeighbourIndex(knowledge))));
        var chunk = best.Retrieved.Chunk;
        var alsoCited = ranked.Where(c => c.Retrieved.Chunk.Id != chunk.Id).Take(_options.MaxCitations - 1).Select(c => CoveredText(c.Retrieved.Chunk)).ToList();
        var features = GroundingFeatures.Of(analysis.Question, analysis.Terms, CoveredText(chunk), NormalizedCoveredText(chunk), best.Coverage, runnerUp,
            viaGuide, signals, alsoCited);
        // Only where the clause's own coverage does not ground it: a clause that states the question still answers it.
        if (!thresholdsPass && AnsweredByAbsentKnowledge(knowledge, analysis)) return new GroundingDecision(thresholdsPass, features, null, false) { AbsentKnowledge = true };
        if (refusalModel is null) return new GroundingDecision(thresholdsPass, features, null, thresholdsPass);
        var probability = refusalModel.Probability(features, analysis.Question);
        // The clause's own text may answer past the model only where the model never saw its document (one uploaded since):
        // there the domain score has not learnt the document's wording. Beside the documents it was trained with, the model
        // already weighs how much of the question a clause holds (世界杯哪个队能赢 is most of a line of the Yiwu news).
        var unseenDocument = !refusalModel.WasTrainedWith(chunk.DocumentId);
        return new GroundingDecision(thresholdsPass, features, probability,
            probability >= ThresholdFor(analysis.IsEnglish || analysis.AskedInEnglish)
            || RefusalModel.TaughtAlmostVerbatim(features)
            || (unseenDocument && RefusalModel.ClauseStatesIt(features, analysis.Question, CoveredText(chunk)))
            || (unseenDocument && thresholdsPass && NamesItsRareTerm(knowledge, chunk, analysis, features)));
    }

    /// <summary>
    /// The question names a term of four characters or more that only one or two clauses use, and this clause is one of
    /// them (骑手借经营性贷款有什么规定 and the clause on 经营性贷款): it is the place the knowledge speaks of the thing asked, however
    /// few questions were ever asked about it. Not for a question asking a figure, a date or a place, nor one asking a kind of
    /// fact no cited clause states (an interpreter at the 劳动监察大队 is not in the clause that names it).
    /// </summary>
    /// <param name="features">The clause's <see cref="GroundingFeatures"/>, which say whether a kind of fact asked is unstated.</param>
    private static bool NamesItsRareTerm(KnowledgeBase knowledge, KnowledgeChunk chunk, Analysis analysis, IReadOnlyList<double> features)
    {
        // A figure, a place or a date asked is what such a clause rarely states: the model decides those.
        if (SpecificAsk.AsksFigure(analysis.Question) || SpecificAsk.AsksSpecific(analysis.Question) || WhereAsked().IsMatch(analysis.Question)
            || RefusalModel.AsksWhatNoCitedClauseStates(features)) return false;
        var index = knowledge.Lexical;
        var text = NormalizedCoveredText(chunk);
        foreach (var term in analysis.Terms)
        {
            if (term.Word.Length < 4 || !TextNormalizer.IsCjk(term.Word[0])) continue;
            var share = index.WordShare(term.Word);
            if (share > 0 && share * index.Count <= 2.5 && text.Contains(term.Word, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// The clause the decision judges. The best-covering one, unless it lacks the figure, date or count the question asks
    /// (<see cref="SpecificAsk"/>) and one of the ranker's first <see cref="StatingDepth"/> states one: 文件里说到哪一年 is
    /// answered by the clause that names 2027, though another shares more of its words.
    /// </summary>
    private GroundedCandidate? Judged(GroundedCandidate? best, IReadOnlyList<GroundedCandidate> ranked, Analysis analysis)
    {
        if (best is null || _ranker is null || !SpecificAsk.IsUnanswered(analysis.Question, best.Retrieved.Chunk.Text)) return best;
        return ranked.Take(StatingDepth).FirstOrDefault(c => c.Coverage > 0 && !SpecificAsk.IsUnanswered(analysis.Question, c.Retrieved.Chunk.Text)) ?? best;
    }

    /// <summary>How deep in the ranker's order a clause stating the asked figure may stand in for the best-covering one.</summary>
    private const int StatingDepth = 2;

    /// <summary>
    /// The cases no model may answer: no clause shares a word with the question, the clause lacks the figure the question
    /// asks for (<see cref="SpecificAsk"/>), or much of the question is in another field's words and the clause does not
    /// cover most of it (<see cref="AboutAnotherField"/>).
    /// </summary>
    private HardRule? HardRefusal(GroundedCandidate best, Analysis analysis)
        => best.Coverage <= 0 ? HardRule.NoClauseCovers
            : SpecificAsk.IsUnanswered(analysis.Question, best.Retrieved.Chunk.Text) ? HardRule.SpecificUnstated
            : best.Coverage < _options.MinCoverage && AboutAnotherField(analysis) ? HardRule.AnotherField
            : null;

    /// <summary>
    /// The coverage thresholds: the clause is grounded (<see cref="IsGrounded"/>) and, below <see cref="AnswerOptions.MinCoverage"/>,
    /// holds some of the question's words outside the domain dictionary (<see cref="CoversContent"/>).
    /// </summary>
    private bool PassesThresholds(GroundedCandidate best, Analysis analysis)
        => IsGrounded(best.Coverage, analysis.InDomain) && (best.Coverage >= _options.MinCoverage || CoversContent(best, analysis));

    /// <summary>The clause answers on its own: the hard rule lets it through and it passes the coverage thresholds.</summary>
    private bool Answers(GroundedCandidate best, Analysis analysis) => HardRefusal(best, analysis) is null && PassesThresholds(best, analysis);

    private static double BestQuestionMatch(KnowledgeBase knowledge, Analysis analysis)
        => analysis.Matches(knowledge).Where(m => analysis.Speaks(m.Chunk)).Select(m => m.Match).DefaultIfEmpty(0).Max();

    /// <summary>
    /// A clause admitted by the question's domain words must also hold some of its other words (美国的网约车司机有没有最低工资
    /// names 网约车司机, but a clause about drivers says nothing of 美国). A clause the question matched by a taught
    /// 相似问法 covers it by that match.
    /// </summary>
    private bool CoversContent(GroundedCandidate best, Analysis analysis)
    {
        var content = analysis.Terms.Where(t => !t.IsDomain).ToList();
        if (content.Count == 0) return true;
        var text = NormalizedCoveredText(best.Retrieved.Chunk);
        if (best.Coverage > GroundingScorer.CoverageOfNormalized(analysis.Terms, text)) return true;
        return GroundingScorer.CoverageOfNormalized(content, text) >= _options.MinContentCoverage;
    }

    /// <summary>
    /// Much of the question is in words no clause uses (电动车上牌, 货车年检去哪个检测站): it is about something else, however
    /// well its other words (带啥, 货车) match. A clause that covers most of the question answers it all the same.
    /// </summary>
    private bool AboutAnotherField(Analysis analysis) => GroundingScorer.ForeignShare(analysis.Terms) >= _options.MaxForeignShare;

    public static Answer Refusal() => new(NoAnswerMarkdown, Grounded: false, [], Handoff: false);

    /// <param name="language">The question's language when known (a question read in Chinese words keeps the English words no phrase named).</param>
    private Analysis Analyse(KnowledgeBase knowledge, string question, string? language = null)
    {
        language ??= KnowledgeLanguage.OfQuestion(question);
        // Misspelt English words (probabtion, goverment) are read as the lexicon's words before anything else reads them.
        if (language == Localization.BotLanguages.English) question = knowledge.EnglishSpelling.Correct(question).Text;
        var scorer = new GroundingScorer(knowledge.Lexical, (float)_options.DomainWordWeight, knowledge.EnglishFieldWords);
        var aboutOld = knowledge.AsksAboutOldPolicy(question);
        var terms = scorer.Terms(aboutOld ? OldPolicyQuestion.WithoutCues(question) : question);
        return new Analysis(question, terms, terms.Any(t => t.IsDomain), scorer, language, aboutOld);
    }

    private List<GroundedCandidate> Candidates(KnowledgeBase knowledge, Analysis analysis)
        => _ranker is null ? Pool(knowledge, analysis, _options.Candidates) : Reranked(knowledge, analysis, _ranker);

    /// <summary>The best <paramref name="depth"/> search results and the clauses whose taught questions match, by coverage.</summary>
    private List<GroundedCandidate> Pool(KnowledgeBase knowledge, Analysis analysis, int depth)
        => Pool(knowledge, analysis, depth, lexicalDepth: 0).Candidates;

    /// <summary>
    /// The pool, and when <paramref name="lexicalDepth"/> is positive the lexical index's ranking candidates to that depth,
    /// from the same search.
    /// </summary>
    private (List<GroundedCandidate> Candidates, IReadOnlyList<RankingCandidate> Lexical) Pool(KnowledgeBase knowledge, Analysis analysis, int depth,
        int lexicalDepth)
    {
        var matches = analysis.Matches(knowledge)
            .Where(m => m.Match >= _options.MinQuestionMatch && analysis.Speaks(m.Chunk) && !CuratedAnswerFile.IsCurated(m.Chunk))
            .ToDictionary(m => m.Chunk.Id, m => m.Match, StringComparer.Ordinal);
        var aboutOld = analysis.AboutOldPolicy;
        // Chunks of the other language are skipped, so more are fetched than kept.
        var searchStarted = Stopwatch.GetTimestamp();
        var search = lexicalDepth > 0
            ? knowledge.SearchWithRankingCandidates(analysis.Question, depth * 3, lexicalDepth, aboutOld)
            : new RankedSearch(knowledge.Search(analysis.Question, depth * 3, aboutOld), []);
        var retrieved = search.Results
            .Where(r => analysis.Speaks(r.Chunk))
            .Take(depth)
            .ToList();
        ServiceBotTelemetry.RetrievalCompleted(Stopwatch.GetElapsedTime(searchStarted));
        var candidates = retrieved
            .Select((r, i) => new GroundedCandidate(r, Math.Max(CoverageOf(r.Chunk, analysis.Terms), matches.GetValueOrDefault(r.Chunk.Id)))
            {
                Deeper = i >= _options.Candidates && !matches.ContainsKey(r.Chunk.Id),
            })
            .ToList();
        // A clause the maintainers taught this question is a candidate even when the ranking missed it.
        var seen = retrieved.Select(r => r.Chunk.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, match) in matches.Where(m => !seen.Contains(m.Key)).OrderByDescending(m => m.Value))
            if (knowledge.Find(id) is { } chunk && knowledge.IsCitable(chunk, aboutOld))
                candidates.Add(new GroundedCandidate(new RetrievedChunk(chunk, 0, candidates.Count), match));
        // A question about the old policy is answered from the old document, however close the current one's wording.
        var ordered = candidates
            .OrderBy(c => aboutOld && knowledge.IsCitable(c.Retrieved.Chunk, aboutOldPolicy: false) ? 1 : 0)
            .ThenByDescending(c => c.Coverage).ThenBy(c => c.Retrieved.Rank).ToList();
        return (ordered, search.LexicalCandidates);
    }

    private GroundedCandidate? GuideCandidate(KnowledgeBase knowledge, Analysis analysis, string task)
    {
        var asked = TaskGuideSections.AskedFor(analysis.Question);
        var guide = knowledge.Chunks
            .Where(c => c.Metadata.GetValueOrDefault(TaskGuideSections.TaskKey) == task && analysis.Speaks(c) && knowledge.IsCitable(c, aboutOldPolicy: false))
            .ToList();
        if (guide.Count == 0) return null;
        var matches = analysis.Matches(knowledge)
            .Where(m => m.Match >= _options.MinQuestionMatch && analysis.Speaks(m.Chunk))
            .ToDictionary(m => m.Chunk.Id, m => m.Match, StringComparer.Ordinal);
        var scored = guide
            .Select((chunk, order) => (Chunk: chunk, Order: order,
                Coverage: Math.Max(CoverageOf(chunk, analysis.Terms), matches.GetValueOrDefault(chunk.Id))))
            .Select(s => (s.Chunk, s.Order, Score: Math.Min(1, s.Coverage + (TaskGuideSections.IsSection(s.Chunk.Section, asked) ? _options.AskedSectionBonus : 0))))
            // Of sections covering it equally, the one whose linked question (相似问法, FAQ) matches it answers it.
            .OrderByDescending(s => s.Score).ThenByDescending(s => matches.GetValueOrDefault(s.Chunk.Id)).ThenBy(s => s.Order)
            .First();
        // The section the question asks for answers it even in other words ("还来得及不" → 办理时限).
        return new GroundedCandidate(new RetrievedChunk(scored.Chunk, 0, 0), scored.Score);
    }

    /// <param name="askedSection">The guide section the question asks for; when the lead is that section, it opens with its first sentence.</param>
    private Answer Render(KnowledgeBase knowledge, GroundedCandidate lead, IReadOnlyList<GroundedCandidate> candidates, Analysis analysis,
        string? askedSection = null)
    {
        if (analysis.IsEnglish)
            return RenderEnglish(knowledge, lead, analysis, askedSection,
                FurtherCitations(lead, candidates, analysis).Select(c => c.Retrieved.Chunk).Take(_options.MaxCitations - 1).ToList());
        var cited = FurtherCitations(lead, candidates, analysis)
            .Select(c => c.Retrieved.Chunk)
            .Prepend(lead.Retrieved.Chunk)
            .Take(_options.MaxCitations)
            .ToList();

        var chunk = cited[0];
        var markdown = new StringBuilder();
        var fromStart = TaskGuideSections.IsSection(chunk.Section, askedSection);
        var sentence = LeadSentence.Extract(chunk.Text, analysis.Terms, _options.LeadMaxLength, fromStart, SpecificAsk.AsksFigure(analysis.Question),
            narrowLists: !SpecificAsk.AsksWhich(analysis.Question));
        if (sentence.Length > 0) markdown.AppendLine(sentence).AppendLine();
        markdown.Append("> ").AppendLine(Quote(chunk.Text, analysis.Terms, fromStart).Replace("\n", "\n> ")).AppendLine();
        markdown.Append('（').Append(Reference(chunk));
        if (DateOf(chunk) is { } date) markdown.Append('，').Append(date);
        markdown.Append('）').AppendLine(knowledge.ValidityOf(chunk).Mark);
        if (cited.Count > 1)
        {
            // The lead's document is named once: its other sections go by their section alone.
            markdown.AppendLine().Append("相关条款：");
            markdown.AppendJoin("；", cited.Skip(1).Select(c => (c.DocumentId == chunk.DocumentId ? SectionName(c) : Reference(c)) + knowledge.ValidityOf(c).Mark))
                .AppendLine("。");
        }
        markdown.AppendLine().Append(Disclaimer);

        var citations = cited.Select(c => Citation.Of(c, knowledge)).ToList();
        return new Answer(markdown.ToString(), Grounded: true, citations, Handoff: false);
    }

    /// <summary>
    /// What a refusal says: what it understood (the question's domain words), that the knowledge has no answer, and the
    /// nearest topics it does know as quick replies. A question without a single domain word is simply out of scope.
    /// </summary>
    private Answer Refusal(Analysis analysis, IReadOnlyList<GroundedCandidate> candidates)
    {
        if (analysis.IsEnglish) return EnglishRefusal(candidates);
        var understood = analysis.Terms.Where(t => t.IsDomain).Select(t => t.Word).Distinct(StringComparer.Ordinal).Take(3).ToList();
        if (understood.Count == 0) return new Answer(OutOfScopeMarkdown, Grounded: false, [], Handoff: false) { OutOfScope = true };
        var topics = candidates
            .Where(c => c.Coverage > 0)
            .Select(c => TopicOf(c.Retrieved.Chunk))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(_options.RefusalTopics)
            .ToList();
        var markdown = new StringBuilder()
            .Append("您问的是“").AppendJoin("、", understood).Append("”相关的问题。抱歉，知识库中没有找到能直接回答这个问题的政策或法规依据。\n\n");
        if (topics.Count > 0) markdown.Append("我能解答的相近问题有：").AppendJoin("；", topics).Append("。可以点击下方选项继续了解。\n\n");
        markdown.Append(HelpLine);
        return new Answer(markdown.ToString(), Grounded: false, [], Handoff: false) { Suggestions = topics };
    }

    /// <summary>A quick reply that asks about <paramref name="chunk"/>: a guide's question itself, or the clause's topic.</summary>
    private static string TopicOf(KnowledgeChunk chunk)
    {
        var type = chunk.Metadata.GetValueOrDefault(MetadataKeys.Type);
        if (type == DocumentTypes.Guide)
            return chunk.HeadingPath.StartsWith(TaskGuideSections.Questions + KnowledgeChunk.HeadingSeparator, StringComparison.Ordinal)
                ? chunk.Section
                : GuideSubject(chunk.Title) + chunk.Section;
        if (type == DocumentTypes.Policy)
        {
            var leaf = chunk.HeadingPath.Split(KnowledgeChunk.HeadingSeparator)[^1];
            leaf = ChineseText.ClauseStart().Replace(leaf, "");
            return ChineseText.PartHeading().Match(leaf) is { Success: true } part ? part.Groups["name"].Value : leaf;
        }
        return chunk.Title.Replace("中华人民共和国", "", StringComparison.Ordinal) + chunk.Section;
    }

    /// <summary>"社会保险关系转移接续" from "社会保险关系转移接续办事指南（示例）".</summary>
    private static string GuideSubject(string title)
    {
        var end = title.IndexOf("办事指南", StringComparison.Ordinal);
        return end > 0 ? title[..end] : title;
    }

    // Chunks are immutable and every answered turn scores a dozen of them: each is joined and folded once.
    /// <summary>The text a clause is judged by: its document title, heading path and body, as written.</summary>
    private static string CoveredText(KnowledgeChunk chunk) => chunk.Title + "\n" + chunk.HeadingPath + "\n" + chunk.Text;

    private static readonly ConditionalWeakTable<KnowledgeChunk, string> CoveredTexts = new();

    /// <summary>
    /// The text a clause covers a question with (title, heading path, clause), as <see cref="TextNormalizer.Normalize"/> folds it,
    /// without quotation marks: 综合整治“内卷式”竞争 covers 内卷式竞争.
    /// </summary>
    private static string NormalizedCoveredText(KnowledgeChunk chunk)
        => CoveredTexts.GetValue(chunk, static c => WithoutQuotes(TextNormalizer.Normalize(CoveredText(c))));

    private static string WithoutQuotes(string text)
        => text.AsSpan().IndexOfAny(Quotes) < 0 ? text : string.Concat(text.Split(Quotes));

    private static readonly char[] Quotes = ['\u201C', '\u201D', '\u300C', '\u300D', '\u300E', '\u300F'];

    private static double CoverageOf(KnowledgeChunk chunk, IReadOnlyList<QueryTerm> terms)
        => GroundingScorer.CoverageOfNormalized(terms, NormalizedCoveredText(chunk));

    private static string Reference(KnowledgeChunk chunk) => $"《{chunk.Title}》{SectionName(chunk)}";

    /// <summary>A guide's question is quoted ("社保断缴了还能转移吗？" reads as a sentence); other sections stand as labels.</summary>
    private static string SectionName(KnowledgeChunk chunk)
        => chunk.Section.EndsWith('？') ? $"“{chunk.Section}”" : chunk.Section;

    private static string? DateOf(KnowledgeChunk chunk)
        => chunk.Metadata.TryGetValue(MetadataKeys.Date, out var date) && date.Length > 0 ? date : null;

    /// <summary>
    /// The clause, or for a long one the run of sentences around the sentence that covers the question best,
    /// within the length budget; "……" marks what was left out.
    /// </summary>
    private string Quote(string text, IReadOnlyList<QueryTerm> terms, bool fromStart)
    {
        var whole = text.Trim();
        if (whole.Length <= _options.QuoteMaxLength) return whole;
        // A clause of several lines (a list, a law's items) is cut between lines, so no item is quoted half.
        var sentences = whole.Contains('\n')
            ? whole.Split('\n').Select((line, i) => i == 0 ? line : "\n" + line).ToList()
            : ChineseText.SplitSentences(whole);
        if (sentences.Count == 0) return whole[.._options.QuoteMaxLength] + "……";
        // A law's item is read with the line that introduces its list, and quoted under it.
        var intros = sentences.Select((_, i) => ListIntroOf(sentences, i)).ToArray();
        var best = fromStart ? 0 : Enumerable.Range(0, sentences.Count)
            .MaxBy(i => GroundingScorer.Coverage(terms, intros[i] is { } intro ? sentences[intro] + sentences[i] : sentences[i]));
        var introduction = intros[best];
        var budget = _options.QuoteMaxLength - (introduction is { } k ? sentences[k].Length : 0);
        if (sentences[best].Length > budget) (introduction, budget) = (null, _options.QuoteMaxLength);
        int first = best, last = best;
        var length = sentences[best].Length;
        while (true)
        {
            if (last + 1 < sentences.Count && length + sentences[last + 1].Length <= budget)
                length += sentences[++last].Length;
            else if (first > 0 && length + sentences[first - 1].Length <= budget)
                length += sentences[--first].Length;
            else break;
        }
        var quote = string.Concat(sentences.Skip(first).Take(last - first + 1)).Trim();
        var lines = whole.Contains('\n');
        var head = first == 0 ? ""
            : introduction is { } line && line < first ? sentences[line].Trim() + (line + 1 < first ? "\n……\n" : "\n")
            : lines ? "……\n" : "……";
        return head + quote + (last < sentences.Count - 1 ? lines ? "\n……" : "……" : "");
    }

    /// <summary>The line that introduces the list line <paramref name="i"/> is an item of ("…情形之一的，…:"), or null.</summary>
    private static int? ListIntroOf(IReadOnlyList<string> lines, int i)
    {
        if (!LeadSentence.IsListItem(lines[i].Trim())) return null;
        for (var j = i - 1; j >= 0; j--)
        {
            var line = lines[j].Trim();
            if (LeadSentence.IsListItem(line)) continue;
            return LeadSentence.IntroducesList(line) ? j : null;
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("哪里|哪儿|在哪|哪个|哪栋|哪家|地址")]
    private static partial System.Text.RegularExpressions.Regex WhereAsked();
}
