using System.Text;
using ServiceBot.Text;

namespace ServiceBot.Understanding.Intents;

/// <summary>
/// Latin-script words as features: lower case, apostrophes dropped (hasn't → hasnt), digit runs folded to '0'
/// (HF20260001 → hf0), and plurals stemmed (insurances → insurance, stations → station, cities → city), so the
/// singular and plural of a word are one feature.
/// </summary>
public static class LatinWords
{
    public static List<string> Stems(string text)
    {
        var stems = new List<string>();
        var word = new StringBuilder();
        foreach (var c in TextNormalizer.Normalize(text) + " ")
        {
            if (char.IsDigit(c))
            {
                if (word.Length == 0 || word[^1] != '0') word.Append('0');
            }
            else if (char.IsLetter(c)) word.Append(c);
            else if (c is '\'' or '’' && word.Length > 0) continue;
            else if (word.Length > 0)
            {
                stems.Add(Stem(word.ToString()));
                word.Clear();
            }
        }
        return stems;
    }

    /// <summary>The singular of a regular English plural; other words unchanged.</summary>
    public static string Stem(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length > 4 && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
                                || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
            return word[..^2];
        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i')) return word[..^1];
        return word;
    }
}
