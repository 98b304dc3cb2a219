namespace ServiceBot.Text;

/// <summary>
/// Folds an English plural to its singular (Harman's S-stemmer): stations → station, companies → company, fees → fee.
/// Index and query words both pass through it, so a question asking about "stations" finds a section that says "station".
/// Only plurals are folded: verb endings (-ing, -ed) change too many stems for the handful of English guides.
/// </summary>
public static class EnglishPlural
{
    /// <summary>The singular of a lower-case English word; any other word unchanged.</summary>
    public static string Singular(string word)
    {
        if (word.Length < 4 || !IsLowerAscii(word) || word[^1] != 's') return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
            return word[..^3] + "y";
        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal)
            && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
            return word[..^1];
        // bus, address, basis, status: not plurals.
        if (word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal))
            return word;
        return word[..^1];
    }

    private static bool IsLowerAscii(string word)
    {
        foreach (var c in word)
            if (!char.IsAsciiLetterLower(c)) return false;
        return true;
    }
}
