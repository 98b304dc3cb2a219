using System.Text;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Retrieval.Lexical;

namespace ServiceBot.Core.Tests.Retrieval.Lexical.Storage;

public class TermDictionaryTests
{
    /// <summary>Postings far past 4 GiB: a 32-bit offset anywhere on the way would wrap.</summary>
    private const long FarOffset = 5L << 30;

    private static List<string> Terms()
    {
        var terms = new List<string> { "a", "ab", "abc", "b", "劳动", "劳动合同", "劳动报酬", "公积金", "𠀋字", new string('长', 300) };
        for (var i = 0; i < 500; i++) terms.Add($"词{i:D4}");
        return terms.Distinct().OrderBy(t => Encoding.UTF8.GetBytes(t), ByteOrder.Instance).ToList();
    }

    private static TermDictionary Write(TempFolder folder, IReadOnlyList<string> terms, out MappedIndexFile file)
    {
        var path = Path.Combine(folder.Path, "terms.bin");
        TermDictionaryWriter writer;
        long blocksLength;
        using (var stream = File.Create(path))
        {
            writer = new TermDictionaryWriter(stream);
            for (var t = 0; t < terms.Count; t++) writer.Add(Encoding.UTF8.GetBytes(terms[t]), t + 1, FarOffset + t * 3_000_000_000L);
            writer.Flush();
            blocksLength = stream.Length;
            foreach (var offset in writer.BlockOffsets) stream.Write(BitConverter.GetBytes(offset));
        }
        file = MappedIndexFile.Open(path);
        return new TermDictionary(file, new IndexSection(0, blocksLength),
            new IndexSection(blocksLength, writer.BlockOffsets.Count * 8L), writer.TermsInLastBlock);
    }

    [Fact]
    public void TryFind_EveryTermAcrossBlocks_ReturnsItsFrequencyAndSixtyFourBitOffset()
    {
        using var folder = new TempFolder();
        var terms = Terms();
        var dictionary = Write(folder, terms, out var file);
        using (file)
        {
            Assert.True(terms.Count > 10 * TermDictionary.BlockTerms);
            for (var t = 0; t < terms.Count; t++)
            {
                Assert.True(dictionary.TryFind(terms[t], out var postings), terms[t]);
                Assert.Equal(new TermPostings(FarOffset + t * 3_000_000_000L, t + 1), postings);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("aa")]
    [InlineData("劳")]
    [InlineData("劳动法")]
    [InlineData("词9999")]
    [InlineData("龘")]
    public void TryFind_AbsentTerm_ReturnsFalse(string term)
    {
        using var folder = new TempFolder();
        var dictionary = Write(folder, Terms(), out var file);
        using (file) Assert.False(dictionary.TryFind(term, out _));
    }

    [Fact]
    public void Add_TermsOutOfByteOrder_Throws()
    {
        var writer = new TermDictionaryWriter(Stream.Null);
        writer.Add("b"u8, 1, 0);
        Assert.Throws<InvalidOperationException>(() => writer.Add("a"u8, 1, 10));
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
