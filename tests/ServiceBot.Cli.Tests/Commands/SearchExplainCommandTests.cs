using System.Text.Json.Nodes;

namespace ServiceBot.Cli.Tests.Commands;

public sealed class SearchExplainCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _knowledge;
    private readonly string _index;

    public SearchExplainCommandTests()
    {
        _knowledge = FundPolicyKnowledge.Write(_folder, "\n## 二、办理时限\n\n材料齐全的，住房公积金管理中心应当自受理之日起3个工作日内办结。\n");
        _index = Path.Combine(_folder.Path, "index");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Explain_Question_ShowsAnalysisSignalsAndGrounding()
    {
        var result = await CliRunner.RunAsync("search", "--explain", "退休了公积金能取出来吗", "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("分析后的查询", result.Output);
        Assert.Contains("公积金×1", result.Output);
        Assert.Contains("住房公积金×0.3（扩展）", result.Output);
        Assert.Contains("1. 《住房公积金提取办法》", result.Output);
        Assert.Contains("退休提取", result.Output.Split("\n2. ")[0]);
        Assert.Contains("第一阶段", result.Output);
        Assert.Contains("第二阶段：未启用", result.Output); // the statute-trained model is not applied to the knowledge base
        Assert.Contains("作答覆盖率", result.Output);
        Assert.Contains("作答判定：覆盖率 ≥ 0.60", result.Output);
    }

    [Theory]
    [InlineData("Can I withdraw my housing fund after I retire?", "英文指南未作答时用它检索中文条款")]
    [InlineData("Where can I find a cheap hotel and a good karaoke bar for my housing fund party tonight?", "不用于检索")]
    public async Task Explain_EnglishQuestion_ShowsItsReadingInChineseWordsAndWhetherItIsUsed(string question, string use)
    {
        var result = await CliRunner.RunAsync("search", "--explain", question, "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("英文问题按中文词读作", result.Output);
        Assert.Contains("housing fund → 公积金", result.Output);
        Assert.Contains(use, result.Output);
    }

    [Fact]
    public async Task AskAndExplain_LabourLawQuestionWithoutTheLaws_RefusedAndSaysWhy()
    {
        var knowledge = Path.Combine(RepositoryFolder.Root(), "knowledge");

        var explained = await CliRunner.RunAsync("search", "--explain", "试用期最长多久", "--knowledge", knowledge, "--index", _index);
        var asked = await CliRunner.RunAsync("ask", "试用期最长多久", "--json", "--knowledge", knowledge, "--index", _index);

        Assert.Equal(0, explained.ExitCode);
        Assert.Contains("最相近的已答问题由本知识库未收录的条文回答", explained.Output);
        Assert.Contains("结论：拒答", explained.Output);
        Assert.Equal(0, asked.ExitCode);
        var answer = JsonNode.Parse(asked.Output)!;
        Assert.False(answer["grounded"]!.GetValue<bool>());
        Assert.Empty(answer["citations"]!.AsArray());
    }

    [Fact]
    public async Task Explain_MisspeltDomainWord_ShowsTheCorrection()
    {
        var text = await CliRunner.RunAsync("search", "--explain", "退休了公鸡金能取出来吗", "--knowledge", _knowledge, "--index", _index);
        var json = await CliRunner.RunAsync("search", "--explain", "退休了公鸡金能取出来吗", "--json", "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("纠错：公鸡金 → 公积金", text.Output);
        Assert.Contains("退休提取", text.Output.Split("\n2. ")[0]);
        var correction = JsonNode.Parse(json.Output)!["query"]!["corrections"]!.AsArray().Single()!;
        Assert.Equal("公鸡金", correction["typed"]!.GetValue<string>());
        Assert.Equal("公积金", correction["corrected"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explain_Json_CarriesEveryFeatureAndHonoursTop()
    {
        var result = await CliRunner.RunAsync("search", "--explain", "公积金租房提取要什么条件", "--top", "2", "--json",
            "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Output)!;
        var hits = json["hits"]!.AsArray();
        Assert.Equal(2, hits.Count);
        Assert.Equal("住房公积金提取办法", hits[0]!["source"]!.GetValue<string>());
        Assert.True(hits[0]!["features"]!["WordCoverage"]!.GetValue<float>() > 0);
        Assert.Equal(hits[0]!["firstStage"]!["score"]!.GetValue<float>(),
            new[] { "words", "bigrams", "questions", "neighbor", "group" }.Sum(p => hits[0]!["firstStage"]![p]!.GetValue<float>()), 3);
        Assert.Contains(json["query"]!["words"]!.AsArray(), w => w!["term"]!.GetValue<string>() == "住房公积金" && w["expansion"]!.GetValue<bool>());
        Assert.NotNull(hits[0]!["coverage"]);
        Assert.Equal(0.6, json["grounding"]!["minCoverage"]!.GetValue<double>());
    }

    [Fact]
    public async Task Explain_NoClauseHoldsAWordOfIt_NamesThePartOfTheHardRuleThatRefused()
    {
        var text = await CliRunner.RunAsync("search", "--explain", "阿司匹林和布洛芬", "--knowledge", _knowledge, "--index", _index);
        var json = await CliRunner.RunAsync("search", "--explain", "阿司匹林和布洛芬", "--json", "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, text.ExitCode);
        Assert.Equal("最终判定：规则拒答（没有条款含有问题中的词）；拒答模型：未参与；结论：拒答", text.Output.TrimEnd().Split('\n')[^1]);
        var decision = JsonNode.Parse(json.Output)!["decision"]!;
        Assert.True(decision["hardRefusal"]!.GetValue<bool>());
        Assert.Equal("NoClauseCovers", decision["hardRule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explain_AnsweredQuestion_EndsWithTheDecisionAndTheRefusalModelsProbability()
    {
        var text = await CliRunner.RunAsync("search", "--explain", "公积金租房提取要什么条件", "--knowledge", _knowledge, "--index", _index);
        var json = await CliRunner.RunAsync("search", "--explain", "公积金租房提取要什么条件", "--json", "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, text.ExitCode);
        var verdict = text.Output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("最终判定：覆盖阈值达到；", verdict);
        Assert.Contains("结论：作答，引用 《住房公积金提取办法》", verdict);
        var decision = JsonNode.Parse(json.Output)!["decision"]!;
        Assert.True(decision["answers"]!.GetValue<bool>());
        Assert.True(decision["ruleAnswers"]!.GetValue<bool>());
        Assert.False(decision["hardRefusal"]!.GetValue<bool>());
        Assert.StartsWith("《住房公积金提取办法》", decision["lead"]!.GetValue<string>());
        var probability = decision["answerProbability"]?.GetValue<double>();
        if (probability is { } p) Assert.Contains($"作答概率 {p.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}", verdict);
        else Assert.Contains("拒答模型：未参与", verdict);
    }

    [Fact]
    public async Task Explain_QuestionNoClauseAnswers_EndsWithARefusal()
    {
        var text = await CliRunner.RunAsync("search", "--explain", "明天邯郸会下雨吗", "--knowledge", _knowledge, "--index", _index);
        var json = await CliRunner.RunAsync("search", "--explain", "明天邯郸会下雨吗", "--json", "--knowledge", _knowledge, "--index", _index);

        Assert.Equal(0, text.ExitCode);
        Assert.EndsWith("结论：拒答", text.Output.TrimEnd());
        var decision = JsonNode.Parse(json.Output)!["decision"]!;
        Assert.False(decision["answers"]!.GetValue<bool>());
        Assert.Null(decision["lead"]);
    }

    [Fact]
    public async Task Explain_UnknownOption_IsAUsageError()
    {
        var result = await CliRunner.RunAsync("search", "--explain", "公积金", "--colour", "red", "--knowledge", _knowledge, "--index", _index);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("错误：", result.Error);
    }
}
