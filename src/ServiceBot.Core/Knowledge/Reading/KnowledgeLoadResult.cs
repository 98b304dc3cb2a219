namespace ServiceBot.Knowledge.Reading;

/// <summary>Documents read from a folder, and the files that could not be read.</summary>
public sealed record KnowledgeLoadResult(IReadOnlyList<KnowledgeDocument> Documents, IReadOnlyList<KnowledgeFormatException> Failures);
