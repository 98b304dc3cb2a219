using System.ComponentModel.DataAnnotations;

namespace ServiceBot.Embeddings;

/// <summary>Settings bound from the <c>Embeddings</c> configuration section.</summary>
public sealed class EmbeddingsOptions
{
    public const string SectionName = "Embeddings";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.None;

    /// <summary>
    /// Base address of the service. For openai it includes the API version segment
    /// (e.g. <c>https://api.openai.com/v1</c>, the default when empty); for ollama e.g. <c>http://localhost:11434</c>.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Model name as the remote service knows it.</summary>
    public string? Model { get; set; }

    /// <summary>Bearer key for openai; supply it through configuration (user secrets, environment), never in code.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Folder holding <c>model.onnx</c> and <c>vocab.txt</c> for the onnx provider.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Requested vector size: sent to openai, checked against the model output for onnx.</summary>
    [Range(1, 65536, ErrorMessage = "Embeddings:Dimensions must be between {1} and {2}.")]
    public int? Dimensions { get; set; }

    /// <summary>Token budget per input for onnx, including [CLS] and [SEP]; longer inputs are truncated.</summary>
    [Range(2, 8192, ErrorMessage = "Embeddings:MaxTokens must be between {1} and {2}.")]
    public int MaxTokens { get; set; } = 512;

    /// <summary>Pooling for onnx.</summary>
    [EnumDataType(typeof(EmbeddingPooling), ErrorMessage = "Embeddings:Pooling must be Mean or Cls.")]
    public EmbeddingPooling Pooling { get; set; } = EmbeddingPooling.Mean;
}
