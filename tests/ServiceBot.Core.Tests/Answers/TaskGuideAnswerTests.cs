using ServiceBot.Answers;
using ServiceBot.Core.Tests.Knowledge;
using ServiceBot.Knowledge;
using ServiceBot.Knowledge.Chunking;
using ServiceBot.Knowledge.Reading;
using ServiceBot.Understanding.Intents;

namespace ServiceBot.Core.Tests.Answers;

/// <summary>The service guides under knowledge/guides: one per task, and task questions answered from them with citations.</summary>
public sealed class TaskGuideAnswerTests(RealKnowledgeFixture withLaws, KnowledgeOnlyFixture knowledgeOnly)
    : IClassFixture<RealKnowledgeFixture>, IClassFixture<KnowledgeOnlyFixture>
{
    private static readonly string GuidesFolder = Path.Combine(KnowledgePaths.KnowledgeFolder, "guides");

    private static readonly string[] StandardSections = ["适用对象和办理条件", "所需材料", "办理流程", "办理时限", "收费标准", "常见问题", "线上办理"];

    private readonly ExtractiveAnswerComposer _composer = new();

    public static TheoryData<string, string, bool> TaskQuestions()
    {
        (string Question, string Task)[] questions =
        [
            ("租房能提公积金吗", IntentNames.FundWithdrawal),
            ("工伤申报要带什么材料", IntentNames.InjuryReport),
            ("骑手受伤了怎么申报职业伤害", IntentNames.InjuryReport),
            ("被拖欠工资去哪里投诉", IntentNames.WageComplaint),
            ("社保怎么转到另一个城市", IntentNames.InsuranceTransfer),
            ("12345可以反映哪些问题", IntentNames.HotlineAppeal),
            ("办件进度怎么查", IntentNames.TicketStatus),
            ("附近有骑手驿站吗", IntentNames.StationFinder),
            ("外国人注册公司要带什么材料", IntentNames.ForeignEnterpriseRegistration),
        ];
        var data = new TheoryData<string, string, bool>();
        foreach (var includeLaws in new[] { true, false })
            foreach (var (question, task) in questions)
                data.Add(question, task, includeLaws);
        return data;
    }

    public static TheoryData<string, string[]> RequiredInputs() => new()
    {
        { IntentNames.FundWithdrawal, ["身份证号", "提取原因", "租房", "购房", "离职", "退休", "医疗", "提取金额", "银行卡号"] },
        { IntentNames.InjuryReport, ["身份证号", "平台", "事故时间", "事故地点", "伤情", "联系电话"] },
        { IntentNames.WageComplaint, ["身份证号", "用人单位", "拖欠金额", "拖欠期间", "联系电话"] },
        { IntentNames.InsuranceTransfer, ["身份证号", "转出城市", "转入城市", "险种"] },
        { IntentNames.HotlineAppeal, ["诉求内容", "地点", "联系电话"] },
        { IntentNames.StationFinder, ["城市", "区县（可选）"] },
        { IntentNames.TicketStatus, ["办件编号"] },
        { IntentNames.ForeignEnterpriseRegistration, ["护照号码", "企业名称", "经营范围", "注册资本", "预约日期", "手机号码"] },
    };

    [Theory]
    [MemberData(nameof(TaskQuestions))]
    public void Compose_TaskQuestion_IsGroundedAndCitesTaskGuideInTopThree(string question, string task, bool includeLaws)
    {
        var knowledge = includeLaws ? withLaws.Knowledge : knowledgeOnly.Knowledge;
        var guideTitle = Guide(task).Title;

        var answer = _composer.Compose(knowledge, question);

        Assert.True(answer.Grounded, $"not grounded: {question}");
        var top = answer.Citations.Take(3).ToList();
        Assert.True(top.Any(c => c.Source == guideTitle),
            $"{question}: 《{guideTitle}》 not in {string.Join(" | ", top.Select(c => c.Source + " " + c.Section))}");
    }

    [Fact]
    public void Compose_FeeQuestionOutsideAnyTask_OpensWithTheFeeSectionsOwnAnswer()
    {
        // Asked as a plain question (no task routed), the guide's 收费标准 still answers first in its own words.
        var answer = _composer.Compose(withLaws.Knowledge, "公积金提取要交手续费不");

        var lead = answer.Citations[0];
        Assert.Equal(("住房公积金提取办事指南（示例）", TaskGuideSections.Fees), (lead.Source, lead.Section));
        Assert.StartsWith("不收取任何费用。", answer.Markdown);
    }

    [Fact]
    public void Fixture_KnowledgeWithoutLaws_IngestsWithoutFailures()
    {
        Assert.Empty(knowledgeOnly.Report.Failures);
        Assert.Contains(knowledgeOnly.Knowledge.Chunks, c => c.DocumentId.StartsWith("guides/", StringComparison.Ordinal));
    }

    [Fact]
    public void Guides_EveryCatalogTask_HasExactlyOneSampleGuide()
    {
        var guides = Guides();

        Assert.Equal(IntentNames.Tasks.Order(StringComparer.Ordinal), guides.Select(g => g.Metadata["task"]).Order(StringComparer.Ordinal));
        Assert.All(guides, g =>
        {
            Assert.Equal(DocumentTypes.Guide, g.Type);
            Assert.Equal("true", g.Metadata["sample"]);
            Assert.Equal("示例", g.Metadata[MetadataKeys.Region]);
            Assert.Equal("2026-11-01", g.Metadata[MetadataKeys.Date]);
            Assert.StartsWith("示例", g.Metadata[MetadataKeys.Issuer]);
            Assert.EndsWith("办事指南（示例）", g.Title);
            Assert.StartsWith("示例内容，具体以当地规定为准。", g.Blocks.First(b => !b.IsHeading).Text);
        });
    }

    [Fact]
    public void Guides_EveryGuide_HasStandardSectionsAndQuestionsAsSubsections()
    {
        Assert.All(Guides(), g =>
        {
            var sections = g.Blocks.Where(b => b.IsHeading && b.Level == 2).Select(b => b.Text).ToList();
            Assert.Equal(StandardSections, sections);
            var questions = g.Blocks.Where(b => b.IsHeading && b.Level == 3).Select(b => b.Text).ToList();
            Assert.True(questions.Count >= 3, $"{g.Id}: only {questions.Count} questions");
            Assert.All(questions, q => Assert.EndsWith("？", q));
        });
    }

    [Theory]
    [MemberData(nameof(RequiredInputs))]
    public void Guides_MaterialsSection_NamesEveryRequiredInputOfTask(string task, string[] inputs)
    {
        var materials = new StructuralChunker().Chunk(Guide(task)).Single(c => c.Section == "所需材料");

        Assert.All(inputs, input => Assert.Contains(input, materials.Text));
    }

    [Theory]
    [InlineData("租房可以提取公积金吗？", "正常缴存状态", "无自有住房", "提取额度")]
    [InlineData("账户封存了能提取吗？", "封存满6个月", "重新缴存")]
    [InlineData("离职后多久可以提取？", "封存满6个月")]
    public void Guides_FundWithdrawalQuestions_AnswerStatesTheConditions(string question, params string[] conditions)
    {
        var chunk = new StructuralChunker().Chunk(Guide(IntentNames.FundWithdrawal)).Single(c => c.Section == question);

        Assert.Equal("常见问题 > " + question, chunk.HeadingPath);
        Assert.All(conditions, condition => Assert.Contains(condition, chunk.Text));
    }

    /// <summary>The Chinese guides; the English ones (guides/en) are checked by EnglishGuideTests.</summary>
    private static IReadOnlyList<KnowledgeDocument> Guides()
    {
        var result = MarkdownDocumentReader.ReadDirectory(GuidesFolder);
        Assert.Empty(result.Failures);
        return result.Documents.Where(d => !d.Metadata.ContainsKey(MetadataKeys.Language)).ToList();
    }

    private static KnowledgeDocument Guide(string task) => Guides().Single(g => g.Metadata.GetValueOrDefault("task") == task);
}
