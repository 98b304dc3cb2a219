using ServiceBot.Retrieval.Ranking;

namespace ServiceBot.Core.Tests.Retrieval.Ranking;

public class TermTranslationLearnerTests
{
    // 房东 is asked three times, and its articles always say 出租人; 应当 is in every relevant article.
    private static readonly TranslationExample[] Examples =
    [
        new(["房东", "押金"], ["出租人", "租赁", "应当"]),
        new(["房东", "漏水"], ["出租人", "维修", "应当"]),
        new(["房东", "涨租"], ["出租人", "租金", "应当"]),
        new(["老公", "出轨"], ["配偶", "离婚", "应当"]),
        new(["老公", "打人"], ["配偶", "家庭暴力", "应当"]),
        new(["借钱", "不还"], ["借款", "利息", "应当"]),
        new(["工资", "拖欠"], ["劳动报酬", "用人单位", "应当"]),
        new(["加班", "工资"], ["劳动报酬", "延长工作时间", "应当"]),
    ];

    private static TermTranslations Learn(TermTranslationLearnerOptions? options = null)
        => new TermTranslationLearner(options ?? new TermTranslationLearnerOptions()).Learn(Examples);

    [Fact]
    public void Learn_WordAlwaysBesideAStatuteWord_TranslatesToIt()
    {
        var table = Learn();

        var landlord = table.Table["房东"];
        Assert.Equal("出租人", landlord[0].Word);
        Assert.Equal(3f / (3 + 1), landlord[0].Strength, 5); // seen 3 times in 3 questions, smoothed by 1
        Assert.Equal("配偶", Assert.Single(table.Table["老公"]).Word);
        Assert.Equal("劳动报酬", Assert.Single(table.Table["工资"]).Word);
    }

    [Fact]
    public void Learn_WordEveryArticleUses_IsNoTranslation()
        => Assert.DoesNotContain(Learn().Table.Values.SelectMany(t => t), t => t.Word == "应当");

    [Fact]
    public void Learn_PairSeenInOneQuestionOnly_IsLeftOut()
    {
        var table = Learn();

        Assert.False(table.Table.ContainsKey("借钱"));
        Assert.DoesNotContain(table.Table["房东"], t => t.Word is "维修" or "押金");
    }

    [Fact]
    public void Learn_StrengthBelowTheThreshold_IsLeftOut()
    {
        // 老公 → 配偶 is 2 / (2 + 1) ≈ 0.67; 房东 → 出租人 is 0.75.
        var table = Learn(new TermTranslationLearnerOptions { MinStrength = 0.7 });

        Assert.True(table.Table.ContainsKey("房东"));
        Assert.False(table.Table.ContainsKey("老公"));
    }

    [Fact]
    public void Learn_TranslationMostOfTheCorpusUses_IsLeftOut()
    {
        var share = new Dictionary<string, double> { ["出租人"] = 0.001, ["配偶"] = 0.6 };
        var table = new TermTranslationLearner(new TermTranslationLearnerOptions { MaxCorpusShare = 0.2 })
            .Learn(Examples, word => share.GetValueOrDefault(word));

        Assert.Equal("出租人", table.Table["房东"][0].Word);
        Assert.False(table.Table.ContainsKey("老公"));
    }
}
