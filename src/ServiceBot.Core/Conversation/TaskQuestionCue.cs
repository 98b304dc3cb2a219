using System.Text.RegularExpressions;
using ServiceBot.Answers;

namespace ServiceBot.Conversation;

/// <summary>
/// Whether a message the classifier files under a task asks <i>about</i> the task rather than asking to do it:
/// it asks for a guide section (材料, 多久, 收费, 能不能), for whom to turn to (找谁, 去哪), or is a yes/no question
/// (封存满几个月可以离职提取？). Such a message is answered from the task's guide and the task is offered, because opening
/// a form for a question makes the user start something they only asked about. How-to wording (怎么取公积金) stays an
/// invitation to start.
/// </summary>
public static partial class TaskQuestionCue
{
    public static bool AsksAbout(string text)
        => TaskGuideSections.AskedFor(text) is { } section && section != TaskGuideSections.Procedure
           || WhereToTurn().IsMatch(text)
           || YesNo().IsMatch(text);

    [GeneratedRegex("找谁|找哪|去哪|到哪|在哪|哪里|哪个部门")]
    private static partial Regex WhereToTurn();

    [GeneratedRegex(@"([吗呢][?？。!！\s]*|[?？]\s*)$|是否|能不能|可不可以|还来得及|来得及不|行不行|中不中")]
    private static partial Regex YesNo();
}
