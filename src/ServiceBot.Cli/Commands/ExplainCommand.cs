using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBot.Answers;
using ServiceBot.Answers.HitTesting;
using ServiceBot.Answers.Refusal;
using ServiceBot.Knowledge;
using ServiceBot.Localization;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Ranking;
using ServiceBot.Text;

namespace ServiceBot.Cli.Commands;

/// <summary>
/// <c>search --explain</c>: hit testing for the people who maintain the knowledge. Shows how the question was
/// analysed, then the top clauses with each ranking signal and the grounding coverage against its threshold.
/// </summary>
internal static class ExplainCommand
{
    private const int DefaultTop = 5;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string question, CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var top = arguments.PositiveInt("top", DefaultTop);
        var json = arguments.Flag("json");
        using var services = KnowledgeServices.Build(arguments);
        arguments.RejectUnknown();
        if (string.IsNullOrWhiteSpace(question)) throw new CliUsageException("--explain 需要一个问题。");

        var provider = services.GetRequiredService<KnowledgeBaseProvider>();
        var knowledge = await provider.GetAsync(cancellationToken);
        if (provider.LastIngestion is { IndexRewritten: true } ingestion)
            console.Error.WriteLine($"已更新知识索引：{ingestion.Chunks} 个条款片段。");
        var answerOptions = services.GetRequiredService<IOptions<AnswerOptions>>().Value;
        var composer = services.GetRequiredService<ExtractiveAnswerComposer>();

