using ServiceBot.Handoff;

namespace ServiceBot.Core.Tests.Handoff;

public sealed class HandoffPhrasesTests
{
    [Theory]
    [InlineData("我真的不想活了")]
    [InlineData("最近总想不开")]
    [InlineData("我被老公打了！")]
    [InlineData("他天天家 暴我")]
    [InlineData("有人威胁我")]
    [InlineData("我去信访反映站点的事，被人打击报复了，还被人打了一顿")]
    public void IsDistress_SafetyOrDistressTopic_True(string text)
    {
        Assert.True(HandoffPhrases.Default.IsDistress(text));
    }

    [Theory]
    [InlineData("公积金怎么提取")]
    [InlineData("骑手被车撞了怎么申报工伤")]
    [InlineData("活动什么时候开始")]
    [InlineData("俺去信访反映站点的事 回头会不会被人打击报复啊 心里有点虚")]
    [InlineData("辞职以后天天被老板打电话催着回去上班")]
    public void IsDistress_OrdinaryQuestion_False(string text)
    {
        Assert.False(HandoffPhrases.Default.IsDistress(text));
    }

    [Theory]
    [InlineData("不用了")]
    [InlineData("返回机器人。")]
    [InlineData("算了，不等了")]
    public void ReturnsToBot_ShortReply_True(string text)
    {
        Assert.True(HandoffPhrases.Default.ReturnsToBot(text));
    }

    [Theory]
    [InlineData("这张银行卡我以后不用了，想换一张新的卡来收款")]
    [InlineData("喂 有人吗")]
    public void ReturnsToBot_LongMessageOrOtherText_False(string text)
    {
        Assert.False(HandoffPhrases.Default.ReturnsToBot(text));
    }
}
