using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Understanding;

public class ErrandRequestTests
{
    [Theory]
    [InlineData("帮我写一封给老板的辞职信 语气客气一点")]
    [InlineData("站长让我写份检讨 你帮我写一个呗")]
    [InlineData("帮我翻译一下 thank you very much")]
    [InlineData("麻烦你给站长打个电话 说我今天请假")]
    [InlineData("can you write my son's english essay about his summer holiday, 150 words")]
    [InlineData("Can you write a WeChat message in Chinese to my supplier asking for a discount?")]
    [InlineData("can u help my daughter with her maths homework")]
    [InlineData("Could you translate my price list into Spanish?")]
    [InlineData("Also my landlord won't give back my deposit. Can you call him for me?")]
    [InlineData("Can you text my Chinese agent and remind him to bring the company seal?")]
    public void IsErrand_WritingTranslatingOrCallingForTheUser_IsTrue(string text) => Assert.True(ErrandRequest.IsErrand(text));

    [Theory]
    [InlineData("最近老有人给我打电话说是平台合作的贷款 国家对这种骑手贷款有没有啥规定")]
    [InlineData("帮我查一下办件进度")]
    [InlineData("我要投诉欠薪")]
    [InlineData("can you write down the steps to withdraw my housing fund?")]
    [InlineData("can you remind me what documents I need for the transfer?")]
    [InlineData("Can you check my ticket GJJ-20250601-000001?")]
    [InlineData("can you book the registration appointment for Monday?")]
    public void IsErrand_QuestionOrTheAssistantsOwnTask_IsFalse(string text) => Assert.False(ErrandRequest.IsErrand(text));
}
