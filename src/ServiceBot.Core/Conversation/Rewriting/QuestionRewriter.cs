using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ServiceBot.Answers;
using ServiceBot.Knowledge;
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
            message => NamesUnknownWord(kb, message)));
        var earlier = conversation.History.TakeLast(FollowUpResolver.LookBack).Select(turn => analyzer.Correct(turn.User).Text).ToList();
        var followUp = resolver.Resolve(text, earlier, CitedSource(conversation.History[^1].Bot));
        // The classifier reads a short message alone: 周末呢 or 不想留名行吗 look like small talk until their words are read.
        return followUp.IsResolved && !resolver.NamesDomainWord(text) && IsSmallTalk(text) ? new FollowUp(text, null) : followUp;
    }

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
