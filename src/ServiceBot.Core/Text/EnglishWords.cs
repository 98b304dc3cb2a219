namespace ServiceBot.Text;

/// <summary>Finds an English word in normalised text as a word, never inside another one.</summary>
public static class EnglishWords
{
    // A word counts with an inflection (fee → fees, apply → applying, rest → resting) but not inside another word:
    // car is not in card, rent is not in parent, rest is not in restaurant or interest.
    private static readonly string[] Inflections = ["s", "es", "ed", "ing", "er", "ers", "al", "ly"];

    /// <summary>Whether <paramref name="word"/> (lower case) stands in <paramref name="text"/> (normalised) as a word or an inflection of it.</summary>
    public static bool Contains(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && char.IsAsciiLetterOrDigit(text[at - 1])) continue;
            var end = at + word.Length;
            var tail = end;
            while (tail < text.Length && char.IsAsciiLetter(text[tail])) tail++;
            if (tail == end) return true;
            var suffix = text.AsSpan(end, tail - end);
            foreach (var inflection in Inflections)
                if (suffix.SequenceEqual(inflection)) return true;
        }
        return false;
    }
}
