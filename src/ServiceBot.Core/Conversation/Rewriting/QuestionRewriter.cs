using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ServiceBot.Answers;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Text;
using ServiceBot.Text.Spelling;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Conversation.Rewriting;

/// <summary>
/// Reads a message in lay language the way the knowledge base's analyzer does, before the engine routes it: misspelt
/// domain words corrected against the indexed domain dictionary (设保 → 社保), then elliptical follow-ups completed
/// from the conversation (那外地户口呢？). Both use the vocabulary of the loaded knowledge base. A follow-up that names
/// no word of that vocabulary and that the intent classifier calls small talk or out of scope (那明天会下雨吗) keeps its
/// own words, so it is still refused.
/// </summary>
public sealed partial class QuestionRewriter(KnowledgeBaseProvider knowledge, IntentClassifier? intents = null)
{
    /// <summary>Below this the classifier's verdict that a follow-up is small talk or off-topic is not trusted.</summary>
    public const double OffTopicConfidence = 0.5;

    // One resolver and one focus finder per loaded knowledge base; they only depend on that base's vocabulary.
    private readonly ConditionalWeakTable<KnowledgeBase, FollowUpResolver> _resolvers = new();
    private readonly ConditionalWeakTable<KnowledgeBase, QuestionFocus> _focuses = new();
    private readonly ConditionalWeakTable<KnowledgeBase, TopicSwitchTexts> _switchTexts = new();

    /// <summary>The message with misspelt and homophone domain words replaced (设保 → 社保).</summary>
    public async Task<CorrectedText> CorrectAsync(string text, CancellationToken cancellationToken)
    {
        var analyzer = (await knowledge.GetAsync(cancellationToken).ConfigureAwait(false)).Lexical.Analyzer;
        return analyzer.Correct(text);
    }

    /// <summary>
    /// The message with its topic restored from the conversation when it is an elliptical follow-up; unchanged while a
    /// form is open (the message then answers the form) or when it stands on its own.
    /// </summary>
    /// <param name="text">The message, already spelling-corrected.</param>
    public async Task<FollowUp> ResolveFollowUpAsync(ConversationState conversation, string text, CancellationToken cancellationToken)
    {
        if (conversation.Task is { IsOpen: true } || conversation.History.Count == 0) return new FollowUp(text, null);
        var knowledgeBase = await knowledge.GetAsync(cancellationToken).ConfigureAwait(false);
        var analyzer = knowledgeBase.Lexical.Analyzer;
        var resolver = _resolvers.GetValue(knowledgeBase, kb => new FollowUpResolver(DomainTerms(analyzer.Options),
            analyzer.Options.LayExpansions.SelectMany(e => e.LayPhrases).Select(TextNormalizer.Normalize).ToList(), ServiceNames(kb),
            message => NamesUnknownWord(kb, message), message => CaseWords(kb, message)));
        var earlier = conversation.History.TakeLast(FollowUpResolver.LookBack).Select(turn => analyzer.Correct(turn.User).Text).ToList();
        var followUp = resolver.Resolve(text, earlier, CitedSource(conversation.History[^1].Bot));
        // The classifier reads a short message alone: 周末呢 or 不想留名行吗 look like small talk until their words are read.
        if (followUp.IsResolved && !resolver.NamesDomainWord(text) && IsSmallTalk(text)) return new FollowUp(text, null);
        return followUp.Topic is { } topic && SwitchesAwayFrom(knowledgeBase, _switchTexts.GetValue(knowledgeBase, TopicSwitchTexts.Of), text, topic)
            ? new FollowUp(text, null) : followUp;
    }

    /// <summary>How many of the clauses the carried topic retrieves are read for the follow-up's words.</summary>
    public const int TopicClauses = 5;

