using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Answers.HitTesting;

/// <summary>The names maintainers read for each ranking feature, in the CLI's explanation and the admin console.</summary>
public static class RankingFeatureLabels
{
    public static readonly IReadOnlyDictionary<RankingFeature, string> Labels = new Dictionary<RankingFeature, string>
    {
        [RankingFeature.WordScore] = "词 BM25",
        [RankingFeature.BigramScore] = "二元组 BM25",
        [RankingFeature.QuestionScore] = "相似问法 BM25",
        [RankingFeature.NeighborScore] = "邻条得分",
        [RankingFeature.GroupScore] = "文档证据",
        [RankingFeature.FirstStageRelative] = "首阶段相对分",
        [RankingFeature.FirstStageRank] = "首阶段名次",
        [RankingFeature.WordScoreRelative] = "词 BM25 相对值",
        [RankingFeature.BigramScoreRelative] = "二元组 BM25 相对值",
        [RankingFeature.WordCoverage] = "词覆盖率",
        [RankingFeature.BigramCoverage] = "二元组覆盖率",
        [RankingFeature.TitleCoverage] = "标题覆盖率",
        [RankingFeature.ArticleNamed] = "问题提到条号",
        [RankingFeature.ArticleMatch] = "条号吻合",
        [RankingFeature.ClauseLength] = "条款词数",
        [RankingFeature.QueryLength] = "问题词数",
        [RankingFeature.GroupRank] = "文档名次",
        [RankingFeature.GroupShare] = "文档候选占比",
        [RankingFeature.MatchedWords] = "命中词数",
        [RankingFeature.UnmatchedMaxIdf] = "未命中词最大 idf",
        [RankingFeature.NeighborCoverage] = "邻条词覆盖率",
        [RankingFeature.GroupCoverage] = "文档词覆盖率",
        [RankingFeature.GroupSize] = "文档条款数",
        [RankingFeature.ArticlePosition] = "条号",
        [RankingFeature.RelativePosition] = "条号相对位置",
        [RankingFeature.TitleKind] = "文档类型",
    };
}
