namespace ServiceBot.Embeddings.Onnx;

/// <summary>Tuning for <see cref="OnnxEmbeddingGenerator"/>.</summary>
public sealed record OnnxEmbeddingGeneratorOptions
{
    /// <summary>Token budget per input including [CLS] and [SEP]; longer inputs are truncated.</summary>
    public int MaxTokens { get; init; } = 512;

    public EmbeddingPooling Pooling { get; init; } = EmbeddingPooling.Mean;

    /// <summary>Inputs per inference call; bounds memory at MaxTokens x BatchSize x hidden size.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>
    /// Lowercase input before WordPiece. Null reads <c>do_lower_case</c> from <c>tokenizer_config.json</c>
    /// when the folder has one, otherwise assumes an uncased model.
    /// </summary>
    public bool? LowerCase { get; init; }

    /// <summary>Expected output size; construction fails when the model disagrees.</summary>
    public int? Dimensions { get; init; }
}