    /// <summary>
    /// Whether a follow-up names something the knowledge never speaks of together with the carried topic: 那买房呢 or
    /// 那身份证丢了咋补 after a social-insurance question. 买房 and 身份证 are words the knowledge uses, yet none of the
    /// clauses the earlier question retrieves holds them, and no clause anywhere names them beside the topic's words, so
    /// the earlier topic would only lend the fragment an answer to another question; the fragment is then judged on its
    /// own words. A case of the same topic (那外地户口呢, 那灵活就业的呢) names words some clause uses beside the topic's.
    /// </summary>
    private static bool SwitchesAwayFrom(KnowledgeBase knowledgeBase, TopicSwitchTexts texts, string fragment, string topic)
    {
        var scorer = new GroundingScorer(knowledgeBase.Lexical);
        var topicText = TextNormalizer.Normalize(topic);
        var layPhrases = texts.LayPhrases;
        var own = scorer.Terms(fragment)
            .Where(term => term.Word.Length > 1 && !topicText.Contains(term.Word, StringComparison.Ordinal) && !AsksSomething().IsMatch(term.Word)
                           && !layPhrases.Any(phrase => phrase.Contains(term.Word, StringComparison.Ordinal)) && NamesAThing(term.Word))
            .ToList();
        if (own.Count == 0) return false;
        var topicTerms = scorer.Terms(topic).Where(term => term.IsDomain).ToList();
        if (topicTerms.Count == 0) return false;
        // A clause the earlier question retrieves for its ask alone (another guide's 所需材料 for 要带啥材料) says nothing of the topic.
        var topicClauses = knowledgeBase.Search(topic, TopicClauses).Select(hit => Normalized(hit.Chunk))
            .Where(clause => topicTerms.Any(t => Holds(clause, t))).ToList();
        var uncovered = own.Where(term => !topicClauses.Any(clause => Holds(clause, term))).ToList();
        if (uncovered.Count == 0) return false;
        var besideTopic = texts.Clauses.Where(clause => topicTerms.Any(t => Holds(clause, t))).ToList();
        return uncovered.Any(term => !besideTopic.Any(clause => Holds(clause, term)));
    }

    /// <summary>The normalised texts a topic switch is judged against, made once per knowledge base rather than per follow-up.</summary>
    private sealed record TopicSwitchTexts(IReadOnlyList<string> LayPhrases, IReadOnlyList<string> Clauses)
    {
        public static TopicSwitchTexts Of(KnowledgeBase knowledgeBase) => new(
            knowledgeBase.Lexical.Analyzer.Options.LayExpansions.SelectMany(e => e.LayPhrases).Select(TextNormalizer.Normalize).ToList(),
            knowledgeBase.Chunks.Select(Normalized).ToList());
    }

    /// <summary>
    /// The nouns of a message that some clause uses (租房, 户口): the case it asks about, never an ask, a guide section's
    /// cue (材料, 费用: what the earlier question wanted, which the follow-up replaces) or a name.
    /// </summary>
    private static List<string> CaseWords(KnowledgeBase knowledgeBase, string message)
        => new GroundingScorer(knowledgeBase.Lexical).Terms(message)
            .Where(term => term.Word.Length > 1 && !AsksSomething().IsMatch(term.Word) && NamesAThing(term.Word)
                           && TaskGuideSections.AskedFor(term.Word) is null && knowledgeBase.Lexical.Mentions(term.Word))
            .Select(term => term.Word).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A noun names what a follow-up is about (买房, 护照, 银行); verbs, times and places in the text (办完, 一个月, 网上, 最后)
    /// only say what it asks. Names of people are not topics either.
    /// </summary>
    private static bool NamesAThing(string word)
        => SegmenterResources.PartOfSpeech(word) is var tag && tag.StartsWith('n') && !tag.StartsWith("nr", StringComparison.Ordinal);

    private static bool Holds(string normalizedClause, QueryTerm term) => term.Forms.Any(form => normalizedClause.Contains(form, StringComparison.Ordinal));

    private static string Normalized(KnowledgeChunk chunk)
        => TextNormalizer.Normalize(chunk.Title + "\n" + chunk.HeadingPath + "\n" + chunk.Text + "\n" + string.Join("\n", chunk.SimilarQuestions ?? []));

    /// <summary>Words that ask rather than name (多少, 怎么, 要带): what a follow-up wants, never what it is about.</summary>
    [GeneratedRegex(@"多少|多久|多长|怎么|怎样|什么|咋|啥|哪|几|能不能|可以|是否|要不要|需要")]
    private static partial Regex AsksSomething();

    /// <summary>
    /// What a long message asks (<see cref="QuestionFocus"/>): the question to route and answer, while the whole message
    /// still fills a form. Unchanged while a form is open, where the message answers the form.
    /// </summary>
    /// <param name="text">The message, already spelling-corrected and completed from the conversation.</param>
    public async Task<string> FocusAsync(ConversationState conversation, string text, CancellationToken cancellationToken)
    {
        if (conversation.Task is { IsOpen: true } || text.Length < QuestionFocus.MinMessageLength) return text;
        var knowledgeBase = await knowledge.GetAsync(cancellationToken).ConfigureAwait(false);
        return FocusOf(knowledgeBase).Of(text);
    }

