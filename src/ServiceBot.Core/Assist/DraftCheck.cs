using ServiceBot.Answers;

namespace ServiceBot.Assist;

/// <summary>What a draft reply is flagged for before an agent sends it.</summary>
public static class DraftFlagKinds
{
    /// <summary>A full ID, bank card, phone or passport number.</summary>
    public const string PersonalData = "personal_data";

    /// <summary>A deadline, amount or condition that contradicts the cited clause.</summary>
    public const string Contradiction = "contradiction";
}

/// <param name="Excerpt">The part of the draft that raised the flag (personal data in it is masked).</param>
public sealed record DraftFlag(string Kind, string Message, string? Excerpt);

/// <summary>Checks an agent's draft against personal-data rules and the policy it cites; the agent may still send.</summary>
public interface IDraftChecker
{
    Task<IReadOnlyList<DraftFlag>> CheckAsync(string draft, IReadOnlyList<Citation> citations, CancellationToken cancellationToken);
}
