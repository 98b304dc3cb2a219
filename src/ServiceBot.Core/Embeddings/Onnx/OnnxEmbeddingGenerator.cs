using System.Text.Json;
using FastBertTokenizer;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using System.Numerics.Tensors;

namespace ServiceBot.Embeddings.Onnx;

/// <summary>
/// Runs a local BERT-style sentence encoder (e.g. all-MiniLM-L6-v2, bge-small-zh) from a folder holding
/// <c>model.onnx</c> and <c>vocab.txt</c>. Output vectors are pooled and L2-normalised. Safe for concurrent calls.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    // BertTokenizer is not documented as thread-safe, so encoding is serialised; inference (InferenceSession.Run) is not.
    private readonly Lock _tokenizerLock = new();
    private readonly OnnxEmbeddingGeneratorOptions _options;
    private readonly string _outputName;
    private readonly bool _feedsAttentionMask;
    private readonly bool _feedsTokenTypeIds;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private volatile bool _disposed;

    /// <param name="modelFolder">Folder with <c>model.onnx</c> and <c>vocab.txt</c>; its name becomes the model id.</param>
    public OnnxEmbeddingGenerator(string modelFolder, OnnxEmbeddingGeneratorOptions? options = null)
    {
        var folder = OnnxModelFolder.Require(modelFolder);
        _options = options ?? new OnnxEmbeddingGeneratorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxTokens, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));

        var lowerCase = _options.LowerCase ?? ReadDoLowerCase(folder) ?? true;
        using (var vocab = File.OpenText(Path.Combine(folder, OnnxModelFolder.VocabFile)))
            _tokenizer.LoadVocabulary(vocab, lowerCase);

        _session = new InferenceSession(Path.Combine(folder, OnnxModelFolder.ModelFile));
        var inputs = _session.InputMetadata;
        if (!inputs.ContainsKey(InputIds))
        {
            _session.Dispose();
            throw new InvalidOperationException($"ONNX model '{folder}' has no '{InputIds}' input; inputs are: {string.Join(", ", inputs.Keys)}.");
        }
        _feedsAttentionMask = inputs.ContainsKey(AttentionMask);
        _feedsTokenTypeIds = inputs.ContainsKey(TokenTypeIds);

        // Token-level output [batch, sequence, hidden]; sentence-transformers exports call it
        // last_hidden_state or token_embeddings.
        var output = _session.OutputMetadata
            .Where(o => o.Value.Dimensions.Length == 3)
            .OrderByDescending(o => o.Key is "last_hidden_state" or "token_embeddings")
            .FirstOrDefault();
        if (output.Key is null)
        {
            _session.Dispose();
            throw new InvalidOperationException($"ONNX model '{folder}' has no [batch, sequence, hidden] output to pool.");
        }
        _outputName = output.Key;
        var dimensions = output.Value.Dimensions[2] > 0 ? output.Value.Dimensions[2] : Embed(["a"])[0].Length;
        if (_options.Dimensions is { } expected && expected != dimensions)
        {
            _session.Dispose();
            throw new InvalidOperationException($"ONNX model '{folder}' produces {dimensions}-dimensional vectors, but {expected} were configured.");
        }

        _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(folder), Path.GetFileName(folder), dimensions);
    }

    public int Dimensions => _metadata.DefaultModelDimensions!.Value;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } requested && requested != Dimensions)
            throw new NotSupportedException($"This ONNX model produces {Dimensions}-dimensional vectors; {requested} were requested.");

        var texts = values as IList<string> ?? values.ToList();
        var vectors = Embed(texts, cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
            result.Add(new Embedding<float>(vector) { ModelId = _metadata.DefaultModelId, CreatedAt = created });
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return _metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Releases the native session; callers must not dispose while calls are still running.</summary>
    public void Dispose()
    {
        _disposed = true;
        _session.Dispose();
    }

    private float[][] Embed(IList<string> texts, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var vectors = new float[texts.Count][];
        // Shortest first so each batch pads to a similar length.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i]?.Length ?? 0).ToArray();
        for (var start = 0; start < order.Length; start += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start)).ToArray();
            var pooled = RunBatch(batch.Select(i => texts[i] ?? throw new ArgumentException("Input texts must not be null.", nameof(texts))).ToArray());
            for (var b = 0; b < batch.Length; b++) vectors[batch[b]] = pooled[b];
        }
        return vectors;
    }

    private float[][] RunBatch(string[] texts)
    {
        var max = _options.MaxTokens;
        var ids = new long[texts.Length * max];
        var mask = new long[texts.Length * max];
        var sequence = 1;
        lock (_tokenizerLock)
        {
            for (var b = 0; b < texts.Length; b++)
            {
                // With padTo the tokenizer fills pad ids but reports the padded length, so the mask gives the real one.
                var rowMask = mask.AsSpan(b * max, max);
                _tokenizer.Encode(texts[b], ids.AsSpan(b * max, max), rowMask, max);
                var length = rowMask.IndexOf(0L);
                sequence = Math.Max(sequence, length < 0 ? max : length);
            }
        }

        // Drop the padding columns beyond the longest input of this batch.
        var batchIds = Compact(ids, texts.Length, max, sequence);
        var batchMask = Compact(mask, texts.Length, max, sequence);
        long[] shape = [texts.Length, sequence];

        var names = new List<string> { InputIds };
        using var idsValue = OrtValue.CreateTensorValueFromMemory(batchIds, shape);
        var values = new List<OrtValue> { idsValue };
        using var maskValue = OrtValue.CreateTensorValueFromMemory(batchMask, shape);
        if (_feedsAttentionMask) { names.Add(AttentionMask); values.Add(maskValue); }
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[batchIds.Length], shape);
        if (_feedsTokenTypeIds) { names.Add(TokenTypeIds); values.Add(typesValue); }

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, [_outputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var size = hidden.Length / (texts.Length * sequence);

        var result = new float[texts.Length][];
        for (var b = 0; b < texts.Length; b++)
        {
            var vector = new float[size];
            var rows = hidden.Slice(b * sequence * size, sequence * size);
            if (_options.Pooling == EmbeddingPooling.Cls)
            {
                rows[..size].CopyTo(vector);
            }
            else
            {
                var count = 0;
                for (var t = 0; t < sequence; t++)
                {
                    if (batchMask[b * sequence + t] == 0) continue;
                    TensorPrimitives.Add(vector, rows.Slice(t * size, size), vector);
                    count++;
                }
                TensorPrimitives.Divide(vector, Math.Max(count, 1), vector);
            }
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
            result[b] = vector;
        }
        return result;
    }

    private static long[] Compact(long[] source, int rows, int stride, int width)
    {
        if (width == stride) return source;
        var target = new long[rows * width];
        for (var r = 0; r < rows; r++) source.AsSpan(r * stride, width).CopyTo(target.AsSpan(r * width, width));
        return target;
    }

    private static bool? ReadDoLowerCase(string folder)
    {
        var path = Path.Combine(folder, OnnxModelFolder.TokenizerConfigFile);
        if (!File.Exists(path)) return null;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.TryGetProperty("do_lower_case", out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
    }
}
