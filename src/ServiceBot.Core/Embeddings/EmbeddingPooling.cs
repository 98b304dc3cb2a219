namespace ServiceBot.Embeddings;

/// <summary>How token states are reduced to one sentence vector.</summary>
public enum EmbeddingPooling
{
    /// <summary>Average of the token states under the attention mask (sentence-transformers default).</summary>
    Mean,

    /// <summary>The state of the leading [CLS] token (what bge models are trained for).</summary>
    Cls,
}
