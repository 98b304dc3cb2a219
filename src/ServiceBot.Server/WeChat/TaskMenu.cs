namespace ServiceBot.Server.WeChat;

/// <summary>
/// The 一件事 menu that channels offer on arrival (welcome text, WeChat menu keys, Bot Framework quick replies).
/// Choosing an item sends the engine the same words a user would type, so the engine alone decides what happens.
/// </summary>
public static class TaskMenu
{
    public const string KeyPrefix = "TASK_";

    public sealed record Item(string Task, string Label, string Trigger)
    {
        /// <summary>The custom-menu key configured in the Official Account console, e.g. <c>TASK_fund_withdrawal</c>.</summary>
        public string Key => KeyPrefix + Task;
    }

    public static IReadOnlyList<Item> Items { get; } =
    [
        new("fund_withdrawal", "住房公积金提取", "我要办理住房公积金提取"),
        new("injury_report", "职业伤害保障申报", "我要办理新就业形态职业伤害保障申报"),
        new("wage_complaint", "欠薪投诉", "我要办理欠薪投诉"),
        new("insurance_transfer", "社保转移", "我要办理社保关系转移接续"),
        new("hotline_appeal", "12345诉求", "我要办理12345诉求登记"),
        new("station_finder", "附近驿站", "我要办理附近驿站/服务站查询"),
        new("ticket_status", "办件进度", "我要办理办件进度查询"),
        new("foreign_enterprise_registration", "外资企业登记预约", "我要办理外商投资企业设立登记预约"),
    ];

    public static Item? FindByKey(string? key) =>
        Items.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase));

    public const string Greeting = "您好，欢迎使用政务服务助手！我可以解答政策问题（附条款出处），也可以边聊边帮您办事：";

    public const string Closing = "也可以直接输入您的问题，例如“外卖骑手受伤了怎么申报？”";
}