    /// <summary>
    /// The two questions a message asks about different topics (<see cref="QuestionFocus.Split"/>), each to be answered;
    /// a single question otherwise. Unchanged while a form is open, where the message answers the form.
    /// </summary>
    /// <param name="text">The message, already spelling-corrected and completed from the conversation.</param>
    public async Task<IReadOnlyList<string>> SplitAsync(ConversationState conversation, string text, CancellationToken cancellationToken)
    {
        if (conversation.Task is { IsOpen: true }) return [text];
        var knowledgeBase = await knowledge.GetAsync(cancellationToken).ConfigureAwait(false);
        return FocusOf(knowledgeBase).Split(text);
    }

    private QuestionFocus FocusOf(KnowledgeBase knowledgeBase)
        => _focuses.GetValue(knowledgeBase, kb => new QuestionFocus(DomainTerms(kb.Lexical.Analyzer.Options)));

    private bool IsSmallTalk(string text)
        => intents?.Classify(text) is { Confidence: >= OffTopicConfidence } prediction
           && prediction.Intent is IntentNames.OutOfScope or IntentNames.Greeting or IntentNames.Thanks or IntentNames.HumanAgent;

    /// <summary>
    /// Whether the message holds a word of two characters or more that no clause or taught question uses, in any of its
    /// forms (synonyms, the policy words of a lay phrase), nor with the characters around it: 彩礼 and 驾照 are in the
    /// dictionary and 车险 in the segmenter's, yet no document speaks of them, while 缴过 in 断缴过的 is a cut the segmenter
    /// made through words the documents do use (断缴). A word the segmenter does not know comes out as single characters
    /// (医美 as 医, 美); in a message with no longer word, a run of them is read as one word. Beside a longer word such a run
    /// is mostly a colloquial verb (网上能弄不, 伤好了), so it is not.
    /// </summary>
    private static bool NamesUnknownWord(KnowledgeBase knowledgeBase, string message)
    {
        var index = knowledgeBase.Lexical;
        var text = TextNormalizer.Normalize(message);
        var terms = new GroundingScorer(index).Terms(message);
        var unknownWord = terms.Any(term => term.Word.Length > 1
            && term.Forms.All(form => !index.Mentions(form)) && !index.Mentions(WithNeighbours(text, term.Word)));
        if (unknownWord) return true;
        return terms.All(term => term.Word.Length == 1)
               && SingleCharacterRuns(text, terms).Any(run => !index.Mentions(run) && !index.Mentions(WithNeighbours(text, run)));
    }

    /// <summary>Runs of two or more single-character terms that stand side by side in the text.</summary>
    private static IEnumerable<string> SingleCharacterRuns(string text, IReadOnlyList<QueryTerm> terms)
    {
        var run = new System.Text.StringBuilder();
        int cursor = 0, runEnd = -1;
        foreach (var term in terms)
        {
            var at = text.IndexOf(term.Word, cursor, StringComparison.Ordinal);
            if (at < 0) continue;
            cursor = at + term.Word.Length;
            if (term.Word.Length == 1 && at == runEnd)
            {
                run.Append(term.Word);
                runEnd = cursor;
                continue;
            }
            if (run.Length > 1) yield return run.ToString();
            run.Clear();
            if (term.Word.Length == 1) run.Append(term.Word);
            runEnd = term.Word.Length == 1 ? cursor : -1;
        }
        if (run.Length > 1) yield return run.ToString();
    }

    /// <summary>The word with the character before and after it in the text, when it occurs there.</summary>
    private static string WithNeighbours(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        if (at < 0) return word;
        var start = Math.Max(0, at - 1);
        return text[start..Math.Min(text.Length, at + word.Length + 1)];
    }

    /// <summary>Words that name a topic: the dictionary's terms and every member of its synonym groups.</summary>
    private static List<string> DomainTerms(ChineseAnalyzerOptions options)
        => options.DomainWords.Concat(options.SynonymGroups.SelectMany(g => g)).Select(TextNormalizer.Normalize).ToList();

    /// <summary>The titles of the guides, one per service (住房公积金提取办事指南（示例）).</summary>
    private static List<string> ServiceNames(KnowledgeBase knowledgeBase)
        => knowledgeBase.Chunks.Where(c => c.Metadata.GetValueOrDefault(MetadataKeys.Type) == DocumentTypes.Guide)
            .Select(c => TextNormalizer.Normalize(c.Title)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The first document an answer cites: answers name it as 《标题》.</summary>
    private static string? CitedSource(string reply) => CitedTitle().Match(reply) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"《([^《》\n]{2,80})》")]
    private static partial Regex CitedTitle();
}
