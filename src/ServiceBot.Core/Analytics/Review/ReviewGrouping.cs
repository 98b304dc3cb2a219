namespace ServiceBot.Analytics.Review;

/// <summary>
/// Groups review items by wording (<see cref="QuestionWording"/>): oldest first, an item joins the first group whose
/// founding wording it overlaps by at least the threshold, or founds a group of its own. Most frequent first, then most recent.
/// </summary>
public static class ReviewGrouping
{
    public static IReadOnlyList<ReviewGroup> Group(IEnumerable<ReviewItem> items, double threshold, int examplesPerGroup)
    {
        var groups = new List<(string Key, IReadOnlySet<string> Grams, List<ReviewItem> Items)>();
        foreach (var item in items.OrderBy(i => i.At))
        {
            var key = QuestionWording.Normalize(item.Question);
            if (key.Length == 0) continue;
            var grams = QuestionWording.Bigrams(key);
            var home = groups.FindIndex(g => g.Key == key || QuestionWording.Similarity(g.Grams, grams) >= threshold);
            if (home < 0) groups.Add((key, grams, [item]));
            else groups[home].Items.Add(item);
        }
        return groups
            .Select(g => new ReviewGroup(
                g.Key,
                g.Items[0].Question,
                g.Items.Count,
                g.Items.GroupBy(i => i.Kind).OrderByDescending(k => k.Count()).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key).ToList(),
                g.Items.SelectMany(i => i.Cited ?? []).Distinct(StringComparer.Ordinal).ToList(),
                g.Items[^1].At,
                g.Items.OrderByDescending(i => i.At).Take(examplesPerGroup).ToList()))
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastAt)
            .ToList();
    }

    /// <summary>Whether <paramref name="question"/> is worded like the normalised <paramref name="key"/>.</summary>
    public static bool Matches(string question, string key, double threshold)
    {
        var normalized = QuestionWording.Normalize(question);
        return normalized == key || QuestionWording.Similarity(QuestionWording.Bigrams(normalized), QuestionWording.Bigrams(key)) >= threshold;
    }
}
