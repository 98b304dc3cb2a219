using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Understanding.Dialog;

/// <summary>
/// Cancel / deny / affirm from the phrase lists in dialog-acts.txt. Cancel wins over deny, and deny over
/// affirm, because 不对 contains 对. An affirmation must be made of affirmation phrases only (好的，提交吧),
/// so a sentence that merely contains 好 or 是 is not a yes.
/// </summary>
public sealed class DialogActDetector
{
    private static readonly string Particles = "啊吧呀哈嘛呢哦噢喔啦了的哟";
    private readonly IReadOnlyList<string> _cancel;
    private readonly IReadOnlyList<string> _deny;
    private readonly IReadOnlyList<string> _affirm;

    public DialogActDetector(PhraseSets phrases)
    {
        _cancel = phrases["cancel"];
        _deny = phrases["deny"];
        _affirm = phrases["affirm"].OrderByDescending(p => p.Length).ToList();
    }

    public static DialogActDetector CreateDefault() => new(PhraseSets.Parse(UnderstandingData.ReadLexicon("dialog-acts.txt")));

    public DialogAct Detect(string text)
    {
        var compact = Compact(text);
        if (compact.Length == 0) return DialogAct.None;
        if (_cancel.Any(compact.Contains)) return DialogAct.Cancel;
        if (_deny.Any(p => compact.StartsWith(p, StringComparison.Ordinal) || p.Length >= 2 && ContainsOutsideQuestion(compact, p)))
            return DialogAct.Deny;
        return IsMadeOfAffirmations(compact) ? DialogAct.Affirm : DialogAct.None;
    }

    public bool IsCancel(string text) => Detect(text) == DialogAct.Cancel;

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

    private static string Compact(string text)
        => new(TextNormalizer.Normalize(text).Where(c => char.IsLetterOrDigit(c)).ToArray());
}
