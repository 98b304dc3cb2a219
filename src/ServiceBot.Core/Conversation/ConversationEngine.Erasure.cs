using ServiceBot.Understanding.Dialog;

namespace ServiceBot.Conversation;

/// <summary>删除我的记录: asked, confirmed on the next turn, then carried out by the engine (nothing of that turn is saved).</summary>
public sealed partial class ConversationEngine
{
    private static readonly IReadOnlyList<string> ErasureChoices = ["确认删除", "取消"];

    /// <summary>
    /// A request asks for confirmation; the next turn confirms (确认删除, 是), keeps (取消, 不), or, saying something
    /// else, lets the request lapse and is routed as usual. Null when this turn is not part of an erasure.
    /// </summary>
    private TurnResult? ErasureStep(ConversationState conversation, string text)
    {
        if (eraser is null) return null;
        if (conversation.ErasureRequested)
        {
            conversation.ErasureRequested = false;
            var act = understanding.Acts.Detect(text);
            if (act is DialogAct.Cancel or DialogAct.Deny)
                return TurnResult.Text("好的，已取消删除，您的记录保持不变。还有什么可以帮您？", Catalog.Menu);
            if (act == DialogAct.Affirm || understanding.Erasure.IsConfirmation(text))
                return TurnResult.Text(
                    "已删除您在本渠道的全部记录：对话内容、填写过的办理信息、评价反馈和人工客服对话记录。您之后发送的消息将作为新的会话开始。\n\n" +
                    "已提交到业务系统的办件不在删除范围内，仍由承办部门依法办理和保存；如需撤回或查询，请联系承办部门或拨打 **12345** 政务服务便民热线。",
                    Catalog.Menu) with { ErasesUserData = true };
        }
        if (!understanding.Erasure.IsRequest(text)) return null;
        conversation.ErasureRequested = true;
        return TurnResult.Text(
            "您要删除在本渠道的全部记录吗？\n\n" +
            "将删除：全部对话内容、填写过的办理信息（含正在办理的事项）、评价反馈和人工客服对话记录，删除后无法恢复。\n\n" +
            "已提交到业务系统的办件**不会**被删除，仍可凭办件编号查询进度。\n\n" +
            "确认请回复“确认删除”，保留请回复“取消”。",
            ErasureChoices);
    }
}
