using ServiceBot.Understanding;
using ServiceBot.Understanding.Dialog;
using ServiceBot.Understanding.Intents;
using ServiceBot.Understanding.Slots;

namespace ServiceBot.Conversation;

/// <summary>The offline understanding components a turn uses, built once and shared.</summary>
public sealed record ConversationUnderstanding(
    SlotExtractor Slots, DialogActDetector Acts, CorrectionDetector Corrections, IntentClassifier Intents, AliasLexicon SlotNames,
    ErasureRequestDetector Erasure, TaskAnchors TaskAnchors)
{
    /// <summary>The intent of a chat message: the classifier's, holding back every task the message does not name.</summary>
    /// <param name="message">The whole message when <paramref name="text"/> is what it asks (<see cref="TaskAnchors.Apply"/>).</param>
    public IntentPrediction ClassifyMessage(string text, string? message = null) => TaskAnchors.Apply(Intents.Classify(text), text, message);

    public static ConversationUnderstanding Create(IntentClassifier intents, TimeProvider clock) => new(
        SlotExtractor.CreateDefault(clock),
        DialogActDetector.CreateDefault(),
        CorrectionDetector.CreateDefault(),
        intents,
        AliasLexicon.Parse(UnderstandingData.ReadLexicon("slot-names.txt")),
        ErasureRequestDetector.CreateDefault(),
        TaskAnchors.LoadDefault());
}
