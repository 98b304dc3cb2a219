using System.Text.RegularExpressions;
using ServiceBot.Answers;

namespace ServiceBot.Conversation;

/// <summary>
/// Whether a message the classifier files under a task asks <i>about</i> the task rather than asking to do it. Such a
/// message is answered from the task's guide and the task is offered, because a form opened for a question makes the
/// user start something they only asked about. In order:
/// <list type="number">
/// <item>it asks for a guide section (材料, 多久, 收费, 能不能): a question, even after 我要 (but 怎么办 and 网上 also go with requests);</item>
/// <item>it asks to do it (我要, 我想, 帮我 — but not 我想问): a request;</item>
/// <item>it is worded as a question (吗, 开门不, 掏钱不咧, 需不需要, 转出地还是转入地, 啥, 怎么, 咋, 哪, 找谁 …): a question;</item>
/// <item>anything else (社保转移, 查询办件进度, 我被拖欠工资了): a request.</item>
/// </list>
/// English reads the same way: "I want to …", "help me …" ask to do it; "can I …", "what …", "how long …" ask about it.
/// </summary>
public static partial class TaskQuestionCue
{
    public static bool AsksAbout(string text)
    {
        if (TaskGuideSections.AskedFor(text) is { } section && section is not (TaskGuideSections.Procedure or TaskGuideSections.Online)) return true;
        if (Request().IsMatch(text)) return false;
        return Question().IsMatch(text);
    }

    [GeneratedRegex(@"(我要|我想|我得|帮我|给我|替我|麻烦你|请帮)(?!问|知道|了解|咨询|打听|搞清楚|弄清楚)|^\s*(i want to|i'd like to|i would like to|i need to|help me|please)\b(?!\s+(know|ask|find out))", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    [GeneratedRegex(@"[吗呢嘛么不没][咧嘞哇哦啊呀]?[?？。!！\s]*$|(\p{IsCJKUnifiedIdeographs})不\1|还是|好久|[吗呢不没][\s，,]|[?？]|啥|什么|怎么|咋|哪|谁|多久|多少|几|是否|能不能|可不可以|能否|有没有|算不算|要不要|是不是|会不会|行不行|中不中|来得及|区别|不一样|^\s*(can|could|do|does|is|are|am|what|which|when|who|how long|how much|how many)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Question();
}
