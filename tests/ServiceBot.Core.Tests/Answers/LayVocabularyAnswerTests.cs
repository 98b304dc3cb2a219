using ServiceBot.Answers;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>
/// Questions in the words people type (knowledge/dictionary: lay-terms.txt, terms.txt) answered over the repository's
/// real knowledge: the clause that answers them is among the first three citations.
/// </summary>
public sealed class LayVocabularyAnswerTests(KnowledgeOnlyFixture knowledge) : IClassFixture<KnowledgeOnlyFixture>
{
    private const string Opinion = "关于加强新就业群体服务管理的意见";
    private const string StationGuide = "骑手驿站和户外劳动者服务站查询办事指南（示例）";
    private const string WageGuide = "欠薪投诉办事指南（示例）";
    private const string TransferGuide = "社会保险关系转移接续办事指南（示例）";
    private const string HotlineGuide = "12345政务服务便民热线诉求登记办事指南（示例）";

    private readonly ExtractiveAnswerComposer _composer = new();

    [Theory]
    [InlineData("平台把我账号封了三天 这种处罚能申诉吗", Opinion, "三、(五)")]
    [InlineData("想学门技术 国家有没有给送外卖的搞培训", Opinion, "四、(八)")]
    [InlineData("送外卖的救了人能不能被表章", Opinion, "二、(三)")]
    [InlineData("俺不是跑外卖的 开三轮的能进驿站歇歇不", StationGuide, "不是骑手也能去驿站吗？")]
    [InlineData("着火了能打12345吗", HotlineGuide, "适用对象和办理条件")]
    [InlineData("心里憋屈得很 有没有地方能疏导", Opinion, "四、(八)")]
    [InlineData("12345反映的事一直没下文 还能咋办", HotlineGuide, "对处理结果不满意怎么办？")]
    [InlineData("内卷式竞争要怎么整治？", Opinion, "三、(七)")]
    public void Compose_LayWording_CitesTheAnsweringClause(string question, string source, string section)
        => AssertCitedInTopThree(question, source, section);

    [Theory]
    [InlineData("投诉欠薪得等好久", WageGuide, "办理时限")]
    [InlineData("拖欠工资都两年多了 现在投诉还管不管", WageGuide, "办理时限")]
    [InlineData("有人说转社保要交三百块代办费 是真的吗", TransferGuide, "收费标准")]
    [InlineData("查驿站得给你提供啥信息", StationGuide, "所需材料")]
    public void Compose_TaskAspectInPhoneWords_CitesTheAskedGuideSection(string question, string source, string section)
        => AssertCitedInTopThree(question, source, section);

    private void AssertCitedInTopThree(string question, string source, string section)
    {
        var answer = _composer.Compose(knowledge.Knowledge, question);

        var top = answer.Citations.Take(3).ToList();
        Assert.True(top.Any(c => c.Source == source && c.Section == section),
            $"{question}: 《{source}》{section} not in {string.Join(" | ", top.Select(c => c.Source + " " + c.Section))}");
    }
}
