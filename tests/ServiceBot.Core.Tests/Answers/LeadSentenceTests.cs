using ServiceBot.Answers;

namespace ServiceBot.Core.Tests.Answers;

public class LeadSentenceTests
{
    private static readonly QueryTerm[] Algorithm = [new("算法", 1f, ["算法"], true)];

    [Fact]
    public void Extract_PolicyClause_SkipsTheClauseTitleAndTakesTheCoveringSentence()
    {
        const string clause = "(六)加强互联网平台算法治理。督促平台企业履行社会责任。规范算法，提高透明度。";

        Assert.Equal("规范算法，提高透明度。", LeadSentence.Extract(clause, Algorithm, 120));
    }

    private const string RentFaq = "可以提取租房公积金。提取额度每人每月不超过1500元，可按月提取。公积金提取额度以当地公积金中心公布的标准为准。";

    private static readonly QueryTerm[] FundLimit =
        [new("公积金", 2f, ["公积金"], true), new("额度", 1f, ["额度"], false), new("提取", 1f, ["提取"], false)];

    [Fact]
    public void Extract_QuestionAsksHowMuch_PrefersTheSentenceThatStatesTheFigure()
    {
        Assert.Equal("提取额度每人每月不超过1500元，可按月提取。", LeadSentence.Extract(RentFaq, FundLimit, 120, asksFigure: true));
    }

    [Fact]
    public void Extract_QuestionAsksNoFigure_TakesTheBestCoveringSentence()
    {
        Assert.Equal("公积金提取额度以当地公积金中心公布的标准为准。", LeadSentence.Extract(RentFaq, FundLimit, 120));
    }

    [Fact]
    public void Extract_FigureSentenceCoversTooLittle_KeepsTheBestCoveringSentence()
    {
        const string text = "公积金提取额度以当地公积金中心公布的标准为准。办理时限为3个工作日。";

        Assert.Equal("公积金提取额度以当地公积金中心公布的标准为准。", LeadSentence.Extract(text, FundLimit, 120, asksFigure: true));
    }

    [Fact]
    public void Extract_IntroducedList_ShortensToTheItemNames()
    {
        const string clause = "需提供以下信息：\n- 身份证号：本人的号码；\n- 险种：养老保险等。\n其他说明。";

        Assert.Equal("需提供以下信息：身份证号、险种。", LeadSentence.Extract(clause, [], 120, fromStart: true));
    }

    [Fact]
    public void Extract_VeryShortAnswer_TakesTheNextSentenceToo()
    {
        const string text = "能。中断缴费期间已缴纳的部分仍然有效。另有规定的除外。";

        Assert.Equal("能。中断缴费期间已缴纳的部分仍然有效。", LeadSentence.Extract(text, [], 120, fromStart: true));
    }

    [Fact]
    public void Extract_LawArticle_DropsTheArticleNumberAndEndsTheSentence()
    {
        const string article = "第十八条 提出工伤认定申请应当提交下列材料：\n（一）工伤认定申请表；\n（二）劳动关系证明；";

        Assert.Equal("提出工伤认定申请应当提交下列材料：工伤认定申请表、劳动关系证明。", LeadSentence.Extract(article, [], 120, fromStart: true));
    }

    [Fact]
    public void Extract_LongSentence_CutAtACommaWithinTheLimit()
    {
        var sentence = "推动算法规则公开透明，" + new string('甲', 30) + "，" + new string('乙', 30) + "。";

        var lead = LeadSentence.Extract(sentence, Algorithm, 50);

        Assert.True(lead.Length <= 52, lead);
        Assert.EndsWith("……", lead);
        Assert.StartsWith("推动算法规则公开透明，", lead);
    }

    private const string QuitArticle =
        "第三十八条 用人单位有下列情形之一的，劳动者可以解除劳动合同:\n（一）未按照劳动合同约定提供劳动保护或者劳动条件的；\n" +
        "（二）未及时足额支付劳动报酬的；\n（三）未依法为劳动者缴纳社会保险费的；\n" +
        "用人单位以暴力、威胁的手段强迫劳动者劳动的，劳动者可以立即解除劳动合同，不需事先告知用人单位。";

    private static readonly QueryTerm[] UninsuredQuit =
    [
        new("公司", 1f, ["公司", "用人单位"], false), new("社保", 2f, ["社保", "社会保险"], true),
        new("辞职", 1f, ["辞职", "解除劳动合同"], true),
    ];

    [Fact]
    public void Extract_QuestionAboutOneCaseOfAList_AnswersWithTheIntroductionAndThatItem()
    {
        Assert.Equal("用人单位有下列情形之一的，劳动者可以解除劳动合同：未依法为劳动者缴纳社会保险费的。",
            LeadSentence.Extract(QuitArticle, UninsuredQuit, 120, narrowLists: true));
    }

    [Fact]
    public void Extract_QuestionAskingWhichCases_KeepsEveryItem()
    {
        Assert.Equal("用人单位有下列情形之一的，劳动者可以解除劳动合同：未按照劳动合同约定提供劳动保护或者劳动条件的、未及时足额支付劳动报酬的、未依法为劳动者缴纳社会保险费的。",
            LeadSentence.Extract(QuitArticle, UninsuredQuit, 200));
    }

    [Fact]
    public void Extract_NoItemCoversMoreThanTheIntroduction_KeepsEveryItem()
    {
        QueryTerm[] quitOnly = [new("辞职", 1f, ["辞职", "解除劳动合同"], true), new("公司", 1f, ["公司", "用人单位"], false)];

        var lead = LeadSentence.Extract(QuitArticle, quitOnly, 200, narrowLists: true);

        Assert.Contains("未按照劳动合同约定提供劳动保护或者劳动条件的、未及时足额支付劳动报酬的、未依法为劳动者缴纳社会保险费的", lead);
    }
}
