using System.Globalization;

namespace ServiceBot.Localization;

/// <summary>
/// Picks the language of one message from its share of Latin letters against CJK characters. Messages that carry no
/// language of their own (digits, ID and ticket numbers, ok / yes / no, a Chinese company name amid few English words)
/// keep the conversation's current language.
/// </summary>
public static class LanguageDetector
{
    // One Han character carries about as much as a short English word; weighting it keeps 在邯郸 from outvoting "Where can I rest".
    private const double HanWeight = 2.5;
    private const double EnglishShare = 0.6;
    private const double ChineseShare = 0.25;

    /// <summary>Words every language uses alike; they never switch the conversation's language.</summary>
    private static readonly HashSet<string> NeutralWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ok", "okay", "yes", "no", "y", "n",
    };

    /// <param name="current">The conversation's language so far (<see cref="BotLanguages"/>).</param>
    public static string Detect(string text, string current)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (latin, han) = Count(text);
        if (latin == 0 && han == 0) return current;
        var share = latin / (latin + HanWeight * han);
        return share >= EnglishShare ? BotLanguages.English
            : share <= ChineseShare ? BotLanguages.Chinese
            : current;
    }

    /// <summary>Latin letters in words (not in tokens mixed with digits, such as PK1234567) and CJK characters.</summary>
    private static (int Latin, int Han) Count(string text)
    {
        int latin = 0, han = 0;
        var position = 0;
        while (position < text.Length)
        {
            var c = text[position];
            if (IsHan(c)) { han++; position++; continue; }
            if (!char.IsAsciiLetterOrDigit(c)) { position++; continue; }

            // A token of ASCII letters, digits and inner dashes: a word counts, an ID or ticket number does not.
            var start = position;
            var hasDigit = false;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '-' || text[position] == '\''))
                hasDigit |= char.IsAsciiDigit(text[position++]);
            var token = text[start..position];
            if (!hasDigit && !NeutralWords.Contains(token)) latin += token.Count(char.IsAsciiLetter);
        }
        return (latin, han);
    }

    private static bool IsHan(char c)
        => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