        var test = HitTest.Run(knowledge, composer, answerOptions, question, top);
        console.Out.WriteLine(json
            ? HitTestJson.ToJson(test).ToJsonString(Json)
            : ToText(question, test.Explanation, knowledge, test.Grounding, composer) + Environment.NewLine + Environment.NewLine + DecisionText(test.Decision));
        return CliApplication.Success;
    }

    private static string ToText(string question, SearchExplanation explanation, KnowledgeBase knowledge, HitTestGrounding grounding,
        ExtractiveAnswerComposer composer)
    {
        var text = new StringBuilder();
        var options = explanation.Options;
        text.Append("问题：").AppendLine(question).AppendLine();
        var english = KnowledgeLanguage.OfQuestion(question) == BotLanguages.English;
        if (english && knowledge.EnglishSpelling.Correct(question) is { IsChanged: true } spelling)
        {
            text.AppendLine("英文拼写纠错：" + string.Join("，", spelling.Corrections.Select(c => $"{c.Typed} → {c.Corrected}"))).AppendLine();
            question = spelling.Text;
        }
        if (english && EnglishBridge.Default.Translate(question) is { } bridged)
        {
            var use = bridged.IsReadable
                ? "英文指南未作答时用它检索中文条款"
                : $"低于 {BridgedQuestion.MinUnderstood:0.00}，不用于检索";
            text.AppendLine(CultureInfo.InvariantCulture, $"英文问题按中文词读作（识别 {bridged.Understood:0.00}，{use}）：{bridged.Text}")
                .AppendLine("  " + string.Join("，", bridged.Phrases.Select(p => $"{p.English} → {p.Chinese}"))).AppendLine();
        }
        text.AppendLine("分析后的查询（权重 < 1 的是扩展词）：");
        if (explanation.Query.Corrections.Count > 0)
            text.Append("  纠错：").AppendLine(string.Join("，", explanation.Query.Corrections.Select(c => $"{c.Typed} → {c.Corrected}")));
        if (explanation.Query.Expansions.Count > 0)
            text.Append("  口语扩展：").AppendLine(string.Join("，", explanation.Query.Expansions.Select(e => $"{string.Join("/", e.LayPhrases)} → {string.Join("/", e.PolicyWords)}")));
        text.Append("  词：").AppendLine(Terms(explanation.Query.Words));
        text.Append("  二元组：").AppendLine(Terms(explanation.Query.Bigrams));
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture,
            $"第一阶段：BM25 词 ×{options.WordWeight:0.##} + 二元组 ×{options.BigramWeight:0.##} + 相似问法 ×{options.QuestionWeight:0.##}，");
        text.AppendLine(CultureInfo.InvariantCulture, $"邻条 ×{options.NeighborWeight:0.##}，文档证据 ×{options.GroupWeight:0.##}");
        text.AppendLine(explanation.Reranked
            ? $"第二阶段：{options.Ranker!.Trees.Count} 棵排序树重排前 {explanation.Depth} 条候选"
            : "第二阶段：未启用（没有排序模型，或条款少于重排深度），按第一阶段得分排序");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"作答判定：覆盖率 ≥ {grounding.Options.MinCoverage:0.00}，或问题含领域词时 ≥ {grounding.Options.MinDomainCoverage:0.00}（本问题{(grounding.InDomain ? "含" : "不含")}领域词）");
        if (explanation.Hits.Count == 0) text.AppendLine().AppendLine("没有检索到任何条款。");

        foreach (var (hit, rank) in explanation.Hits.Select((h, i) => (h, i + 1)))
        {
            var candidate = hit.Candidate;
            var chunk = knowledge.Find(candidate.Id);
            var parts = candidate.Parts;
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"{rank}. ").Append(chunk is null ? candidate.Id : $"《{chunk.Title}》{chunk.Section}")
                .AppendLine(CultureInfo.InvariantCulture, $"  [{candidate.Id}]");
            if (chunk is not null) text.Append("   ").AppendLine(Excerpt(chunk.Text));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"   第一阶段 {candidate.FirstStageScore:0.00}（第 {hit.FirstStageRank} 名）= 词 {parts.Words:0.00} + 二元组 {parts.Bigrams:0.00} + 相似问法 {parts.Questions:0.00} + 邻条 {parts.Neighbor:0.00} + 文档 {parts.Group:0.00}");
            if (hit.Ranker is { } ranker)
            {
                var strongest = ranker.Contributions.Select((c, f) => (Value: c, Feature: (RankingFeature)f))
                    .Where(c => Math.Abs(c.Value) >= 0.005).OrderByDescending(c => Math.Abs(c.Value)).Take(6)
                    .Select(c => $"{RankingFeatureLabels.Labels[c.Feature]} {c.Value:+0.00;-0.00}（{candidate.Features[(int)c.Feature]:0.##}）");
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"   重排得分 {ranker.Score:0.000} = 基线 {ranker.Baseline:0.000}；主要贡献：{string.Join("，", strongest)}");
            }
            text.Append("   特征：").AppendLine(string.Join("  ", Enum.GetValues<RankingFeature>()
                .Select(f => $"{RankingFeatureLabels.Labels[f]}={candidate.Features[(int)f].ToString("0.###", CultureInfo.InvariantCulture)}")));
            text.Append("   作答覆盖率：").AppendLine(grounding.Coverage.TryGetValue(candidate.Id, out var coverage)
                ? $"{coverage.ToString("0.00", CultureInfo.InvariantCulture)}，{(composer.IsGrounded(coverage, grounding.InDomain) ? "达到" : "未达到")}作答阈值"
                : $"—（不在作答时检查的前 {grounding.Options.Candidates} 条内）");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>Which part of the hard rule refused, in the words the maintainers read.</summary>
    private static string HardRuleText(HardRule? rule) => rule switch
    {
        HardRule.NoClauseCovers => "没有条款含有问题中的词",
        HardRule.SpecificUnstated => "问题问的数字、日期、地点等，最佳条款没有写明",
        HardRule.AnotherField => "问题多半是知识库不用的词，属于其他领域",
        _ => "没有条款覆盖问题、问题属于其他领域，或条款未给出所问的数字",
    };

    /// <summary>
    /// The final word: the hard rule's refusal, or the coverage thresholds' verdict and the refusal model's probability
    /// against its threshold (the model decides when it runs), and what the reply does.
    /// </summary>
    private static string DecisionText(HitTestDecision decision)
    {
        var outcome = decision.Answers ? $"作答，引用 {decision.Lead}" : "拒答";
        if (decision.HardRefusal) return $"最终判定：规则拒答（{HardRuleText(decision.HardRule)}）；拒答模型：未参与；结论：{outcome}";
        var thresholds = $"覆盖阈值{(decision.RuleAnswers ? "达到" : "未达到")}";
        if (decision.AbsentKnowledge)
            return $"最终判定：{thresholds}；最相近的已答问题由本知识库未收录的条文回答（例如未配置法律法规），拒答模型：未参与；结论：{outcome}";
        var model = decision.Probability is { } probability
            ? string.Create(CultureInfo.InvariantCulture,
                $"拒答模型：作答概率 {probability:0.000}，阈值 {decision.MinAnswerProbability:0.00}（{(probability >= decision.MinAnswerProbability ? "达到" : "未达到")}），")
              + (probability < decision.MinAnswerProbability && decision.Answers ? "但条款原文直接覆盖了问题、条款有几乎一字不差的相似问法，或条款独含问题所问的专有词，模型不否决" : "由模型判定")
            : "拒答模型：未参与，按覆盖阈值判定";
        return $"最终判定：{thresholds}；{model}；结论：{outcome}";
    }

    private static string Terms(IReadOnlyDictionary<string, float> terms)
        => terms.Count == 0
            ? "（无）"
            : string.Join("  ", terms.OrderByDescending(t => t.Value).Select(t =>
                $"{t.Key}×{t.Value.ToString("0.##", CultureInfo.InvariantCulture)}{(t.Value < 1f ? "（扩展）" : "")}"));

    private static string Excerpt(string text)
    {
        var flat = text.Replace('\n', ' ').Trim();
        return flat.Length <= 60 ? flat : flat[..60] + "……";
    }
}
