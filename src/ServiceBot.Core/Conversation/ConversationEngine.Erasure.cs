using ServiceBot.Localization;
using ServiceBot.Understanding.Dialog;

namespace ServiceBot.Conversation;

/// <summary>删除我的记录: asked, confirmed on the next turn, then carried out by the engine (nothing of that turn is saved).</summary>
public sealed partial class ConversationEngine
{
    private static IReadOnlyList<string> ErasureChoices
        => [BotText.Get(nameof(BotTexts.Erasure_ConfirmChoice)), BotText.Get(nameof(BotTexts.Choice_Cancel))];

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
                return TurnResult.Text(BotText.Get(nameof(BotTexts.Erasure_Kept)), Catalog.Menu);
            if (act == DialogAct.Affirm || understanding.Erasure.IsConfirmation(text))
                return TurnResult.Text(BotText.Get(nameof(BotTexts.Erasure_Done)), Catalog.Menu) with { ErasesUserData = true };
        }
        if (!understanding.Erasure.IsRequest(text)) return null;
        conversation.ErasureRequested = true;
        return TurnResult.Text(BotText.Get(nameof(BotTexts.Erasure_Request)), ErasureChoices);
    }
}
