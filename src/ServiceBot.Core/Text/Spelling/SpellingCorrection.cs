namespace ServiceBot.Text.Spelling;

/// <summary>One replaced span: what the user typed at <paramref name="Start"/> and the domain term it was read as.</summary>
public sealed record SpellingCorrection(int Start, string Typed, string Corrected);

/// <summary>A message after spelling correction, with what was changed so that answers can say 您问的是“社保”.</summary>
/// <param name="Original">The message as typed.</param>
/// <param name="Text">The message with every correction applied (same length when no correction changes length).</param>
public sealed record CorrectedText(string Original, string Text, IReadOnlyList<SpellingCorrection> Corrections)
{
    public bool IsChanged => Corrections.Count > 0;

    public static CorrectedText Unchanged(string text) => new(text, text, []);
}
