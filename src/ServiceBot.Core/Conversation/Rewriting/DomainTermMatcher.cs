namespace ServiceBot.Conversation.Rewriting;

/// <summary>
/// Finds the domain words a message names, longest first and without overlaps, so 社会保险关系转移接续 is one topic and
/// not also 社会保险 and 转移接续. Used to tell what a message is about (the topic a follow-up carries over, the subject a
/// long message's story names) without segmenting it.
/// </summary>
public sealed class DomainTermMatcher
{
    private readonly string[] _terms;

    /// <param name="domainTerms">Terms that name a topic (the dictionary's terms and synonym-group members).</param>
    public DomainTermMatcher(IEnumerable<string> domainTerms)
        => _terms = domainTerms.Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length).ToArray();

    /// <summary>The domain words in <paramref name="text"/>, in the order they occur, each once.</summary>
    public IReadOnlyList<string> Find(string text)
    {
        var found = new List<(int At, string Term)>();
        var taken = new bool[text.Length];
        foreach (var term in _terms)
        {
            for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                if (Enumerable.Range(at, term.Length).Any(i => taken[i])) continue;
                for (var i = at; i < at + term.Length; i++) taken[i] = true;
                found.Add((at, term));
            }
        }
        return found.OrderBy(f => f.At).Select(f => f.Term).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when <paramref name="text"/> names any domain word.</summary>
    public bool AnyIn(string text)
    {
        foreach (var term in _terms)
            if (text.Contains(term, StringComparison.Ordinal)) return true;
        return false;
    }
}
