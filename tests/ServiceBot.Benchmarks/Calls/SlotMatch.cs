using System.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Benchmarks.Calls;

/// <summary>The README's comparison: pattern slots exactly, free-text slots by the key-phrase rule.</summary>
public static class SlotMatch
{
    public static bool IsCorrect(string slotId, string expected, string? predicted)
    {
        if (predicted is null) return false;
        if (!SlotIds.FreeText.Contains(slotId)) return predicted == expected;
        var phrase = Compact(expected);
        var value = Compact(predicted);
        return value.Contains(phrase, StringComparison.Ordinal) && value.Length <= Math.Max(3 * phrase.Length, phrase.Length + 20);
    }

    /// <summary>Spaces and punctuation removed.</summary>
    private static string Compact(string text)
    {
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c)) compact.Append(c);
        return compact.ToString();
    }
}
