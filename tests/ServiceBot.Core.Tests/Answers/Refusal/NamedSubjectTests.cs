using ServiceBot.Answers;
using ServiceBot.Answers.Refusal;

namespace ServiceBot.Core.Tests.Answers.Refusal;

public class NamedSubjectTests
{
    [Theory]
    [InlineData("那110呢 打了没人管", "110")]
    [InlineData("失业金 那低保呢 咋申请", "低保")]
    [InlineData("那交通罚款呢 咋交", "交通罚款")]
    [InlineData("还有驿站几点关门", "驿站")]
    [InlineData("失业金怎么领", "")]
    [InlineData("国家那个文件里有没有说", "")]
    public void Of_Message_TheSubjectAfterItsOpening(string message, string subject)
        => Assert.Equal(subject, NamedSubject.Of(message));

    [Fact]
    public void UncoveredPeak_ClauseLacksTheSubject_ItsWeight()
    {
        QueryTerm[] terms = [new("低保", 6, ["低保", "最低生活保障"], IsDomain: true), new("申请", 2, ["申请"], IsDomain: false)];

        Assert.Equal(6, NamedSubject.UncoveredPeak("那低保呢 咋申请", terms, "失业保险金的申请"));
        Assert.Equal(0, NamedSubject.UncoveredPeak("那低保呢 咋申请", terms, "领取最低生活保障的申请"));
        Assert.Equal(0, NamedSubject.UncoveredPeak("低保咋申请", terms, "失业保险金的申请"));
    }
}
