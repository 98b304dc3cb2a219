using System.ComponentModel.DataAnnotations;
using ServiceBot.Retrieval;
using ServiceBot.Retrieval.Lexical;
using ServiceBot.Text;

namespace ServiceBot.Core.Tests.Retrieval.Lexical;

/// <summary>The statute first stage's parameters: what they change against the knowledge base's, and that search over statutes gets them.</summary>
public class LexicalIndexOptionsTests
{
    // One clause per law, so neither neighbour nor document evidence changes the ratio of the two scores.
    private static readonly IndexDocument[] Statutes =
    [
        new("short", "租赁条例", "第一条", "押金应当返还。"),
        new("long", "物业服务条例", "第九条",
            "业主委员会应当自选举产生之日起三十日内向所在地街道办事处备案，物业服务企业撤出物业管理区域时应当移交资料并返还押金，" +
            "有关部门应当加强监督检查，业主大会决定的事项对全体业主具有约束力。"),
        new("other", "道路交通安全法", "第一条", "机动车应当依法登记。"),
    ];

    [Fact]
    public void StatuteScoring_LongArticleMatchingOnce_LosesLessToItsLengthThanUnderTheDefaults()
    {
        var index = LexicalIndex.Build(Statutes, new ChineseAnalyzer(), new LexicalIndexOptions { NearDuplicateThreshold = 0 });

        var defaults = LongToShort(index);
        var statutes = LongToShort(index.WithOptions(LexicalIndexOptions.StatuteScoring()));

        Assert.True(defaults < 1, $"under the defaults the long article should score below the short one, got {defaults}");
        Assert.True(statutes > defaults + 0.05, $"statute scoring should penalise length less: {statutes} against {defaults}");
    }

    [Fact]
    public void ForStatutes_StatuteSearch_UsesTheStatuteFirstStage()
    {
        var statutes = LexicalIndexOptions.ForStatutes();
        var scoring = LexicalIndexOptions.StatuteScoring();

        Assert.Equal((scoring.K1, scoring.B, scoring.NeighborWeight, scoring.GroupWeight),
            (statutes.K1, statutes.B, statutes.NeighborWeight, statutes.GroupWeight));
        Assert.NotEqual((scoring.K1, scoring.B), (new LexicalIndexOptions().K1, new LexicalIndexOptions().B));
    }

    [Fact]
    public void StatuteScoring_Validated_IsWithinEveryRange()
    {
        var failures = new List<ValidationResult>();

        var options = LexicalIndexOptions.StatuteScoring();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), failures, validateAllProperties: true);

        Assert.True(valid, string.Join("; ", failures.Select(f => f.ErrorMessage)));
    }

    private static float LongToShort(LexicalIndex index)
    {
        var hits = index.Search("押金返还", 5);
        return hits.Single(h => h.Id == "long").Score / hits.Single(h => h.Id == "short").Score;
    }
}
