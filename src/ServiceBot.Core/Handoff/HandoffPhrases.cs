using ServiceBot.Text;
using ServiceBot.Understanding;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Handoff;

/// <summary>Distress topics and ways of going back to the bot, from <c>knowledge/lexicons/handoff.txt</c>.</summary>
public sealed class HandoffPhrases(PhraseSets phrases)
{
    // 不用了 means "back to the bot" only as a short reply; inside a long message it is part of something else.
    private const int MaxReturnLength = 12;

    private readonly IReadOnlyList<string> _distress = phrases["distress"];
    private readonly IReadOnlyList<string> _returnToBot = phrases["return_to_bot"];
    private readonly IReadOnlyList<string> _lookalikes = phrases["distress_lookalikes"];

    public static HandoffPhrases Default { get; } = new(PhraseSets.Parse(UnderstandingData.ReadLexicon("handoff.txt")));

    /// <summary>
    /// Whether the message speaks of danger or distress. Words that hold a distress phrase's characters with another meaning
    /// (被人打击报复 holds 被人打, 被老板打电话催 holds 被老板打) are taken out first.
    /// </summary>
    public bool IsDistress(string text)
    {
        var compact = _lookalikes.Aggregate(Compact(text), (rest, word) => rest.Replace(word, "|", StringComparison.Ordinal));
        return _distress.Any(p => compact.Contains(p, StringComparison.Ordinal));
    }

    public bool ReturnsToBot(string text)
    {
        var compact = Compact(text);
        return compact.Length <= MaxReturnLength && _returnToBot.Any(p => compact.Contains(p, StringComparison.Ordinal));
    }

    private static string Compact(string text)
        => new([.. TextNormalizer.Normalize(text).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c))]);
}
