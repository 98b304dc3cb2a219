namespace ServiceBot.Embeddings;

/// <summary>Which backend produces dense embeddings.</summary>
public enum EmbeddingProvider
{
    /// <summary>No dense embeddings; retrieval stays lexical only.</summary>
    None,

    /// <summary>OpenAI or any OpenAI-compatible <c>/embeddings</c> endpoint.</summary>
    OpenAI,

    /// <summary>A local or remote Ollama server.</summary>
    Ollama,

    /// <summary>A local BERT-style ONNX model folder run in-process.</summary>
    Onnx,
}
