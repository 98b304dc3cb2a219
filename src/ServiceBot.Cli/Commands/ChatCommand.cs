using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using ServiceBot.Backend;
using ServiceBot.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Server.Sandbox;
using ServiceBot.Storage;
using ServiceBot.Tasks;

namespace ServiceBot.Cli.Commands;

/// <summary><c>chat</c>: a multi-turn conversation in the terminal, questions and tasks alike.</summary>
public sealed class ChatCommand : ICliCommand
{
    private static readonly string[] ExitWords = ["exit", "quit", "退出", "再见"];

    public string Name => "chat";
    public string Usage => "chat [--user ID] [--knowledge DIR]... [--index DIR]";
    public string Description => "在终端中与政务助手多轮对话：咨询政策，也可以边聊边办。输入“退出”结束。";

    public async Task<int> RunAsync(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var user = arguments.Optional("user") ?? Environment.UserName;
        var configuration = KnowledgeServices.Configuration(arguments);
        arguments.RejectUnknown();

        var services = new ServiceCollection()
            .AddLogging()
            .AddServiceBotKnowledge(configuration)
            .AddAdminKnowledge(configuration)
            .AddServiceBotState(configuration)
            .AddServiceBotBackend(configuration)
            .AddServiceBotConversation(configuration)
            .AddServiceBotAssist(configuration);
        await using var sandbox = string.IsNullOrWhiteSpace(configuration["Backend:BaseUrl"])
            ? await EmbeddedSandbox.StartAsync(configuration, cancellationToken)
            : null;
        if (sandbox is not null) services.AddSingleton<IBackendAddressProvider>(sandbox);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var engine = provider.GetRequiredService<IConversationEngine>();
        var catalog = provider.GetRequiredService<TaskCatalog>();
        var output = new TerminalOutput(console);

        output.Markdown(Welcome.Greeting(provider.GetRequiredService<IOptions<AssistantOptions>>().Value));
        output.Markdown($"可以直接办理：{string.Join("、", catalog.All.Select(t => t.DisplayName))}。输入“退出”结束。");
        string? conversationId = null;
        while (true)
        {
            console.Out.Write("> ");
            var line = await console.In.ReadLineAsync(cancellationToken);
            if (line is null || ExitWords.Contains(line.Trim(), StringComparer.OrdinalIgnoreCase)) break;
            if (line.Trim().Length == 0) continue;
            try
            {
                var reply = await engine.HandleAsync(new IncomingMessage(user, "cli", conversationId, Guid.NewGuid().ToString("N"), line), cancellationToken);
                conversationId = reply.ConversationId;
                Render(reply, output, catalog);
            }
            catch (InvalidMessageException exception)
            {
                console.Error.WriteLine($"错误：{exception.Message}");
            }
        }
        console.Out.WriteLine("再见！");
        return CliApplication.Success;
    }

    /// <summary>The reply for the terminal: its Markdown rendered, then sources, the task card and quick replies.</summary>
    private static void Render(Reply reply, TerminalOutput output, TaskCatalog catalog)
    {
        output.Markdown(reply.Markdown.Trim());
        foreach (var citation in reply.Citations)
            output.MarkupLine($"  [grey]依据：{Markup.Escape($"《{citation.Source}》{citation.Section}")}[/]");
        if (reply.Task is { } task) output.MarkupLine($"  [blue]办理：[/]{Markup.Escape(TaskSummary.Describe(task, catalog))}");
        if (reply.Suggestions.Count > 0) output.MarkupLine("  [grey]可回复：[/]" + Markup.Escape(string.Join(" | ", reply.Suggestions)));
        if (reply.Handoff) output.MarkupLine("  （已为您转接人工客服）");
    }
}
