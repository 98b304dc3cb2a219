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

    [Theory]
    [InlineData("公积提取要多久到账", "公积金提取要多久到账")]
    [InlineData("没签劳动同能赔钱吗", "没签劳动合同能赔钱吗")]
    public void Correct_TermWithACharacterLeftOut_ReadsTheTerm(string typed, string expected)
        => Assert.Equal(expected, Domain.Value.Correct(typed).Text);

    [Theory]
    [InlineData("工伤任定俺自家能去申请不", "工伤认定俺自家能去申请不")]
    [InlineData("劳动种裁要交钱吗", "劳动仲裁要交钱吗")]
    [InlineData("家班费怎么算", "加班费怎么算")]
    [InlineData("社包转移到底要几天", "社保转移到底要几天")]
    [InlineData("灵活救业的人能自己交养老保险吗", "灵活就业的人能自己交养老保险吗")]
    [InlineData("失业今最多能领多久", "失业金最多能领多久")]
    public void Correct_HomophoneInAnUnseenWording_ReadsTheTerm(string typed, string expected)
        => Assert.Equal(expected, Domain.Value.Correct(typed).Text);

    [Theory]
    // 期间 is a word of its own; 期 only sounds near 计, so it is not a typo of 计件工资.
    [InlineData("停工期间工资照发吗")]
    // 不 is the negation, not a homophone of 补.
    [InlineData("单位不交公积金咋办")]
    [InlineData("单位不交社保怎么办")]
    // 的 is the particle, not a slip for the 地 of 常住地.
    [InlineData("义乌常驻的外国商人有多少")]
    [InlineData("在这边常住的人能办吗")]
    public void Correct_RealWordThatSoundsLikeATerm_LeavesIt(string question)
    {
        var corrected = Domain.Value.Correct(question);
        Assert.False(corrected.IsChanged, $"{question} became {corrected.Text}");
    }

    [Fact]
    public void Correct_VerbBesideACorrectTerm_DoesNotRenameTheVerb()
    {
        var corrector = new DomainSpellingCorrector(["公积金", "取公积金"], [], PinyinTable.Default, text => text.Select(c => c.ToString()), _ => 1);
        Assert.False(corrector.Correct("提公积金要多久").IsChanged);
        Assert.Equal("取公积金要多久", corrector.Correct("取公基金要多久").Text);
    }

    [Fact]
    public void Correct_ShorteningSharedByTwoTerms_LeavesIt()
    {
        // 劳动合同 and 劳务合同 both shorten to 劳合同, so it names neither.
        var corrector = new DomainSpellingCorrector(["劳动合同", "劳务合同"], [], PinyinTable.Default, text => text.Select(c => c.ToString()), _ => 1);
        Assert.False(corrector.Correct("劳合同到期了").IsChanged);
        Assert.Equal("劳动合同到期了", corrector.Correct("劳动同到期了").Text);
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
