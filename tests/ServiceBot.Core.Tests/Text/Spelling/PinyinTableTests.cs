using ServiceBot.Text.Spelling;

namespace ServiceBot.Core.Tests.Text.Spelling;

public class PinyinTableTests
{
    [Fact]
    public void Default_EmbeddedTable_CoversTheCommonCharacters()
    {
        var table = PinyinTable.Default;
        Assert.InRange(table.Count, 7_000, 9_000);
        Assert.Equal(["she"], table.Readings('社'));
        Assert.Equal(["lv"], table.Readings('绿'));
        Assert.Empty(table.Readings('A'));
    }

    [Theory]
    [InlineData('设', '社', true)]
    [InlineData('鸡', '积', true)]
    [InlineData('和', '合', true)]
    [InlineData('商', '伤', true)]
    [InlineData('栽', '裁', false)]
    [InlineData('设', '公', false)]
    public void AreHomophones_CharacterPairs_ComparesTonelessReadings(char first, char second, bool expected)
        => Assert.Equal(expected, PinyinTable.Default.AreHomophones(first, second));

    [Fact]
    public void Parse_HeteronymLine_KeepsEveryReadingInOrder()
    {
        var table = PinyinTable.Parse("# comment\n行 xing hang\n", "test.txt");
        Assert.Equal(["xing", "hang"], table.Readings('行'));
    }

    [Theory]
    [InlineData("社")]
    [InlineData("社保 she")]
    [InlineData("社 shè")]
    public void Parse_MalformedLine_ThrowsWithSourceAndLine(string line)
    {
        var error = Assert.Throws<FormatException>(() => PinyinTable.Parse("# header\n" + line, "pinyin.txt"));
        Assert.Contains("pinyin.txt, line 2", error.Message);
    }
}
