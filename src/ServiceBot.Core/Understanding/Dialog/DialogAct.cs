namespace ServiceBot.Understanding.Dialog;

/// <summary>What a short reply does to the conversation, independent of any slot.</summary>
public enum DialogAct
{
    None,
    /// <summary>Yes to a confirmation: 确认, 是的, 对, 没问题, 好的, 提交.</summary>
    Affirm,
    /// <summary>No to a confirmation: 不对, 不是, 等等, 有误.</summary>
    Deny,
    /// <summary>Abandon the task: 算了不办了, 取消, 先不弄了.</summary>
    Cancel,
}
