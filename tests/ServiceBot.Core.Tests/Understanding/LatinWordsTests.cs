using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Understanding;

public class LatinWordsTests
{
    [Theory]
    [InlineData("Find rest Stations near me", "find rest station near me")]
    [InlineData("my boss hasn't paid me", "my boss hasnt paid me")]
    [InlineData("check ticket HF20260001", "check ticket hf0")]
    [InlineData("cities, taxes and addresses", "city tax and address")]
    [InlineData("bus status", "bus status")]
    public void Stems_EnglishText_LowerCasedSingularWords(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', LatinWords.Stems(text)));
    }

    [Fact]
    public void Stems_NoLetters_Empty()
    {
        Assert.Empty(LatinWords.Stems("  ?! "));
    }
}
