using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Understanding.Dialog;

/// <summary>
/// Cancel / deny / affirm from the phrase lists in dialog-acts.txt. Cancel wins over deny, and deny over
/// affirm, because 不对 contains 对. An affirmation must be made of affirmation phrases only (好的，提交吧),
/// so a sentence that merely contains 好 or 是 is not a yes.
/// A message without Chinese characters is read word by word against the <c>.en</c> sections: "stop" inside
/// "the bus stop" or "no" inside "phone number" says nothing, so a one-word phrase counts only in a short reply.
/// </summary>
public sealed class DialogActDetector
{
    private static readonly string Particles = "啊吧呀哈嘛呢哦噢喔啦了的哟";

    /// <summary>Replies up to this many words are short enough for a one-word phrase (no, stop) to be the whole point.</summary>
    private const int ShortReplyWords = 3;

    private readonly IReadOnlyList<string> _cancel;
    private readonly IReadOnlyList<string> _deny;
    private readonly IReadOnlyList<string> _affirm;
    private readonly IReadOnlyList<string[]> _englishCancel;
    private readonly IReadOnlyList<string[]> _englishDeny;
    private readonly IReadOnlyList<string[]> _englishAffirm;

    public DialogActDetector(PhraseSets phrases)
    {
        _cancel = phrases["cancel"];
        _deny = phrases["deny"];
        _affirm = phrases["affirm"].OrderByDescending(p => p.Length).ToList();
        _englishCancel = WordPhrases(phrases["cancel.en"]);
        _englishDeny = WordPhrases(phrases["deny.en"]);
        _englishAffirm = WordPhrases(phrases["affirm.en"]).OrderByDescending(p => p.Length).ToList();
    }

    public static DialogActDetector CreateDefault() => new(PhraseSets.Parse(UnderstandingData.ReadLexicon("dialog-acts.txt")));

    public DialogAct Detect(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (!normalized.Any(IsChinese) && Words(normalized) is { Length: > 0 } words) return DetectEnglish(words);

        var compact = Compact(normalized);
        if (compact.Length == 0) return DialogAct.None;
        if (SaysCancel(normalized)) return DialogAct.Cancel;
        if (_deny.Any(p => compact.StartsWith(p, StringComparison.Ordinal) || p.Length >= 2 && ContainsOutsideQuestion(compact, p)))
            return DialogAct.Deny;
        return IsMadeOfAffirmations(compact) ? DialogAct.Affirm : DialogAct.None;
    }

    public bool IsCancel(string text) => Detect(text) == DialogAct.Cancel;

    /// <summary>
    /// A cancel phrase that is most of a clause (这个先不办了), in a short message or opening or closing a longer one, or that
    /// opens the message or closes it (算了算了我不办了以后再说吧, 填了半天太麻烦了不办了).
    /// Told inside a story (它就直接退出了, 取消了的话还能再申请吗) the phrase narrates or asks; it does not call anything off.
    /// </summary>
    private bool SaysCancel(string normalized)
    {
        var clauses = normalized.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries).Select(Compact).Where(c => c.Length > 0).ToList();
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var edge = clauses.Count <= 2 || i == 0 || i == clauses.Count - 1;
            var trimmed = clause.TrimEnd(ParticleChars);
            if (edge && _cancel.Any(p => clause.Contains(p, StringComparison.Ordinal) && clause.Length <= p.Length + CancelClauseSlack
                    || i == 0 && clause.StartsWith(p, StringComparison.Ordinal)
                    || i == clauses.Count - 1 && trimmed.EndsWith(p, StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    /// <summary>Characters a clause may hold beside its cancel phrase (那这个先不办了吧).</summary>
    private const int CancelClauseSlack = 4;

    private static readonly char[] ParticleChars = Particles.ToCharArray();

    private static readonly char[] ClauseBreaks = [',', '，', '。', '.', '!', '！', '?', '？', ';', '；', ' ', '\n', '~', '、'];

    private DialogAct DetectEnglish(string[] words)
    {
        if (_englishCancel.Any(p => Says(words, p))) return DialogAct.Cancel;
        if (_englishDeny.Any(p => Says(words, p))) return DialogAct.Deny;
        return IsMadeOf(words, _englishAffirm) ? DialogAct.Affirm : DialogAct.None;
    }

    /// <summary>A phrase of several words anywhere; a one-word phrase only in a short reply.</summary>
    private static bool Says(string[] words, string[] phrase)
        => (phrase.Length > 1 || words.Length <= ShortReplyWords) && IndexOf(words, phrase, 0) >= 0;

    private static int IndexOf(string[] words, string[] phrase, int from)
    {
        for (var i = from; i + phrase.Length <= words.Length; i++)
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase)) return i;
        return -1;
    }

    private static bool IsMadeOf(string[] words, IReadOnlyList<string[]> phrases)
    {
        var position = 0;
        while (position < words.Length)
        {
            var phrase = phrases.FirstOrDefault(p => position + p.Length <= words.Length && words.AsSpan(position, p.Length).SequenceEqual(p));
            if (phrase is null) return false;
            position += phrase.Length;
        }
        return true;
    }

    // 是不是 / 对不对 ask a question; they do not say no.
    private static bool ContainsOutsideQuestion(string text, string phrase)
    {
        for (var i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + 1, StringComparison.Ordinal))
            if (i == 0 || text[i - 1] != phrase[^1]) return true;
        return false;
    }

    private bool IsMadeOfAffirmations(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            if (Particles.Contains(text[position])) { position++; continue; }
            var phrase = _affirm.FirstOrDefault(p => string.CompareOrdinal(text, position, p, 0, p.Length) == 0);
            if (phrase is null) return false;
            position += phrase.Length;
        }
        return true;
    }

    private static IReadOnlyList<string[]> WordPhrases(IReadOnlyList<string> phrases) => [.. phrases.Select(Words).Where(w => w.Length > 0)];

    /// <summary>Lower-case words; an apostrophe splits (don't → don t), as the phrase lists write them.</summary>
    private static string[] Words(string normalized)
        => normalized.Split(NonWord, StringSplitOptions.RemoveEmptyEntries);

    private static readonly char[] NonWord = [' ', ',', '.', '!', '?', ';', ':', '\'', '"', '-', '(', ')', '~', '\t', '\n', '\r'];

    private static bool IsChinese(char c) => c is >= '\u3400' and <= '\u9FFF';

    private static string Compact(string normalized)
        => new(normalized.Where(c => char.IsLetterOrDigit(c)).ToArray());
}
