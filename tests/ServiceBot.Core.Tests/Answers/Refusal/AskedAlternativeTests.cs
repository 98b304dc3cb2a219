using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public sealed class AskedAlternativeTests
{
    private const string Assessment = "督促平台企业开展算法安全评估，公开与劳动者权益直接相关的算法规则。";

    private const string WageWhere = "可以向用人单位所在地或者工作所在地的劳动保障监察机构投诉欠薪，也可以拨打12345热线反映。";

    private static IReadOnlyList<QueryTerm> Terms(params string[] words) => [.. words.Select(w => new QueryTerm(w, 6, [w], false))];

    private static IReadOnlyList<QueryTerm> Terms(params (string Word, float Weight)[] words)
        => [.. words.Select(w => new QueryTerm(w.Word, w.Weight, [w.Word], false))];

    [Fact]
    public void Unstated_NeitherWayNamed_IsTrue()
        => Assert.True(AskedAlternative.Unstated("平台算法安全评估 是一年评一回还是半年评一回", Terms("算法", "评估", "一年", "半年"),
            TextNormalizer.Normalize(Assessment)));

    [Fact]
    public void Unstated_AlternativesAsTwoClauses_IsTrueWhenNeitherNamed()
        => Assert.True(AskedAlternative.Unstated("能一块儿投诉不，是一个人填一份就中，还是每人都得填",
            Terms(("投诉", 3), ("一个人", 4), ("一份", 4), ("每人", 5)), TextNormalizer.Normalize(WageWhere)));

    [Fact]
    public void Unstated_OneWayNamed_IsFalse()
        => Assert.False(AskedAlternative.Unstated("欠薪是去劳动监察投诉还是打12345", Terms("欠薪", "劳动监察", "投诉", "12345"),
            TextNormalizer.Normalize(WageWhere)));

    [Fact]
    public void Unstated_NoAlternativeAsked_IsFalse()
        => Assert.False(AskedAlternative.Unstated("算法评估一年评几回", Terms("算法", "评估", "一年"), TextNormalizer.Normalize(Assessment)));
}
