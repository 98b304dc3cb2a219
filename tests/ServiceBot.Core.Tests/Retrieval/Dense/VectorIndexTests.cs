using System.Numerics.Tensors;
using ServiceBot.Retrieval.Dense;

namespace ServiceBot.Tests.Retrieval.Dense;

public sealed class VectorIndexTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("servicebot-index-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Search_RandomData_MatchesBruteForceRanking()
    {
        var random = new Random(20240601);
        var vectors = Enumerable.Range(0, 500).Select(_ => RandomVector(random, 48)).ToArray();
        var index = VectorIndex.Build(vectors.Select((v, i) => ($"doc-{i}", (ReadOnlyMemory<float>)v)));

        for (var q = 0; q < 20; q++)
        {
            var query = RandomVector(random, 48);
            var expected = vectors
                .Select((v, i) => (Id: $"doc-{i}", Score: TensorPrimitives.CosineSimilarity(v, query)))
                .OrderByDescending(h => h.Score)
                .Take(10)
                .ToList();

            var hits = index.Search(query, 10);

            Assert.Equal(expected.Select(h => h.Id), hits.Select(h => h.Id));
            Assert.All(hits.Zip(expected), p => Assert.Equal(p.Second.Score, p.First.Score, 1e-5f));
        }
    }

    [Fact]
    public void Search_TopExceedsCount_ReturnsEveryVectorBestFirst()
    {
        var index = new VectorIndex(2);
        index.Add("east", [1, 0]);
        index.Add("north", [0, 3]);
        index.Add("north-east", [5, 5]);

        var hits = index.Search([1, 0.1f], 10);

        Assert.Equal(["east", "north-east", "north"], hits.Select(h => h.Id));
        Assert.True(hits[0].Score > hits[1].Score && hits[1].Score > hits[2].Score);
    }

    [Fact]
    public void Search_EqualScores_KeepInsertionOrder()
    {
        var index = new VectorIndex(2);
        foreach (var id in new[] { "a", "b", "c", "d" }) index.Add(id, [1, 1]);

        Assert.Equal(["a", "b"], index.Search([2, 2], 2).Select(h => h.Id));
    }

    [Fact]
    public void Add_UnnormalisedVector_ScoresAsCosine()
    {
        var index = new VectorIndex(3);
        index.Add("x", [10, 0, 0]);

        var hit = Assert.Single(index.Search([0.5f, 0, 0], 1));

        Assert.Equal(1f, hit.Score, 1e-6f);
    }

    [Fact]
    public void Search_EmptyIndex_ReturnsNothing()
    {
        Assert.Empty(new VectorIndex(4).Search([1, 2, 3, 4], 5));
    }

    [Fact]
    public void Search_TopZero_ReturnsNothing()
    {
        var index = new VectorIndex(1);
        index.Add("a", [1]);

        Assert.Empty(index.Search([1], 0));
    }

    [Fact]
    public void Add_InvalidInput_Throws()
    {
        var index = new VectorIndex(2);
        index.Add("a", [1, 0]);

        Assert.Throws<ArgumentException>(() => index.Add("a", [0, 1]));
        Assert.Throws<ArgumentException>(() => index.Add("b", [1, 0, 0]));
        Assert.Throws<ArgumentException>(() => index.Add("c", [0, 0]));
        Assert.Throws<ArgumentException>(() => index.Add("d", [float.NaN, 1]));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Search_QueryOfWrongSize_Throws()
    {
        var index = new VectorIndex(2);

        Assert.Throws<ArgumentException>(() => index.Search([1, 0, 0], 1));
    }

    [Fact]
    public void SaveLoad_RoundTrip_PreservesIdsVectorsAndRanking()
    {
        var random = new Random(7);
        var index = new VectorIndex(16);
        for (var i = 0; i < 100; i++) index.Add(i % 2 == 0 ? $"第{i}条" : $"clause-{i}", RandomVector(random, 16));
        var path = Path.Combine(_folder, "index.bin");

        index.Save(path);
        var loaded = VectorIndex.Load(path);

        Assert.Equal(index.Count, loaded.Count);
        Assert.Equal(index.Dimensions, loaded.Dimensions);
        for (var q = 0; q < 5; q++)
        {
            var query = RandomVector(random, 16);
            Assert.Equal(index.Search(query, 100), loaded.Search(query, 100));
        }
        loaded.Add("new", RandomVector(random, 16));
        Assert.Equal(101, loaded.Count);
    }

    [Fact]
    public void SaveLoad_EmptyIndex_RoundTrips()
    {
        var path = Path.Combine(_folder, "empty.bin");

        new VectorIndex(8).Save(path);
        var loaded = VectorIndex.Load(path);

        Assert.Equal(0, loaded.Count);
        Assert.Equal(8, loaded.Dimensions);
    }

    [Fact]
    public void Save_Layout_IsMagicVersionDimensionsCountLittleEndian()
    {
        var index = new VectorIndex(2);
        index.Add("a", [3, 4]);
        var path = Path.Combine(_folder, "layout.bin");

        index.Save(path);
        var bytes = File.ReadAllBytes(path);

        Assert.Equal("SBVI"u8.ToArray(), bytes[..4]);
        Assert.Equal([1, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0], bytes[4..16]);
        Assert.Equal([1, (byte)'a'], bytes[16..18]);
        Assert.Equal(0.6f, BitConverter.ToSingle(bytes, 18));
        Assert.Equal(0.8f, BitConverter.ToSingle(bytes, 22));
        Assert.Equal(26, bytes.Length);
    }

    [Fact]
    public void Load_WrongMagic_ThrowsInvalidData()
    {
        var path = SavedIndex();
        var bytes = File.ReadAllBytes(path);
        bytes[0] = (byte)'X';
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => VectorIndex.Load(path));

        Assert.Contains("magic", error.Message);
    }

    [Fact]
    public void Load_UnknownVersion_ThrowsInvalidData()
    {
        var path = SavedIndex();
        var bytes = File.ReadAllBytes(path);
        bytes[4] = 9;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => VectorIndex.Load(path));

        Assert.Contains("version 9", error.Message);
    }

    [Fact]
    public void Load_TruncatedAtAnyByte_ThrowsInvalidData()
    {
        var path = SavedIndex();
        var bytes = File.ReadAllBytes(path);
        var cut = Path.Combine(_folder, "cut.bin");

        for (var length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(cut, bytes[..length]);
            Assert.Throws<InvalidDataException>(() => VectorIndex.Load(cut));
        }
    }

    [Fact]
    public void Load_TrailingBytes_ThrowsInvalidData()
    {
        var path = SavedIndex();
        File.AppendAllText(path, "junk");

        Assert.Throws<InvalidDataException>(() => VectorIndex.Load(path));
    }

    [Fact]
    public async Task Search_ConcurrentWithAdd_AlwaysSeesConsistentRows()
    {
        var index = new VectorIndex(8);
        var random = new Random(3);
        var vectors = Enumerable.Range(0, 2000).Select(_ => RandomVector(random, 8)).ToArray();
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var searches = 0;
            while (!done.IsCancellationRequested || searches == 0)
            {
                var id = index.Count - 1;
                if (id < 0) continue;
                // Every visible row must be complete: a stored vector is its own best match.
                var hit = index.Search(vectors[id], 1)[0];
                Assert.Equal(1f, hit.Score, 1e-5f);
                searches++;
            }
        })).ToArray();
        for (var i = 0; i < vectors.Length; i++) index.Add(i.ToString(), vectors[i]);
        done.Cancel();

        await Task.WhenAll(readers);
        Assert.Equal(vectors.Length, index.Count);
    }

    private string SavedIndex()
    {
        var index = new VectorIndex(3);
        index.Add("一", [1, 2, 3]);
        index.Add("two", [3, 2, 1]);
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".bin");
        index.Save(path);
        return path;
    }

    private static float[] RandomVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
        return vector;
    }
}
