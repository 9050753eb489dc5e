using Varna.Cli;
using Varna.Features.Account;
using Varna.Features.Audit;
using Varna.Features.Cases;
using Varna.Features.Demo;
using Varna.Features.Email;
using Varna.Features.Errors;
using Varna.Features.Home;
using Varna.Features.Keys;
using Varna.Features.Notifications;
using Varna.Features.Privacy;
using Varna.Features.Reports;
using Varna.Features.Representatives;
using Varna.Features.Users;

if (CliVerbs.IsNewMasterKey(args)) return KeysCommand.NewMaster();
var verb = CliVerbs.Find(args);
var builder = WebApplication.CreateBuilder(verb is null ? args : []);
if (verb is not null) builder.AddCliLogging();

try
{
    builder.AddProductionGuard();
    builder.AddKeys();
    builder.AddReverseProxy();
}
catch (StartupRefusedException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 1;
}
builder.AddDatabase();
builder.AddAudit();
builder.AddLocalisation();
builder.AddWeb();
builder.AddIdentity();
builder.AddEmail();
builder.AddDemo();
builder.AddRepresentatives();
builder.AddUsers();
builder.AddNotifications();
builder.AddReports();
builder.AddCases();
builder.AddRetention();

var app = builder.Build();

try
{
    if (verb is not null)
        return await CliVerbs.RunAsync(app, verb, args);
    await app.PrepareDatabaseAsync();
}
catch (StartupRefusedException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 1;
}

app.UseWebPipeline();

app.MapErrors();
app.MapHome();
app.MapIdentity();
app.MapAccount();
app.MapRepresentatives();
app.MapUsers();
app.MapReports();
app.MapCases();

await app.RunAsync();
return 0;

public partial class Program;
