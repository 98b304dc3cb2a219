namespace ServiceBot.Text.Spelling;

/// <summary>
/// A real word that users type for a domain term it sounds like, replaced only in the right company:
/// 工商 is read as 工伤 when the message also says 摔/受伤/认定, and never when it says 营业执照/注册/个体户.
/// </summary>
/// <param name="Typed">The word as typed (a word in its own right, so the phonetic corrector leaves it alone).</param>
/// <param name="Intended">The domain term it stands for.</param>
/// <param name="When">At least one of these must occur in the message.</param>
/// <param name="Unless">None of these may occur in the message.</param>
public sealed record ContextualCorrection(string Typed, string Intended, IReadOnlyList<string> When, IReadOnlyList<string> Unless)
{
    public bool AppliesTo(string message)
        => When.Any(word => message.Contains(word, StringComparison.Ordinal))
           && !Unless.Any(word => message.Contains(word, StringComparison.Ordinal));
}
