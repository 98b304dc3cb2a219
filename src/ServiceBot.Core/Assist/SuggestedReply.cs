using ServiceBot.Answers;

namespace ServiceBot.Assist;

/// <summary>A reply an agent may edit and send, with the clauses it rests on.</summary>
public sealed record SuggestedReply(string Text, IReadOnlyList<Citation> Citations);
