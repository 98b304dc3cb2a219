using ServiceBot.Retrieval.Lexical;

namespace ServiceBot.Core.Tests.Retrieval.Lexical;

public class ArticleNumberTests
{
    [Theory]
    [InlineData("第一条", 1)]
    [InlineData("第十条", 10)]
    [InlineData("第十四条", 14)]
    [InlineData("第二十条", 20)]
    [InlineData("第一百零五条", 105)]
    [InlineData("第一千二百五十四条", 1254)]
    [InlineData("第12条", 12)]
    public void TryParse_ArticleHeading_ReturnsOrdinal(string section, double expected)
        => Assert.Equal(expected, ArticleNumber.TryParse(section));

    [Fact]
    public void TryParse_SubArticle_SortsBetweenItsNeighbours()
    {
        var main = ArticleNumber.TryParse("第二百八十七条")!.Value;
        var sub = ArticleNumber.TryParse("第二百八十七条之二")!.Value;
        var next = ArticleNumber.TryParse("第二百八十八条")!.Value;
        Assert.True(main < sub && sub < next);
    }

    [Theory]
    [InlineData("四、(八)")]
    [InlineData("序言")]
    [InlineData("")]
    public void TryParse_NoArticle_ReturnsNull(string section) => Assert.Null(ArticleNumber.TryParse(section));
}
