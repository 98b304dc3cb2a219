using ServiceBot.Understanding.Dialog;

namespace ServiceBot.Core.Tests.Understanding;

public sealed class ErasureRequestDetectorTests
{
    private static readonly ErasureRequestDetector Detector = ErasureRequestDetector.CreateDefault();

    [Theory]
    [InlineData("删除我的记录")]
    [InlineData("删除我的聊天记录")]
    [InlineData("清除我的数据")]
    [InlineData("请帮我删除我的全部聊天记录！")]
    [InlineData("我要清空聊天记录")]
    [InlineData("删掉我的所有记录吧")]
    public void IsRequest_AskingToDeleteOwnRecords_True(string text) => Assert.True(Detector.IsRequest(text));

    [Theory]
    [InlineData("个人信息保护法规定可以删除我的数据吗")]
    [InlineData("我有权要求删除我的个人信息吗")]
    [InlineData("我想提取公积金")]
    [InlineData("银行卡号填错了，删掉重填")]
    [InlineData("记录一下我的电话13800001111")]
    public void IsRequest_OtherMessages_False(string text) => Assert.False(Detector.IsRequest(text));

    [Theory]
    [InlineData("确认删除", true)]
    [InlineData("确定删除。", true)]
    [InlineData("那就删吧", true)]
    [InlineData("取消", false)]
    [InlineData("我想提取公积金", false)]
    public void IsConfirmation_Replies_OnlyExplicitDeleteConfirmations(string text, bool expected) => Assert.Equal(expected, Detector.IsConfirmation(text));
}
