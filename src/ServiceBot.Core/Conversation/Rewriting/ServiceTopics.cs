using System.Text.RegularExpressions;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Localization;
using ServiceBot.Text;
using ServiceBot.Text.Spelling;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Conversation.Rewriting;

/// <summary>
/// The services of the task guides as each language names them, so a follow-up in one language can keep the topic of a
/// question asked in the other: after "Can I withdraw my housing fund to pay rent?", 那要多久到账 asks about 住房公积金提取,
/// and after 公积金租房能提吗, "How long does it take?" asks about the Housing Provident Fund Withdrawal. A Chinese guide and
/// its English version (front matter <c>translation_of</c>) are one service. A question names a service by the words of
/// its title (公积金 in 住房公积金提取, "transfer" and "insurance" in Social Insurance Transfer), never by a word list.
/// </summary>
public sealed partial class ServiceTopics
{
    /// <summary>Longer English messages say what they are about.</summary>
    public const int MaxEnglishFollowUpWords = 12;

    private readonly IReadOnlyList<Service> _services;
    private readonly Func<string, IReadOnlyCollection<string>> _contentWords;
    private readonly DomainTermMatcher _domainTerms;

    /// <param name="contentWords">The words of an English text that are not function words (the query analyzer's stop words dropped).</param>
    private ServiceTopics(IReadOnlyList<Service> services, Func<string, IReadOnlyCollection<string>> contentWords, DomainTermMatcher domainTerms)
        => (_services, _contentWords, _domainTerms) = (services, contentWords, domainTerms);

    /// <summary>One service: the Chinese guide, and its English version when the knowledge has one.</summary>
    /// <param name="ChineseTitle">The Chinese guide's title (住房公积金提取办事指南（示例）).</param>
    /// <param name="ChineseTopic">The title without 办事指南（示例）: what a follow-up is completed with (住房公积金提取).</param>
    /// <param name="EnglishTitle">The English guide's title, if any.</param>
    /// <param name="EnglishTopic">The English title without "Guide" and "(sample)" (Housing Provident Fund Withdrawal).</param>
    /// <param name="EnglishTitleWords">Stems of the English title's own words (housing, provident, fund, withdrawal).</param>
    /// <param name="EnglishWords">Stems of every word the English guide uses, its 相似问法 included.</param>
    public sealed record Service(string ChineseTitle, string ChineseTopic, string? EnglishTitle, string? EnglishTopic,
        IReadOnlyCollection<string> EnglishTitleWords, IReadOnlySet<string> EnglishWords);

    public IReadOnlyList<Service> Services => _services;

    /// <param name="domainTerms">Words that name a topic in Chinese (the dictionary's terms and synonym-group members).</param>
    public static ServiceTopics Of(KnowledgeBase knowledgeBase, IEnumerable<string> domainTerms)
    {
        var guides = knowledgeBase.Chunks.Where(c => c.Metadata.GetValueOrDefault(MetadataKeys.Type) == DocumentTypes.Guide).ToList();
        var english = guides.Where(c => KnowledgeLanguage.Of(c) == BotLanguages.English && c.Metadata.ContainsKey(MetadataKeys.TranslationOf))
            .GroupBy(c => c.Metadata[MetadataKeys.TranslationOf], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var analyzer = knowledgeBase.Lexical.Analyzer;
        IReadOnlyCollection<string> ContentWords(string text)
            => analyzer.AnalyzeQuery(text).Words.Where(w => w.Value >= 1f && IsLatinWord(w.Key)).Select(w => LatinWords.Stem(w.Key)).ToHashSet(StringComparer.Ordinal);

        var drafts = guides.Where(c => KnowledgeLanguage.Of(c) == BotLanguages.Chinese).Select(c => c.Title).Distinct(StringComparer.Ordinal)
            .Select(title => (Title: title, English: english.GetValueOrDefault(title)))
            .ToList();
        // Words every English title shares ("guide", "sample") name no service in particular.
        var titleWords = drafts.Where(d => d.English is not null)
            .Select(d => ContentWords(d.English![0].Title).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal)).ToList();
        var shared = titleWords.Count == 0 ? [] : titleWords.Skip(1).Aggregate(new HashSet<string>(titleWords[0], StringComparer.Ordinal), (all, next) => { all.IntersectWith(next); return all; });

        var services = drafts.Select(d =>
        {
            var englishTitle = d.English?[0].Title;
            return new Service(d.Title, ChineseTitleSuffix().Replace(d.Title, ""), englishTitle,
                englishTitle is null ? null : Spaces().Replace(EnglishTitleFiller().Replace(englishTitle, " "), " ").Trim(),
                englishTitle is null ? [] : ContentWords(englishTitle).Where(w => w.Length > 1 && !shared.Contains(w)).ToList(),
                (d.English ?? []).SelectMany(c => LatinWords.Stems(c.Title + "\n" + c.HeadingPath + "\n" + c.Text + "\n" + string.Join("\n", c.SimilarQuestions)))
                    .ToHashSet(StringComparer.Ordinal));
        }).ToList();
        return new ServiceTopics(services, ContentWords, new DomainTermMatcher(domainTerms));
    }

    /// <summary>Whether a message is in English (a Chinese one may still quote an English name).</summary>
    public static bool IsEnglish(string message) => LanguageDetector.Detect(message, BotLanguages.Chinese) == BotLanguages.English;

