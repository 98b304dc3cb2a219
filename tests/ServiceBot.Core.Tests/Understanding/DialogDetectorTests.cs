using ServiceBot.Understanding.Dialog;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Core.Tests.Understanding;

public class DialogDetectorTests
{
    private static readonly string[] FundSlots = [SlotIds.IdNumber, SlotIds.Reason, SlotIds.Amount, SlotIds.BankCard];
    private static readonly string[] InjurySlots = [SlotIds.IdNumber, SlotIds.Platform, SlotIds.AccidentTime, SlotIds.AccidentPlace, SlotIds.Injury, SlotIds.Phone];
    private static readonly string[] StationSlots = [SlotIds.City, SlotIds.District];
    private static readonly string[] AppealSlots = [SlotIds.Description, SlotIds.Location, SlotIds.Phone];

    private static readonly CorrectionDetector Corrections = CorrectionDetector.CreateDefault();
    private static readonly DialogActDetector Acts = DialogActDetector.CreateDefault();

    [Theory]
    [InlineData("不对，金额改成2000", SlotIds.Amount, "2000")]
    [InlineData("把金额改为3000元", SlotIds.Amount, "3000元")]
    [InlineData("卡号错了，应该是6228480011223344554", SlotIds.BankCard, "6228480011223344554")]
    [InlineData("身份证号写错了，是130402199003074510", SlotIds.IdNumber, "130402199003074510")]
    public void CorrectionDetect_FundTask_SlotAndValue(string text, string slot, string value)
    {
        Assert.Equal(new SlotCorrection(slot, value), Corrections.Detect(text, FundSlots));
    }

    [Fact]
    public void CorrectionDetect_PhoneWrong_NewNumber()
    {
        Assert.Equal(new SlotCorrection(SlotIds.Phone, "13900002222"), Corrections.Detect("手机号错了，应该是13900002222", InjurySlots));
    }

    [Fact]
    public void CorrectionDetect_CityChange_UsesTaskSlot()
    {
        Assert.Equal(new SlotCorrection(SlotIds.City, "石家庄"), Corrections.Detect("把城市改成石家庄", StationSlots));
    }

    [Fact]
    public void CorrectionDetect_SharedSlotName_ResolvesToTaskSlot()
    {
        Assert.Equal(SlotIds.AccidentPlace, Corrections.Detect("地点改成建设路口", InjurySlots)?.SlotId);
        Assert.Equal(SlotIds.Location, Corrections.Detect("地点改成建设路口", AppealSlots)?.SlotId);
    }

    [Fact]
    public void CorrectionDetect_NoSlotNamed_ValueOnly()
    {
        Assert.Equal(new SlotCorrection(null, "2000"), Corrections.Detect("不是3000，是2000", FundSlots));
    }

    [Theory]
    [InlineData("我要提取公积金")]
    [InlineData("我是张伟")]
    [InlineData("确认")]
    public void CorrectionDetect_NotACorrection_Null(string text)
    {
        Assert.Null(Corrections.Detect(text, FundSlots));
    }

    [Theory]
    [InlineData("算了不办了")]
    [InlineData("取消")]
    [InlineData("不办了")]
    [InlineData("先不弄了")]
    [InlineData("算了算了，以后再说吧")]
    [InlineData("那这个先不办了吧")]
    [InlineData("算了算了我不办了以后再说吧")]
    [InlineData("填了半天太麻烦了，不办了")]
    public void DialogActDetect_CancelPhrases_Cancel(string text)
    {
        Assert.Equal(DialogAct.Cancel, Acts.Detect(text));
    }

    [Theory]
    [InlineData("我点了不同意，它就直接退出了，根本用不了。它能这样吗？")]
    [InlineData("送单时摔了一跤，平台把我账号取消了资格，后来申诉又撤销了处罚")]
    public void DialogActDetect_CancelWordInsideAStory_NotCancel(string text)
    {
        Assert.NotEqual(DialogAct.Cancel, Acts.Detect(text));
    }

    [Theory]
    [InlineData("确认")]
    [InlineData("是的")]
    [InlineData("对")]
    [InlineData("没问题")]
    [InlineData("好的，提交吧")]
    [InlineData("确认无误！")]
    [InlineData("OK")]
    public void DialogActDetect_AffirmPhrases_Affirm(string text)
    {
        Assert.Equal(DialogAct.Affirm, Acts.Detect(text));
    }

