using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Answers.Refusal;

/// <summary>
/// The cities and platforms a question names (杭州, 深圳, 美团, 滴滴). The knowledge states national rules and a sample
/// guide, not a named city's or platform's own rule, figure or office, so a clause that does not name the city or platform
/// the question asks about answers at most the general rule: a sign, for the refusal model, that the question asks
/// something the clause does not say. Read from the lexicons slot extraction uses (knowledge/lexicons).
/// </summary>
public static class NamedPlaces
{
    private static readonly Lazy<SlotLexicons> Lexicons = new(SlotLexicons.LoadDefault);

    /// <summary>True when <paramref name="question"/> names a city or a platform that <paramref name="normalizedClause"/> does not.</summary>
    /// <param name="normalizedClause">The clause text as <see cref="TextNormalizer.Normalize"/> folds it.</param>
    public static bool NamesOneTheClauseLacks(string question, string normalizedClause)
    {
        var text = TextNormalizer.Normalize(question);
        var lexicons = Lexicons.Value;
        foreach (var mention in lexicons.Cities.FindAll(text))
        {
            var surface = text.Substring(mention.Start, mention.Length);
            if (!normalizedClause.Contains(surface, StringComparison.Ordinal) && !normalizedClause.Contains(mention.City, StringComparison.Ordinal)
                && !normalizedClause.Contains(mention.City.TrimEnd('市'), StringComparison.Ordinal))
                return true;
        }
        foreach (var match in lexicons.Platforms.FindAll(text))
        {
            var named = lexicons.Platforms.AliasesOf(match.Canonical).Append(match.Canonical).Append(text.Substring(match.Start, match.Length));
            if (!named.Any(name => normalizedClause.Contains(TextNormalizer.Normalize(name), StringComparison.Ordinal))) return true;
        }
        return false;
    }
}
