using ServiceBot.Text;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Understanding.Dialog;

/// <summary>
/// A user asking to have their own records deleted (删除我的记录, 清除我的数据), from the phrases in data-erasure.txt.
/// A question about the law on deletion is not a request: it is answered from the knowledge base.
/// </summary>
public sealed class ErasureRequestDetector
{
    private readonly IReadOnlyList<string> _requests;
    private readonly IReadOnlyList<string> _fillers;
    private readonly IReadOnlyList<string> _aboutLaw;
    private readonly IReadOnlyList<string> _confirmations;

    public ErasureRequestDetector(PhraseSets phrases)
    {
        _requests = phrases["request"];
        _fillers = phrases["filler"];
        _aboutLaw = phrases["about-law"];
        _confirmations = phrases["confirm"];
    }

    public static ErasureRequestDetector CreateDefault() => new(PhraseSets.Parse(UnderstandingData.ReadLexicon("data-erasure.txt")));

    public bool IsRequest(string text)
    {
        var compact = _fillers.Aggregate(Compact(text), (current, filler) => current.Replace(filler, "", StringComparison.Ordinal));
        return _requests.Any(compact.Contains) && !_aboutLaw.Any(compact.Contains);
    }

    /// <summary>确认删除 and the like; a plain yes is a <see cref="DialogAct.Affirm"/>, and a no must be checked first.</summary>
    public bool IsConfirmation(string text) => _confirmations.Any(Compact(text).Contains);

    private static string Compact(string text) => new(TextNormalizer.Normalize(text).Where(char.IsLetterOrDigit).ToArray());
}
