using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.SavedSearches;

public static class SavedSearchSetup
{
    public static IServiceCollection AddSavedSearches(this IServiceCollection services)
    {
        services.AddScoped<SavedSearchDesk>();
        services.AddScoped<IDueMail, SavedSearchMail>();
        return services;
    }
}
