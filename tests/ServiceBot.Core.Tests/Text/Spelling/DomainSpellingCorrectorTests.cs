using System.Text.RegularExpressions;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Text;
using ServiceBot.Text.Spelling;

namespace ServiceBot.Core.Tests.Text.Spelling;

/// <summary>The corrector over the repository's own domain dictionary, as retrieval uses it.</summary>
public class DomainSpellingCorrectorTests
{
    private static readonly Lazy<ChineseAnalyzer> Domain = new(() =>
        new ChineseAnalyzer(AnalyzerVocabulary.FromDictionaries([Path.Combine(KnowledgePaths.KnowledgeFolder, "dictionary")])));

    [Theory]
    [InlineData("设保咋交", "社保咋交")]
    [InlineData("公鸡金咋提", "公积金咋提")]
    [InlineData("公鸡金租房能提吗", "公积金租房能提吗")]
    [InlineData("住房公鸡金怎么取", "住房公积金怎么取")]
    [InlineData("劳动和同到期了不续签有补偿吗", "劳动合同到期了不续签有补偿吗")]
    [InlineData("老板不给钱我想申请仲栽", "老板不给钱我想申请仲裁")]
    [InlineData("养老保显交满15年", "养老保险交满15年")]
    [InlineData("社保断交了怎么办", "社保断缴了怎么办")]
    [InlineData("这个意件是为啥出台的", "这个意见是为啥出台的")]
    public void Correct_MisspeltDomainWord_ReadsTheTerm(string typed, string expected)
        => Assert.Equal(expected, Domain.Value.Correct(typed).Text);

    [Theory]
    [InlineData("送外卖摔伤了算工商吗", "送外卖摔伤了算工伤吗")]
    [InlineData("跑单被车撞了，工商认定怎么弄", "跑单被车撞了，工伤认定怎么弄")]
    public void Correct_GongShangBesideAnInjury_ReadsGongShangAsInjury(string typed, string expected)
        => Assert.Equal(expected, Domain.Value.Correct(typed).Text);

    [Theory]
    [InlineData("俺的半件进度到哪一步了", "俺的办件进度到哪一步了")]
    [InlineData("半件编号忘了咋整", "办件编号忘了咋整")]
    public void Correct_BanJianBesideProgress_ReadsItAsApplication(string typed, string expected)
        => Assert.Equal(expected, Domain.Value.Correct(typed).Text);

    [Fact]
    public void Correct_BanJianWithoutProgress_LeavesIt()
        => Assert.False(Domain.Value.Correct("这衣服我只买了半件的钱").IsChanged);

    [Theory]
    [InlineData("工商营业执照怎么办理")]
    [InlineData("个体户去工商注册要带什么")]
    [InlineData("社保怎么交")]
    [InlineData("公积金租房能提吗")]
    [InlineData("建设保障房有什么政策")]
    [InlineData("承包人能否主张优先受偿权？")]
    [InlineData("无追索权的保理合同是否一定没有追索权？")]
    [InlineData("抵押的房屋被出租了，是否影响抵押权的实现？")]
    [InlineData("宠物被人打伤，主人能否要求精神损害赔偿？")]
    [InlineData("医保卡丢了怎么补办")]
    [InlineData("跑单摔了的事能找平台吗")]
    [InlineData("欠薪的事找谁")]
    public void Correct_CorrectQuestion_LeavesItAlone(string question)
    {
        var corrected = Domain.Value.Correct(question);
        Assert.False(corrected.IsChanged, $"{question} became {corrected.Text}");
        Assert.Equal(question, corrected.Text);
    }

    [Fact]
    public void Correct_TwoMisspellings_ReportsEachWithItsPositionAsTyped()
    {
        var corrected = Domain.Value.Correct("ＡＢ设保和公鸡金");
        Assert.Equal("ＡＢ社保和公积金", corrected.Text);
        Assert.Equal([new SpellingCorrection(2, "设保", "社保"), new SpellingCorrection(5, "公鸡金", "公积金")], corrected.Corrections);
    }

    [Fact]
    public void Correct_SmallVocabulary_OnlyCorrectsTowardsIt()
    {
        var corrector = new DomainSpellingCorrector(["公积金"], [], PinyinTable.Default, text => text.Select(c => c.ToString()), _ => 1);
        Assert.Equal("公积金咋提", corrector.Correct("公鸡金咋提").Text);
        Assert.False(corrector.Correct("设保咋交").IsChanged);
    }

    [Fact]
    public void Correct_ContextualRule_NeedsATriggerAndNoBlocker()
    {
        var rule = new ContextualCorrection("工商", "工伤", ["摔"], ["执照"]);
        var corrector = new DomainSpellingCorrector([], [rule], PinyinTable.Default, text => Regex.Split(text, @"(\|)"), _ => 1);
        Assert.Equal("摔了|工伤", corrector.Correct("摔了|工商").Text);
        Assert.False(corrector.Correct("摔了|工商|执照").IsChanged);
        Assert.False(corrector.Correct("问问|工商").IsChanged);
    }
}
