using ServiceBot.Backend;
using ServiceBot.Server.BotFramework;
using ServiceBot.Server.Sandbox;
using ServiceBot.Server.WeChat;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSandbox(builder.Configuration);
builder.Services.AddServiceBotBackend(builder.Configuration);
builder.Services.AddWeChat(builder.Configuration);
builder.Services.AddBotFramework(builder.Configuration);

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapSandbox();
app.MapWeChat();
app.MapBotFramework();
app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
