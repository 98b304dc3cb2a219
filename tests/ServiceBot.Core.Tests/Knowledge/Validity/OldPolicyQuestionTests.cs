using ServiceBot.Knowledge.Validity;

namespace ServiceBot.Core.Tests.Knowledge.Validity;

public sealed class OldPolicyQuestionTests
{
    private static readonly IReadOnlySet<int> OldYears = new HashSet<int> { 2023 };

    [Theory]
    [InlineData("以前的高温津贴标准是多少")]
    [InlineData("旧版办法里骑手津贴怎么算")]
    [InlineData("2023年的办法规定每月多少钱")]
    [InlineData("已经废止的那个规定还能用吗")]
    public void Asks_QuestionAboutTheOldPolicy_IsTrue(string question) => Assert.True(OldPolicyQuestion.Asks(question, OldYears));

    [Theory]
    [InlineData("骑手高温津贴每月多少钱")]
    [InlineData("2026年的高温津贴标准")]
    [InlineData("我12023年入职")]
    public void Asks_QuestionAboutTheCurrentPolicy_IsFalse(string question) => Assert.False(OldPolicyQuestion.Asks(question, OldYears));
}
