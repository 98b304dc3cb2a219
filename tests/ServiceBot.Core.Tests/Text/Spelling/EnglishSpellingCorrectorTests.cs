using ServiceBot.Text.Spelling;

namespace ServiceBot.Core.Tests.Text.Spelling;

public sealed class EnglishSpellingCorrectorTests
{
    private static readonly EnglishSpellingCorrector Corrector = new(
        targets: ["probation", "government", "passport", "small", "light", "deposit", "withdraw", "withdrawal", "first"],
        known: new Dictionary<string, int>
        {
            ["probation"] = 12, ["government"] = 30, ["passport"] = 4, ["small"] = 5, ["light"] = 2, ["deposit"] = 3,
            ["withdraw"] = 9, ["withdrawal"] = 9, ["first"] = 20, ["period"] = 8, ["pay"] = 40,
        });

    [Theory]
    [InlineData("probabtion", "probation")] // a letter added
    [InlineData("goverment", "government")] // a letter dropped
    [InlineData("frist", "first")]          // two letters swapped
    [InlineData("pasport", "passport")]
    public void Correct_OneEditFromALexiconWord_ReadsItAsThatWord(string typed, string meant)
    {
        var corrected = Corrector.Correct($"is the {typed} rule fair");

        Assert.Equal($"is the {meant} rule fair", corrected.Text);
        Assert.Equal([new SpellingCorrection(7, typed, meant)], corrected.Corrections);
    }

    [Fact]
    public void Correct_CapitalisedTypo_KeepsTheCapital()
        => Assert.Equal("Goverment → Government", $"Goverment → {Corrector.Correct("Goverment").Text}");

    [Theory]
    [InlineData("smell")]      // a letter replaced: a real word as often as a typo (small)
    [InlineData("flight")]     // another first letter (light)
    [InlineData("periods")]    // a known word with an ending
    [InlineData("pays")]       // shorter than five letters
    [InlineData("bracelets")]  // nothing near
    public void Correct_WordsThatAreNotTypos_StayAsTyped(string word)
    {
        var corrected = Corrector.Correct($"what about {word}?");

        Assert.False(corrected.IsChanged);
        Assert.Equal($"what about {word}?", corrected.Text);
    }

    [Fact]
    public void Correct_TwoCandidatesEquallyUsed_LeavesTheWord()
        // withdrawl is one edit from both withdraw and withdrawal, used as often: no guess.
        => Assert.False(Corrector.Correct("withdrawl").IsChanged);

    [Fact]
    public void Correct_SeveralTyposInOneQuestion_CorrectsEachAtItsPlace()
    {
        var corrected = Corrector.Correct("the goverment kept my pasport, ok?");

        Assert.Equal("the government kept my passport, ok?", corrected.Text);
        Assert.Equal([4, 22], corrected.Corrections.Select(c => c.Start));
    }

    [Theory]
    [InlineData("whats the fee", "what's the fee")]
    [InlineData("Wat papers do i need", "What papers do i need")]
    [InlineData("can u check it pls", "can you check it please")]
    [InlineData("my boss dont pay, r there rules", "my boss don't pay, are there rules")]
    [InlineData("wich office handles it", "which office handles it")]
    public void Correct_ChatShorthand_ReadsTheSpellingItStandsFor(string typed, string meant)
        => Assert.Equal(meant, Corrector.Correct(typed).Text);

    [Fact]
    public void Correct_ShorthandInsideAWord_StaysAsTyped()
        // u and r are read only as words of their own, never as letters of one (run, our).
        => Assert.False(Corrector.Correct("our run ends").IsChanged);
}
