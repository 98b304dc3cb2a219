namespace ServiceBot.Server.Tests.Staff.Admin.Review;

/// <summary>A question the repository's knowledge refuses, and the clause an editor teaches it to.</summary>
internal static class ReviewScenario
{
    public const string RefusedQuestion = "骑手住的城中村房租太贵了政府管不管";

    public const string Source = "关于加强新就业群体服务管理的意见";

    public const string Section = "四、(九)";

    /// <summary>What an editor types to find the clause: the citizen's own words do not rank it.</summary>
    public const string ClauseSearch = "骑手住宿吃饭停车难";
}
