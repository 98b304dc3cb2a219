using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval.Lexical;

namespace ServiceBot.Core.Tests.Retrieval.Lexical.Storage;

public unsafe class PostingsCodecTests
{
    /// <summary>Ascending documents with gaps from 1 to about a million, the last one the highest id there can be.</summary>
    private static (int[] Documents, int[] Frequencies) Postings(int count, int seed)
    {
        var random = new Random(seed);
        var documents = new int[count];
        var frequencies = new int[count];
        var document = -1;
        for (var i = 0; i < count; i++)
        {
            document += random.Next(4) == 0 ? random.Next(1, 1_000_000) : random.Next(1, 3);
            documents[i] = document;
            frequencies[i] = random.Next(3) == 0 ? random.Next(2, 70_000) : 1;
        }
        documents[^1] = int.MaxValue;
        return (documents, frequencies);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(PostingsCodec.BlockSize)]
    [InlineData(PostingsCodec.BlockSize + 1)]
    [InlineData(1000)]
    public void Read_EncodedList_ReturnsEveryDocumentWithItsFrequency(int count)
    {
        var (documents, frequencies) = Postings(count, count);
        var buffer = new ByteBuffer();
        PostingsCodec.Write(buffer, documents, frequencies);

        var read = new List<(int, int)>();
        fixed (byte* start = buffer.Written)
        {
            var cursor = PostingsCodec.Read(start, count);
            while (cursor.MoveNext()) read.Add((cursor.Document, cursor.Frequency));
        }

        Assert.Equal(documents.Zip(frequencies), read);
    }

    [Fact]
    public void Seek_OneDocumentEach_InEveryBlock_ReturnsItsFrequencyAndAbsentOnesZero()
    {
        var (documents, frequencies) = Postings(1000, 7);
        var buffer = new ByteBuffer();
        PostingsCodec.Write(buffer, documents, frequencies);
        var present = documents.ToHashSet();

        fixed (byte* start = buffer.Written)
        {
            for (var i = 0; i < documents.Length; i++)
                Assert.Equal(frequencies[i], new PostingsSeeker(start, documents.Length).Frequency(documents[i]));
            foreach (var absent in documents.Select(d => d - 1).Append(documents[^2] + 1).Where(d => d >= 0 && !present.Contains(d)))
                Assert.Equal(0, new PostingsSeeker(start, documents.Length).Frequency(absent));
        }
    }

    [Theory]
    [InlineData(40, 1)]
    [InlineData(PostingsCodec.BlockSize + 1, 2)]
    [InlineData(1000, 3)]
    [InlineData(1000, 4)]
    public void Seek_AscendingProbes_FindPresentDocumentsWithTheirFrequencyAndAbsentOnesZero(int count, int seed)
    {
        var (documents, frequencies) = Postings(count, seed);
        var buffer = new ByteBuffer();
        PostingsCodec.Write(buffer, documents, frequencies);
        // Present and absent documents, some in the same block, some blocks apart, and past the last one.
        var random = new Random(seed);
        var probes = documents.Where(_ => random.Next(5) == 0)
            .Concat(documents.Select(d => d - 1).Where(_ => random.Next(7) == 0))
            .Concat(Enumerable.Range(0, 50).Select(_ => random.Next(0, documents[^2])))
            .Append(documents[^2]).Append(int.MaxValue)
            .Where(d => d >= 0).Distinct().Order().ToArray();

        var expected = documents.Zip(frequencies).ToDictionary(p => p.First, p => p.Second);

        fixed (byte* start = buffer.Written)
        {
            var seeker = new PostingsSeeker(start, count);
            foreach (var probe in probes)
                Assert.Equal(expected.GetValueOrDefault(probe), seeker.Frequency(probe));
        }
        Assert.Contains(probes, p => Array.BinarySearch(documents, p) < 0);
    }

    [Fact]
    public void Write_ConsecutiveDocumentsSeenOnce_TakesOneByteEachBesideTheSkipTable()
    {
        var documents = Enumerable.Range(0, 1000).ToArray();
        var buffer = new ByteBuffer();
        PostingsCodec.Write(buffer, documents, Enumerable.Repeat(1, 1000).ToArray());

        var skipTable = PostingsCodec.BlockCount(1000) * PostingsCodec.SkipEntrySize;
        Assert.Equal(skipTable + 1000, buffer.Length);
    }

    [Fact]
    public void Read_ListStoredPastFourGibibytes_DecodesFromTheMappedFile()
    {
        // A sparse file: the gap before the list takes no disk, yet every offset into it needs 64 bits.
        const long offset = (4L << 30) + 12_345;
        var (documents, frequencies) = Postings(300, 3);
        var buffer = new ByteBuffer();
        PostingsCodec.Write(buffer, documents, frequencies);
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "far.bin");
        using (var stream = File.Create(path))
        {
            stream.Position = offset;
            stream.Write(buffer.Written);
        }

        using var file = MappedIndexFile.Open(path);
        var cursor = PostingsCodec.Read(file.At(offset), documents.Length);
        var read = new List<(int, int)>();
        while (cursor.MoveNext()) read.Add((cursor.Document, cursor.Frequency));

        Assert.Equal(documents.Zip(frequencies), read);
        Assert.Equal(frequencies[250], new PostingsSeeker(file.At(offset), documents.Length).Frequency(documents[250]));
    }
}
