using ServiceBot.Answers;

namespace ServiceBot.Core.Tests.Answers.Refusal;

/// <summary>Query terms as the grounding scorer would give them, each word its own only form.</summary>
internal static class QueryTermsFixture
{
    public static IReadOnlyList<QueryTerm> Of(params (string Word, float Weight)[] words)
        => [.. words.Select(w => new QueryTerm(w.Word, w.Weight, [w.Word], false))];
}
