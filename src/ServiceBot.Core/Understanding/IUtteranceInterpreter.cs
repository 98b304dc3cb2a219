using ServiceBot.Tasks;

namespace ServiceBot.Understanding;

/// <summary>
/// A second opinion on what a message means: which task it asks for and what slot values it gives. The offline engine needs
/// none; a model-backed one is registered when a model is configured. What it proposes is only a proposal: every value goes
/// through the offline extractor and its validators, and a task still confirms before it submits.
/// </summary>
public interface IUtteranceInterpreter
{
    /// <param name="tasks">The tasks the message may be about: the open task alone, or the whole catalog.</param>
    /// <param name="expectedSlot">The slot the bot just asked for, if any.</param>
    /// <returns>The proposal, or null when there is none (the model failed, timed out or answered junk).</returns>
    Task<Interpretation?> InterpretAsync(string text, IReadOnlyList<TaskDefinition> tasks, string? expectedSlot, CancellationToken cancellationToken);
}

/// <summary>A proposed task name (null: none of the tasks) and raw slot values by slot id, as the user phrased them.</summary>
public sealed record Interpretation(string? Task, IReadOnlyDictionary<string, string> Slots);
