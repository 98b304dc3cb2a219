using System.Text.RegularExpressions;

namespace ServiceBot.Understanding.Intents;

/// <summary>
/// A request that the assistant write, translate, call or message for the user (帮我写一封辞职信, 帮我翻译一下, "can you call my
/// landlord for me", "can you write my son's essay"). No document answers it and no task does it, however many of the
/// domain's words it uses (a product description for a Yiwu shop, a WeChat message about a ticket), so it gets the
/// out-of-scope reply without a search that would quote the nearest clause. 给我打电话 is someone calling the user, not a request.
/// </summary>
public static partial class ErrandRequest
{
    public static bool IsErrand(string text) => Chinese().IsMatch(text) || English().IsMatch(text);

    /// <summary>
    /// An errand of any kind, those above and ordering, buying, drawing or calling a courier or a car (帮我叫个跑腿去驿站取充电宝):
    /// it may name a task's word, yet asks for something no task does (<see cref="TaskAnchors"/> holds every task back).
    /// </summary>
    public static bool AsksForAnotherService(string text) => IsErrand(text) || OtherService().IsMatch(text);

    [GeneratedRegex(@"(帮我|帮忙|替我|给我|麻烦你)(写|编|叫|订|点|买|画|翻译|拍|推荐|发条|发个|跑腿)|(?i:\b(write me|call me a|order me|buy me)\b)")]
    private static partial Regex OtherService();

    [GeneratedRegex(@"(帮我|替我|麻烦你)(写|编|翻译|(给[^，。？?\s]{1,6})?(打个?电话|发个?短信|发个?消息|发个?微信))")]
    private static partial Regex Chinese();

    // "write" only with what is written (an essay, a letter, a description): "can you write down the steps" asks the procedure.
    [GeneratedRegex(@"\b(can|could|would|will|pls|please)\s+(you|u)\s+(please\s+|pls\s+|just\s+|also\s+)?((help|assist)\s+(me|my|him|her|us)\s+(\w+\s+){0,3}with\s+(his|her|my|their|our|the)\s+(\w+\s+)?(homework|essay|assignment|composition|thesis)|(write|compose|draft)\s+((me|us)\s+)?((a|an|my|his|her|our|the|some|this)\s+)?([\w'-]+\s+){0,4}(essay|letter|message|description|poem|story|post|introduction|speech|article|review|caption|composition|email|note|script|cv|resume)s?|translate|(text|call|phone|ring|message|email)\s+(my|him|her|them|the)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex English();
}
