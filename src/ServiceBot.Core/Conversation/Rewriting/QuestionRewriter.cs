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
    private readonly ConditionalWeakTable<KnowledgeBase, ServiceTopics> _topics = new();

    /// <summary>
    /// The message with misspelt and homophone domain words replaced (设保 → 社保). An English message is read with its chat
    /// shorthand and misspellings corrected (whats → what's, pasport → passport), so that routing sees the question its
    /// answer will be searched for; not while a form is open, where it gives a value (a company name) to keep as typed.
    /// </summary>
    public async Task<CorrectedText> CorrectAsync(string text, bool formOpen, CancellationToken cancellationToken)
    {
        var knowledgeBase = await knowledge.GetAsync(cancellationToken).ConfigureAwait(false);
        if (!formOpen && KnowledgeLanguage.OfQuestion(text) == Localization.BotLanguages.English)
            return knowledgeBase.EnglishSpelling.Correct(text);
        return knowledgeBase.Lexical.Analyzer.Correct(text);
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
            LayPhrases(analyzer.Options), ServiceNames(kb),
            message => NamesUnknownWord(kb, message), message => CaseWords(kb, message)));
        var topics = _topics.GetValue(knowledgeBase, kb => ServiceTopics.Of(kb, DomainTerms(kb.Lexical.Analyzer.Options)));
        var lastCited = CitedSource(conversation.History[^1].Bot);
        if (ServiceTopics.IsEnglish(text)) return ResolveEnglish(conversation, text, topics, lastCited, knowledgeBase);
        // An English question before a Chinese follow-up is read as the service it names, in Chinese (住房公积金提取).
        var earlier = conversation.History.TakeLast(FollowUpResolver.LookBack)
            .Select(turn => ServiceTopics.IsEnglish(turn.User) ? topics.NamedBy(turn.User)?.ChineseTopic ?? turn.User : analyzer.Correct(turn.User).Text)
            .ToList();
        var followUp = resolver.Resolve(text, earlier, lastCited);
        // A story told in one message and asked about in the next is read as one message, the story first. A follow-up
        // opening with 那 (那要是合同先到期了) turns to a case of its own and stays as the resolver read it; small talk
        // (今天会下雨吗) asks nothing about the story.
        if (!followUp.IsResolved && FollowUpResolver.TellsAStory(earlier[^1]) && FollowUpResolver.AsksAbout(text)
            && (resolver.NamesDomainWord(text) || !IsSmallTalk(text)))
            return new FollowUp(earlier[^1].Trim() + "，" + text.Trim(), earlier[^1].Trim());
        // The classifier reads a short message alone: 周末呢 or 不想留名行吗 look like small talk until their words are read.
        if (followUp.IsResolved && !resolver.NamesDomainWord(text) && IsSmallTalk(text)) return new FollowUp(text, null);
        if (followUp.Topic is not { } topic) return followUp;
        return SwitchesAwayFrom(knowledgeBase, _switchTexts.GetValue(knowledgeBase, TopicSwitchTexts.Of), text, topic, followUp.Text) switch
        {
            TopicSwitch.Stays => followUp,
            TopicSwitch.ToUncoveredSubject => new FollowUp(text, null) { SubjectUncovered = true },
            _ => new FollowUp(text, null),
        };
    }

    /// <summary>
    /// An English follow-up (How long does it take?, Is there a fee?) completed with the service the conversation is about,
    /// named in English: the service the latest earlier question names by its title's words, in either language, or else
    /// the guide the last answer cited; after an answer from another document, with the English question before it. It keeps
    /// its own words when it names another service, a thing that guide never speaks of
    /// (<see cref="ServiceTopics.SwitchesAwayFrom"/>), or when the intent classifier calls it small talk or off-topic.
    /// </summary>
    private FollowUp ResolveEnglish(ConversationState conversation, string text, ServiceTopics topics, string? lastCited, KnowledgeBase knowledgeBase)
    {
        if (!ServiceTopics.LeansOnContext(text)) return new FollowUp(text, null);
        if (NamesUnknownEnglishWord(knowledgeBase, text)) return new FollowUp(text, null);
        // After an answer from a law, the opinion or the news the conversation is about what the question before asked,
        // not about a service its words may name (insurance in "how do I get unemployment money"): the follow-up is read
        // with that question.
        if (lastCited is not null && topics.Titled(lastCited) is null && !IsSmallTalk(text)
            && conversation.History.LastOrDefault()?.User is { } previous && ServiceTopics.IsEnglish(previous))
            return new FollowUp(previous.Trim() + " " + text.Trim(), previous.Trim());
        var service = conversation.History.TakeLast(FollowUpResolver.LookBack).Reverse()
            .Select(turn => topics.NamedBy(turn.User)).FirstOrDefault(s => s is not null) ?? topics.Titled(lastCited);
        if (service?.EnglishTopic is not { } topic || topics.NamesAnotherService(text, service) || topics.SwitchesAwayFrom(text, service)
            || IsSmallTalk(text))
            return new FollowUp(text, null);
        return new FollowUp(topic + " " + text.Trim(), topic);
    }

    /// <summary>
    /// Whether an English follow-up names a word of four letters or more that neither the knowledge's English texts nor the
    /// lexicon use (argentina in "btw did argentina win last night?"; <see cref="EnglishSpellingCorrector.Knows"/>): it names a
    /// subject of its own the knowledge lacks, and the conversation's service would only lend it an answer to another question.
    /// </summary>
    private static bool NamesUnknownEnglishWord(KnowledgeBase knowledgeBase, string message)
        => EnglishSpellingCorrector.Words(message).Any(word => word.Length >= MinUnknownEnglishWordLength
            && !ChineseAnalyzer.QueryStopwords.Value.Contains(word) && !knowledgeBase.EnglishSpelling.Knows(word));

    /// <summary>Shorter words are mostly function words or shorthand, which say nothing of a subject.</summary>
    public const int MinUnknownEnglishWordLength = 4;

    /// <summary>How many of the clauses the carried topic retrieves are read for the follow-up's words.</summary>
    public const int TopicClauses = 5;

    /// <summary>
    /// Whether a follow-up names something the knowledge never speaks of together with the carried topic: 那买房呢 or
    /// 那身份证丢了咋补 after a social-insurance question. 买房 and 身份证 are words the knowledge uses, yet none of the
    /// clauses the earlier question retrieves holds them, and no clause anywhere names them beside the topic's words, so
    /// the earlier topic would only lend the fragment an answer to another question; the fragment is then judged on its
    /// own words. A case of the same topic (那外地户口呢, 那灵活就业的呢) names words some clause uses beside the topic's.
    /// A one-character noun counts too (那车呢, 那狗呢 after a housing-fund question), read as a word of the clause, not as a
    /// character inside one (车 in 网约车 is no car), so 那钱呢 stays on a topic whose clauses or 相似问法 speak of 钱.
    /// </summary>
    private static TopicSwitch SwitchesAwayFrom(KnowledgeBase knowledgeBase, TopicSwitchTexts texts, string fragment, string topic, string completed)
    {
        var change = TopicChange(knowledgeBase, texts, fragment, topic, out var subjectTerms);
        // A follow-up asking a section of the topic's guide (那外地户口呢 asks who may apply) names a case of the topic, which
        // the guide may state in other words (不受户籍限制 or nothing at all).
        if (change != TopicSwitch.Stays || subjectTerms.Count == 0 || TaskGuideSections.AskedFor(fragment) is not null) return change;
        // Kept on the topic, the follow-up must still find its own subject in what the completed question retrieves:
        // 那电动车被偷了呢 after an injury question would otherwise get the injury guide, which never speaks of a theft.
        var completedClauses = knowledgeBase.Search(completed, CompletedClauses).Select(hit => texts.Of(hit.Chunk)).ToList();
        var unheld = subjectTerms.Where(term => !completedClauses.Any(clause => clause.Holds(term))).ToList();
        if (unheld.Count == 0) return TopicSwitch.Stays;
        var alone = knowledgeBase.Search(fragment, SubjectClauses).Select(hit => texts.Of(hit.Chunk)).ToList();
        return unheld.Any(term => alone.Any(clause => clause.Holds(term))) ? TopicSwitch.ToOtherTopic : TopicSwitch.ToUncoveredSubject;
    }

    /// <summary>
    /// The switch read from the words alone (see <see cref="SwitchesAwayFrom"/>), and the nouns of two characters or more the
    /// follow-up names as its subject, for the caller to look for in what the completed question retrieves.
    /// </summary>
    private static TopicSwitch TopicChange(KnowledgeBase knowledgeBase, TopicSwitchTexts texts, string fragment, string topic,
        out List<QueryTerm> subjectTerms)
    {
        var scorer = new GroundingScorer(knowledgeBase.Lexical);
        var topicText = TextNormalizer.Normalize(topic);
        var normalized = TextNormalizer.Normalize(fragment);
        var asked = AskedThing().Match(normalized) is { Success: true } match ? match.Groups[1].Value : null;
        var subject = Answers.Refusal.NamedSubject.Of(normalized);
        var named = scorer.Terms(fragment)
            .Where(term => !topicText.Contains(term.Word, StringComparison.Ordinal) && !AsksSomething().IsMatch(term.Word)
                           && (NamesAThing(term.Word) || term.Word == asked
                               || (NamesTheSubject(term.Word, subject) && !knowledgeBase.Lexical.Mentions(WithNeighbours(normalized, term.Word)))))
            .ToList();
        // Only a noun of two characters or more is a subject precise enough to look for in a clause (车 is in 网约车, 钱 in 工钱;
        // 110 is tagged a number).
        subjectTerms = named.Where(term => term.Word.Length > 1 && subject.Contains(term.Word, StringComparison.Ordinal)
                                           && NamesAThing(term.Word)).ToList();
        if (named.Count == 0) return TopicSwitch.Stays;
        var topicTerms = scorer.Terms(topic).Where(term => term.IsDomain).ToList();
        if (topicTerms.Count == 0) return TopicSwitch.Stays;
        // A clause the earlier question retrieves for its ask alone (another guide's 所需材料 for 要带啥材料) says nothing of the topic.
        var topicClauses = knowledgeBase.Search(topic, TopicClauses).Select(hit => texts.Of(hit.Chunk))
            .Where(clause => topicTerms.Any(t => clause.Holds(t))).ToList();
        // A word of a lay phrase is the way people name a topic (被辞退); a single character only when the phrase stands for
        // words the topic's clauses use (钱 in 取钱 for 提取 after a fund question, not 车 in 贷款买车).
        var own = named.Where(term => term.Word.Length > 1
            ? !texts.LayExpansions.Any(e => e.LayPhrases.Any(phrase => phrase.Contains(term.Word, StringComparison.Ordinal)))
            : !texts.LayExpansions.Any(e => e.LayPhrases.Any(phrase => texts.EndsWithWord(phrase, term.Word))
                                            && e.PolicyWords.Any(word => topicClauses.Any(clause => clause.Text.Contains(word, StringComparison.Ordinal)))))
            .ToList();
        var uncovered = own.Where(term => !topicClauses.Any(clause => clause.Holds(term))).ToList();
        if (uncovered.Count == 0) return TopicSwitch.Stays;
        var besideTopic = texts.Clauses.Where(clause => topicTerms.Any(t => clause.Holds(t))).ToList();
        var switched = uncovered.Where(term => !besideTopic.Any(clause => clause.Holds(term))).ToList();
        if (switched.Count == 0) return TopicSwitch.Stays;
        // Alone, the fragment is answered only by a clause that speaks of the new subject: 那银行几点开门 after the station's
        // hours would otherwise get the station's hours again, as its other words (几点, 开门) still point there.
        var alone = knowledgeBase.Search(fragment, TopicClauses).Take(SubjectClauses).Select(hit => texts.Of(hit.Chunk)).ToList();
        // Only the subject 那… names before its question is refused on (那银行几点开门, not 有啥规矩 at the end), and a character
        // counts inside a word too (伤 in 受伤): the question is only whether those clauses speak of it at all. A single
        // character some clause uses inside a word (卡 in 银行卡) is too loose a subject to refuse on; one no clause has (狗) is not.
        var subjects = switched.Where(term => (subject.Contains(term.Word, StringComparison.Ordinal) || term.Word == asked)
            && (term.Word.Length > 1 || !texts.Clauses.Any(clause => clause.Text.Contains(term.Word, StringComparison.Ordinal))));
        return subjects.Any() && !switched.Any(term => alone.Any(clause => term.Forms.Any(form => clause.Text.Contains(form, StringComparison.Ordinal))))
            ? TopicSwitch.ToUncoveredSubject : TopicSwitch.ToOtherTopic;
    }

    /// <summary>How many of the clauses the completed follow-up retrieves are read for its subject: first-stage ranks, so a generous window.</summary>
    public const int CompletedClauses = 10;

    /// <summary>How many of the clauses the fragment alone retrieves must include one that names its new subject.</summary>
    public const int SubjectClauses = 3;

    /// <summary>What a follow-up does with the carried topic.</summary>
    private enum TopicSwitch
    {
        /// <summary>It asks about a case or aspect of the topic (那外地户口呢).</summary>
        Stays,

        /// <summary>It names a subject the topic's clauses never speak of, which other clauses do (那公积金呢 after 社保).</summary>
        ToOtherTopic,

        /// <summary>It names a subject that neither the topic's clauses nor the clauses its own words find speak of (那银行几点开门).</summary>
        ToUncoveredSubject,
    }

    /// <summary>
    /// A word of the slot a 那…呢 follow-up fills with its subject (那低保呢, 那超市几点关门, 那110呢): it names what the follow-up is
    /// about whatever the segmenter tags it (低保 and 超市 come out as verbs, 房产证 as an abbreviation, 110 as a number), unless it
    /// says when (晚上, 周末). The caller counts it only when no clause uses it: a word the knowledge uses in that slot (断缴过的,
    /// 派单时间) is mostly a case of the topic.
    /// </summary>
    private static bool NamesTheSubject(string word, string subject)
        => subject.Contains(word, StringComparison.Ordinal) && word.Length > 1
           && SegmenterResources.PartOfSpeech(word) is var tag && !tag.StartsWith('t') && !tag.StartsWith('d') && !tag.StartsWith('f')
           && (!tag.StartsWith('m') || word.All(char.IsAsciiDigit));

    /// <summary>A clause as a topic switch reads it: its normalised text, and the words of one character the segmenter cuts from it.</summary>
    private sealed record ClauseText(string Text, IReadOnlySet<string> SingleCharacterWords)
    {
        public bool Holds(QueryTerm term)
            => term.Forms.Any(form => form.Length == 1 ? SingleCharacterWords.Contains(form) : Text.Contains(form, StringComparison.Ordinal));
    }

    /// <summary>The texts a topic switch is judged against, made once per knowledge base rather than per follow-up.</summary>
    private sealed class TopicSwitchTexts
    {
        private readonly Dictionary<string, ClauseText> _byId;

        private readonly Dictionary<string, string> _finalWords;

        private TopicSwitchTexts(IReadOnlyList<LayExpansion> layExpansions, IReadOnlyList<(string Id, ClauseText Clause)> clauses,
            Dictionary<string, string> finalWords)
        {
            LayExpansions = layExpansions;
            _finalWords = finalWords;
            Clauses = clauses.Select(c => c.Clause).ToList();
            _byId = clauses.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Clause, StringComparer.Ordinal);
        }

        /// <summary>The reviewed lay phrases and the policy words they stand for, normalised.</summary>
        public IReadOnlyList<LayExpansion> LayExpansions { get; }

        public IReadOnlyList<ClauseText> Clauses { get; }

        /// <summary>Whether a lay phrase ends with the word itself (车 in 贷款买车), not inside a longer word (网约车 in 开网约车).</summary>
        public bool EndsWithWord(string phrase, string word) => _finalWords.GetValueOrDefault(phrase) == word;

        public ClauseText Of(KnowledgeChunk chunk) => _byId.GetValueOrDefault(chunk.Id) ?? new ClauseText(Normalized(chunk), new HashSet<string>());

        public static TopicSwitchTexts Of(KnowledgeBase knowledgeBase)
        {
            var analyzer = knowledgeBase.Lexical.Analyzer;
            var expansions = analyzer.Options.LayExpansions.Select(e => new LayExpansion(e.LayPhrases.Select(TextNormalizer.Normalize).ToArray(),
                e.PolicyWords.Select(TextNormalizer.Normalize).ToArray())).ToList();
            var finalWords = expansions.SelectMany(e => e.LayPhrases).Distinct(StringComparer.Ordinal)
                .Select(phrase => (phrase, Last: analyzer.Words(phrase).LastOrDefault()))
                .Where(p => p.Last is not null).ToDictionary(p => p.phrase, p => p.Last!, StringComparer.Ordinal);
            return new TopicSwitchTexts(expansions,
                knowledgeBase.Chunks.Select(chunk => Normalized(chunk) is var text
                    ? (chunk.Id, new ClauseText(text, analyzer.Words(text).Where(w => w.Length == 1).ToHashSet(StringComparer.Ordinal)))
                    : default).ToList(), finalWords);
        }
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

    private static string Normalized(KnowledgeChunk chunk)
        => TextNormalizer.Normalize(chunk.Title + "\n" + chunk.HeadingPath + "\n" + chunk.Text + "\n" + string.Join("\n", chunk.SimilarQuestions ?? []));

    /// <summary>
    /// The one character a bare 那…呢 asks about (车 in 那车呢, which the dictionary tags as a morpheme): the slot holds a noun.
    /// Longer words keep their dictionary tags (节日 names a time, not a thing).
    /// </summary>
    [GeneratedRegex(@"^(?:那么|那|还有)(\p{IsCJKUnifiedIdeographs})呢")]
    private static partial Regex AskedThing();

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
        => _focuses.GetValue(knowledgeBase, kb => new QuestionFocus(DomainTerms(kb.Lexical.Analyzer.Options), LayPhrases(kb.Lexical.Analyzer.Options),
            text => SpecificWords(kb, text)));

    /// <summary>At most this share of the clauses use a word that is specific enough to carry a story's case (怀孕, not 公司).</summary>
    public const double MaxSpecificWordShare = 0.01;

    /// <summary>
    /// The words of two characters or more that some clause uses, yet at most <see cref="MaxSpecificWordShare"/> of them, in
    /// the order the text names them; never an ask or a bare number.
    /// </summary>
    private static List<string> SpecificWords(KnowledgeBase knowledgeBase, string text)
        => new GroundingScorer(knowledgeBase.Lexical).Terms(text)
            .Where(term => term.Word.Length > 1 && !AsksSomething().IsMatch(term.Word) && !term.Word.All(char.IsAsciiDigit)
                           && knowledgeBase.Lexical.Mentions(term.Word) && knowledgeBase.Lexical.WordShare(term.Word) <= MaxSpecificWordShare)
            .Select(term => term.Word).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The lay phrases of the dictionary's lay expansions (被辞退, 乙肝), normalised as messages are.</summary>
    private static List<string> LayPhrases(ChineseAnalyzerOptions options)
        => options.LayExpansions.SelectMany(e => e.LayPhrases).Select(TextNormalizer.Normalize).ToList();

    private bool IsSmallTalk(string text)
        => intents?.Classify(text) is { Confidence: >= OffTopicConfidence } prediction
           && prediction.Intent is IntentNames.OutOfScope or IntentNames.Greeting or IntentNames.Thanks or IntentNames.HumanAgent;

    /// <summary>
    /// Whether the message holds a word of two characters or more that no clause or taught question uses, in any of its
    /// forms (synonyms, the policy words of a lay phrase), nor with the characters around it: 彩礼 and 驾照 are in the
    /// dictionary and 车险 in the segmenter's, yet no document speaks of them, while 缴过 in 断缴过的 is a cut the segmenter
    /// made through words the documents do use (断缴). A word the segmenter does not know comes out as single characters
    /// (医美 as 医, 美); in a message with no longer word, a run of them is read as one word. Beside a longer word such a run
    /// is mostly a colloquial verb (网上能弄不, 伤好了), so it is not. Only a noun names a topic of its own: a verb, a time or
    /// an adverb the documents never use (弄下来得多少天, 钱才能到手, 申诉了它不理呢) only says how the follow-up asks
    /// about the topic before it.
    /// </summary>
    private static bool NamesUnknownWord(KnowledgeBase knowledgeBase, string message)
    {
        var index = knowledgeBase.Lexical;
        var text = TextNormalizer.Normalize(message);
        var terms = new GroundingScorer(index).Terms(message);
        var unknownWord = terms.Any(term => term.Word.Length > 1 && NamesAThing(term.Word)
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
