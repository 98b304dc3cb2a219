using ServiceBot.Backend;
using ServiceBot.Hosting;
using ServiceBot.Server.BotFramework;
using ServiceBot.Server.Chat;
using ServiceBot.Server.Chat.Identity;
using ServiceBot.Server.Hosting;
using ServiceBot.Server.Limits;
using ServiceBot.Server.Sandbox;
using ServiceBot.Server.Staff.Admin;
using ServiceBot.Server.Staff.AgentDesk;
using ServiceBot.Server.Telemetry;
using ServiceBot.Server.WeChat;
using ServiceBot.Server.Widget;
using ServiceBot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddAppSettingsBesideAssembly(builder.Environment.ContentRootPath);
// Replies do not name the web server: nothing for a scanner to match, and a header less on every response.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddProblemDetails();
builder.Services.AddServiceBotKnowledge(builder.Configuration);
builder.Services.AddServiceBotState(builder.Configuration);
builder.Services.AddServiceBotBackend(builder.Configuration);
builder.Services.AddServiceBotConversation(builder.Configuration);
builder.Services.AddServiceBotAssist(builder.Configuration);
builder.Services.AddSandbox(builder.Configuration);
builder.Services.AddWeChat(builder.Configuration);
builder.Services.AddBotFramework(builder.Configuration);
builder.Services.AddChatIdentity(builder.Configuration);
builder.Services.AddWidget(builder.Configuration);
builder.Services.AddAgentDesk(builder.Configuration);
builder.Services.AddAdminConsole(builder.Configuration);
builder.Services.AddReadiness();
builder.Services.AddServiceBotMetrics(builder.Configuration);
builder.Services.AddRequestLimits(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLimits();
app.MapReadiness();
app.MapServiceBotMetrics();
app.MapChatApi();
app.MapSandbox();
app.MapWeChat();
app.MapBotFramework();
app.MapWidget();
app.MapAgentDesk();
app.MapAdminConsole();
app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