    /// <summary>Below this an English message that asks nothing is an acknowledgement or a fragment (ok thanks, in Yiwu).</summary>
    public const int MinEnglishStoryWords = 5;

    /// <summary>
    /// Whether an English message tells the asker's situation and asks nothing (i deliver for keeta in yiwu; last night
    /// after my shift i crashed my ebike): the question comes in the next message. A request (i want to, help me) is no story.
    /// </summary>
    public static bool TellsAStory(string message)
        => IsEnglish(message) && LatinWords.Stems(message).Count >= MinEnglishStoryWords
           && EnglishSpellingCorrector.ReadShorthand(message) is var read
           && !TaskQuestionCue.IsWordedAsQuestion(read) && !TaskQuestionCue.AsksToDoIt(read);

    /// <summary>Whether a message tells a story and asks nothing, in Chinese (<see cref="FollowUpResolver.TellsAStory"/>) or in English.</summary>
    public static bool TellsAStoryInEitherLanguage(string message) => FollowUpResolver.TellsAStory(message) || TellsAStory(message);

    /// <summary>The service whose guide is titled <paramref name="title"/> in either language.</summary>
    public Service? Titled(string? title)
        => title is null ? null : _services.FirstOrDefault(s => s.ChineseTitle == title || s.EnglishTitle == title);

    /// <summary>
    /// The service a question names by the words of its title, in its own language: the one whose title holds the most of
    /// the question's words, when no other holds as many; null when none does.
    /// </summary>
    public Service? NamedBy(string question)
    {
        var scores = Scores(question);
        var best = scores.MaxBy(s => s.Score);
        return best.Score > 0 && scores.Count(s => s.Score == best.Score) == 1 ? best.Service : null;
    }

    /// <summary>Whether an English follow-up names another service's title words more than the topic's (How long does a social insurance transfer take?).</summary>
    public bool NamesAnotherService(string message, Service topic)
    {
        var scores = Scores(message);
        var own = scores.First(s => s.Service == topic).Score;
        return scores.Any(s => s.Service != topic && s.Score > own);
    }

    private List<(Service Service, int Score)> Scores(string question)
    {
        if (IsEnglish(question))
        {
            var words = _contentWords(question);
            return _services.Select(s => (s, words.Count(w => s.EnglishTitleWords.Any(t => SameWord(w, t))))).ToList();
        }
        var terms = _domainTerms.Find(TextNormalizer.Normalize(question));
        return _services.Select(s => (s, terms.Count(t => TextNormalizer.Normalize(s.ChineseTopic).Contains(t, StringComparison.Ordinal)))).ToList();
    }

    /// <summary>
    /// Whether an English message is short and asks something that has no subject without the turn before it
    /// (How long does it take?, And if I'm not a local?, Is there a fee?).
    /// </summary>
    public static bool LeansOnContext(string message)
    {
        var words = LatinWords.Stems(message);
        if (words.Count == 0 || words.Count > MaxEnglishFollowUpWords) return false;
        return message.Contains('?') || QuestionOpening().IsMatch(words[0]) || (words.Count > 1 && words[0] == "what" && words[1] == "about");
    }

    /// <summary>
    /// Whether an English follow-up names a thing the topic's guide never speaks of: the words of a noun phrase (after
    /// the, a, my …) that the guide, its 相似问法 included, does not use. "What time does the bank open?" or "What about my
    /// driving licence?" after a housing-fund question ask about something else, which the fund guide would only lend an
    /// answer to another question; "What if I lost the number?" after a progress question names the guide's own ticket number.
    /// Verbs and question words (bring, pay, until, deal) only say what the follow-up asks.
    /// </summary>
    public bool SwitchesAwayFrom(string message, Service topic)
    {
        var words = LatinWords.Stems(message);
        var content = _contentWords(message);
        for (var i = 0; i < words.Count; i++)
        {
            if (!Determiners.Contains(words[i])) continue;
            for (var j = i + 1; j < words.Count && j <= i + MaxNounPhraseWords && content.Contains(words[j]); j++)
                if (!topic.EnglishWords.Any(t => SameWord(words[j], t))) return true;
        }
        return false;
    }

    private const int MaxNounPhraseWords = 4;

    /// <summary>Words that open a noun phrase; "its" is left out, as "it's" reads the same once the apostrophe is dropped.</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "your", "his", "her", "our", "their", "this", "that", "these", "those", "any", "some",
    };

    /// <summary>
    /// One word in two forms: equal, one a prefix of the other (withdraw, withdrawal; complain, complaint), or sharing their
    /// first six letters (register, registration). Short words must be equal: car is not card.
    /// </summary>
    public static bool SameWord(string a, string b)
    {
        if (a == b) return true;
        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 4) return false;
        var common = 0;
        while (common < shorter && a[common] == b[common]) common++;
        return common == shorter || common >= 6;
    }

    /// <summary>A word of Latin letters or digits (12345 names the hotline).</summary>
    private static bool IsLatinWord(string word) => word.Length > 0 && word.All(char.IsAsciiLetterOrDigit);

    [GeneratedRegex(@"^(how|what|whats|when|where|which|who|why|is|are|can|could|do|does|did|will|would|should|must|may|and|so|then|also|if)$")]
    private static partial Regex QuestionOpening();

    [GeneratedRegex(@"(办事指南)?（示例）$")]
    private static partial Regex ChineseTitleSuffix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\(sample\)|\bGuide\b")]
    private static partial Regex EnglishTitleFiller();
}
