namespace ServiceBot.Understanding.Intents;

/// <summary>
/// The router's answer. <see cref="Ranked"/> holds every intent, best first, with probabilities that sum
/// to 1. <see cref="Topic"/> names the task the message is about when it is a task or a question about one.
/// </summary>
public sealed record IntentPrediction(string Intent, double Confidence, IReadOnlyList<(string Intent, double Score)> Ranked, string? Topic);
