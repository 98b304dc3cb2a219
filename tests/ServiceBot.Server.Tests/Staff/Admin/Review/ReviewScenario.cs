namespace ServiceBot.Server.Tests.Staff.Admin.Review;

/// <summary>A question the repository's knowledge refuses, and the clause an editor teaches it to.</summary>
internal static class ReviewScenario
{
    public const string RefusedQuestion = "晚上跑完单没地儿落脚 住宿太贵了咋办";

    public const string Source = "关于加强新就业群体服务管理的意见";

    public const string Section = "四、(九)";

    /// <summary>What an editor types to find the clause: the citizen's own words do not rank it.</summary>
    public const string ClauseSearch = "骑手住宿吃饭停车难";
}

/// <summary>A question the repository's knowledge refuses, and the curated answer an editor writes for it.</summary>
internal static class CuratedScenario
{
    public const string Question = "外卖骑手中秋节平台发月饼吗";

    public const string Answer = "国家文件没有统一规定节日福利，是否发放月饼等节日慰问品由平台企业自行决定。平台企业应当合理确定劳动报酬并及时足额支付，对报酬有异议可以向企业反映，也可以拨打12345。";

    public const string Source = ReviewScenario.Source;

    public const string Section = "三、(五)";
}
