using ServiceBot.Answers;
using ServiceBot.Tasks;

namespace ServiceBot.Core.Tests.Conversation;

/// <summary>One backend call as the form engine made it.</summary>
internal sealed record BackendInvocation(string Plugin, string Function, IReadOnlyDictionary<string, object?> Arguments);

/// <summary>A backend answered by a delegate; it records every call.</summary>
internal sealed class FakeTaskBackend(Func<BackendInvocation, object?> respond) : ITaskBackend
{
    public List<BackendInvocation> Calls { get; } = [];

    public Task<object?> InvokeAsync(string plugin, string function, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var call = new BackendInvocation(plugin, function, new Dictionary<string, object?>(arguments));
        Calls.Add(call);
        return Task.FromResult(respond(call));
    }
}

internal sealed class DelegateKnowledgeAnswerer(Func<string, Answer> answer) : IKnowledgeAnswerer
{
    public Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken) => Task.FromResult(answer(question));
}