    [Theory]
    [InlineData("不对")]
    [InlineData("不是")]
    [InlineData("等等")]
    [InlineData("信息有误")]
    [InlineData("不对，金额改成2000")]
    public void DialogActDetect_DenyPhrases_Deny(string text)
    {
        Assert.Equal(DialogAct.Deny, Acts.Detect(text));
    }

    [Theory]
    [InlineData("yes", DialogAct.Affirm)]
    [InlineData("Yes, please confirm.", DialogAct.Affirm)]
    [InlineData("OK", DialogAct.Affirm)]
    [InlineData("That's correct", DialogAct.Affirm)]
    [InlineData("Confirm and submit", DialogAct.Affirm)]
    [InlineData("no", DialogAct.Cancel)]
    [InlineData("Cancel", DialogAct.Cancel)]
    [InlineData("never mind, I will do it later", DialogAct.Cancel)]
    [InlineData("stop", DialogAct.Cancel)]
    [InlineData("Please cancel the registration", DialogAct.Cancel)]
    [InlineData("i don't want to continue", DialogAct.Cancel)]
    [InlineData("No, that's wrong", DialogAct.Deny)]
    [InlineData("wait", DialogAct.Deny)]
    public void DialogActDetect_EnglishReplies_ReadWordByWord(string text, DialogAct expected)
    {
        Assert.Equal(expected, Acts.Detect(text));
    }

    [Theory]
    [InlineData("Where is the nearest bus stop near Renmin Road")]
    [InlineData("My phone number is 13500005555")]
    [InlineData("Is it okay to register a company in November")]
    [InlineData("yes I want to know the deadline")]
    [InlineData("can a foreigner call 12345 about the noise? and i don't want to give my name, is it ok?")]
    public void DialogActDetect_EnglishSentenceContainingActWords_None(string text)
    {
        Assert.Equal(DialogAct.None, Acts.Detect(text));
    }

    [Theory]
    [InlineData("change the phone to 13900002222", SlotIds.Phone, "13900002222")]
    [InlineData("No, please change my phone number to 139 0000 2222", SlotIds.Phone, "139 0000 2222")]
    [InlineData("the mobile number should be 13900002222.", SlotIds.Phone, "13900002222")]
    [InlineData("update the place of the accident to Renmin Road", SlotIds.AccidentPlace, "Renmin Road")]
    public void CorrectionDetect_English_SlotAndValue(string text, string slot, string value)
    {
        Assert.Equal(new SlotCorrection(slot, value), Corrections.Detect(text, InjurySlots));
    }

    [Fact]
    public void CorrectionDetect_EnglishNameInsideAWord_NotThatSlot()
    {
        Assert.Null(Corrections.Detect("change the paid to 2000", InjurySlots));
    }

    [Theory]
    [InlineData("好的我想问一下提取要多久")]
    [InlineData("是不是要带身份证")]
    [InlineData("我要提取公积金")]
    public void DialogActDetect_SentenceContainingYesWords_None(string text)
    {
        Assert.Equal(DialogAct.None, Acts.Detect(text));
    }
}

public class CorrectionFlowTests
{
    private static readonly SlotExtractor Extractor = SlotExtractor.CreateDefault(FixedTimeProvider.At("2026-11-28 10:00"));

    [Theory]
    [InlineData("不对，金额改成2000", SlotIds.Amount, "2000")]
    [InlineData("把城市改成石家庄", SlotIds.City, "石家庄市")]
    [InlineData("手机号错了，应该是139 0000 2222", SlotIds.Phone, "13900002222")]
    [InlineData("时间改成前天晚上8点", SlotIds.AccidentTime, "2026-11-26T20:00:00+08:00")]
    public void ExtractSlots_CorrectedValueAsAnswerToItsSlot_Normalised(string text, string slot, string expected)
    {
        string[] slots = [SlotIds.Amount, SlotIds.City, SlotIds.Phone, SlotIds.AccidentTime];
        var correction = CorrectionDetector.CreateDefault().Detect(text, slots);
        Assert.NotNull(correction);

        var result = Extractor.ExtractSlots(correction.NewValue, [correction.SlotId!], expectedSlot: correction.SlotId);

        Assert.Equal(expected, result[slot].Value);
    }
}
