using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.DataRequests;

public static class DataRequestSetup
{
    public static IServiceCollection AddDataRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataRequestOptions>(configuration.GetSection("DataRequests"));
        services.AddScoped<DataRequestCommands>();
        services.AddScoped<DataRequestQueries>();
        services.AddScoped<DataRequestMail>();
        services.AddScoped<IDueMail, DataRequestReminders>();
        return services;
    }
}
