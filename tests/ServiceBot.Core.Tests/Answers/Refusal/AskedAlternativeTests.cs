using ServiceBot.Answers.Refusal;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public sealed class AskedAlternativeTests
{
    private const string Assessment = "督促平台企业开展算法安全评估，公开与劳动者权益直接相关的算法规则。";

    private const string WageWhere = "可以向用人单位所在地或者工作所在地的劳动保障监察机构投诉欠薪，也可以拨打12345热线反映。";

    [Fact]
    public void Unstated_NeitherWayNamed_IsTrue()
        => Assert.True(AskedAlternative.Unstated("平台算法安全评估 是一年评一回还是半年评一回",
            QueryTermsFixture.Of(("算法", 6), ("评估", 6), ("一年", 6), ("半年", 6)),
            TextNormalizer.Normalize(Assessment)));

    [Fact]
    public void Unstated_AlternativesAsTwoClauses_IsTrueWhenNeitherNamed()
        => Assert.True(AskedAlternative.Unstated("能一块儿投诉不，是一个人填一份就中，还是每人都得填",
            QueryTermsFixture.Of(("投诉", 3), ("一个人", 4), ("一份", 4), ("每人", 5)), TextNormalizer.Normalize(WageWhere)));

    [Fact]
    public void Unstated_OneWayNamed_IsFalse()
        => Assert.False(AskedAlternative.Unstated("欠薪是去劳动监察投诉还是打12345",
            QueryTermsFixture.Of(("欠薪", 6), ("劳动监察", 6), ("投诉", 6), ("12345", 6)),
            TextNormalizer.Normalize(WageWhere)));

    [Fact]
    public void Unstated_NoAlternativeAsked_IsFalse()
        => Assert.False(AskedAlternative.Unstated("算法评估一年评几回",
            QueryTermsFixture.Of(("算法", 6), ("评估", 6), ("一年", 6)), TextNormalizer.Normalize(Assessment)));
}
