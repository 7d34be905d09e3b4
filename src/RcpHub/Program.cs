using RcpHub.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddRcpHub();
var app = builder.Build();
app.UseRcpHub();
return await app.RunRcpHubAsync(args);

/// <summary>Entry point type, visible to WebApplicationFactory in the test projects.</summary>
public partial class Program;
