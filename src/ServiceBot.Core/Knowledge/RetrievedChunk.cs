using ServiceBot.Knowledge.Chunking;

namespace ServiceBot.Knowledge;

/// <summary>A chunk found for a query.</summary>
/// <param name="Score">The ranking score: lexical BM25-based, or the fused RRF score when dense retrieval is on.</param>
/// <param name="Rank">0-based position in the result list.</param>
public sealed record RetrievedChunk(KnowledgeChunk Chunk, float Score, int Rank);
