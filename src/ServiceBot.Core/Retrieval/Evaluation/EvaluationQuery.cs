namespace ServiceBot.Retrieval.Evaluation;

/// <summary>A judged query: the ids in <paramref name="Relevant"/> are the documents a perfect ranker returns.</summary>
public sealed record EvaluationQuery(string Id, string Query, IReadOnlyList<string> Relevant);
