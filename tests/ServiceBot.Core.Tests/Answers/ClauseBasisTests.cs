using ServiceBot.Answers;

namespace ServiceBot.Core.Tests.Answers;

public class ClauseBasisTests
{
    private const string Section = "There is no fee.\n\nBased on: 《欠薪投诉办事指南（示例）》收费标准；《保障农民工工资支付条例》第十条\n";

    [Fact]
    public void Of_BasisLineWithTwoClauses_BothInOrder()
    {
        Assert.Equal(
            [new ClauseReference("欠薪投诉办事指南（示例）", "收费标准"), new ClauseReference("保障农民工工资支付条例", "第十条")],
            ClauseBasis.Of(Section));
    }

    [Fact]
    public void Of_NoBasisLine_Empty()
    {
        Assert.Empty(ClauseBasis.Of("See 《欠薪投诉办事指南（示例）》 for details."));
    }

    [Fact]
    public void WithoutBasis_SectionText_BasisLineRemoved()
    {
        Assert.Equal("There is no fee.", ClauseBasis.WithoutBasis(Section));
    }
}
