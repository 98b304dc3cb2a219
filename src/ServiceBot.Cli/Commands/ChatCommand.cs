using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceBot.Backend;
using ServiceBot.Conversation;
using ServiceBot.Hosting;
using ServiceBot.Server.Sandbox;
using ServiceBot.Storage;
using ServiceBot.Text;

namespace ServiceBot.Cli.Commands;

/// <summary><c>chat</c>: a multi-turn conversation in the terminal, questions and tasks alike.</summary>
public sealed class ChatCommand : ICliCommand
{
    private static readonly string[] ExitWords = ["exit", "quit", "退出", "再见"];

    public string Name => "chat";
    public string Usage => "chat [--user ID] [--knowledge DIR]... [--index DIR]";
    public string Description => "在终端中与 ServiceBot 多轮对话：咨询政策，也可以边聊边办。输入“退出”结束。";

    public async Task<int> RunAsync(CommandLineArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        var user = arguments.Optional("user") ?? Environment.UserName;
        var configuration = KnowledgeServices.Configuration(arguments);
        arguments.RejectUnknown();

        var services = new ServiceCollection()
            .AddLogging()
            .AddServiceBotKnowledge(configuration)
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

        console.Out.WriteLine("您好，我是 ServiceBot 政务服务助手。可以咨询政策，也可以直接办理：公积金提取、职业伤害申报、欠薪投诉、社保转移、12345诉求、附近驿站、办件进度。输入“退出”结束。");
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
                console.Out.WriteLine(Render(reply));
            }
            catch (InvalidMessageException exception)
            {
                console.Error.WriteLine($"错误：{exception.Message}");
            }
        }
        console.Out.WriteLine("再见！");
        return CliApplication.Success;
    }

    /// <summary>The reply as terminal text: Markdown as is but for its backslash escapes, then sources, the task card and quick replies.</summary>
    private static string Render(Reply reply)
    {
        var text = new StringBuilder(MarkdownInline.Unescape(reply.Markdown.Trim())).AppendLine();
        foreach (var citation in reply.Citations)
            text.AppendLine($"  依据：《{citation.Source}》{citation.Section}");
        if (reply.Task is { } task)
        {
            text.Append($"  [办理] {task.Name} · {task.State}");
            if (task.Missing.Count > 0) text.Append($" · 待填：{string.Join("、", task.Missing)}");
            if (task.Ticket is not null) text.Append($" · 办件编号：{task.Ticket}");
            text.AppendLine();
        }
        if (reply.Suggestions.Count > 0)
            text.AppendLine("  可回复：" + string.Join(" | ", reply.Suggestions));
        if (reply.Handoff) text.AppendLine("  （已为您转接人工客服）");
        return text.ToString().TrimEnd();
    }
}
