using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features;
using RcpHub.Features.Account;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;
using RcpHub.Infrastructure.RateLimiting;

namespace RcpHub.Infrastructure;

/// <summary>Everything Program.cs wires up, in one place, so that the test hosts get exactly the production set-up.</summary>
public static class RcpHubHosting
{
    public static WebApplicationBuilder AddRcpHub(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(configuration["Kestrel:Endpoints:Http:Url"]))
        {
            // The address the README promises, unless --urls or ASPNETCORE_URLS says otherwise.
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        builder.AddPublicLinks();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddAppDatabase(configuration, builder.Environment.ContentRootPath);

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                // OWASP ASVS 5.0 (V6.2): length over composition, checked against a block-list of common passwords.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                // User names are email addresses, checked as such; Identity's default alphabet refuses e.g. o'brien@example.org.
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<AccountClaims>();
        // Identity's default is 100,000 iterations of PBKDF2-HMAC-SHA512; OWASP asks for at least 210,000.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "rcphub.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddSessionStamps(configuration);

        // Keys in the database: every instance can read cookies and antiforgery tokens issued by any other.
        services.AddDataProtection()
            .SetApplicationName("RcpHub")
            .PersistKeysToDbContext<AppDbContext>();

        services.AddScoped<ProcessAccess>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, OperationAuthorizationHandler>();
        services.AddMeetings();
        Features.Floor.FloorEvents.AddFloor(services);
        RcpHub.Features.Reports.ReportsServices.AddReports(services);
        services.AddScoped<RcpHub.Features.Recommendations.RecommendationCarrying>();
        RcpHub.Features.FollowUp.FollowUpServices.AddFollowUp(services);
        services.AddScoped<RcpHub.Features.Delegations.DelegationLabels>();
        // Every page and endpoint declares its operation; EndpointPolicyTests fails for any that does not.
        services.AddAuthorizationBuilder().AddOperationPolicies();

        services.AddRcpHubLocalization();
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o =>
            {
                CheckboxBinderProvider.Register(o);
                FormInput.Register(o);
                o.Filters.Add<UnknownHandlerFilter>();
                o.Filters.Add<HandlerOperationFilter>();
            })
            .AddViewLocalization()
            .AddFeatureTextLocalization();
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new ChoiceJsonConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        // Arabic, Russian and accented text as characters, not &#x...; escapes: pages several times smaller
        // before compression. HTML-sensitive characters are still escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        // Minimal APIs answer a body they cannot read with a bare 400 unless they throw (by default in Development only,
        // where the exception handler then made it a 500). They throw everywhere, and the handler makes it a 400
        // problem naming the field, so that a client learns what to fix.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<UnreadableBodyHandler>();
        services.AddOpenApi("v1", o => o.DocumentEveryAnswer());

        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json", "text/csv"]);
        });

        services.AddPublicPageCache(configuration);
        services.AddRcpHubRateLimits(configuration);
        services.AddBehindProxy(configuration);

        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.AddScoped<EmailSender>();
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.AddScoped<Outbox>();
        services.AddScoped<Features.Delegations.MeetingNotices>();
        services.AddScoped<IDueMail, Features.Delegations.MeetingReminders>();
        services.AddHostedService<MailDispatcher>();
        Features.Evaluation.EvaluationSetup.AddEvaluation(services, configuration);
        Features.DataRequests.DataRequestSetup.AddDataRequests(services, configuration);
        // The engine's rankings of common words, held while the index is unchanged (decision 0041).
        services.AddMemoryCache();
        services.AddSingleton<Features.Search.SearchRanks>();
        Features.SavedSearches.SavedSearchSetup.AddSavedSearches(services);
        services.AddScoped<Features.Invitations.Inviter>();
        // Calls for participation (issue 11).
        services.AddScoped<Features.Calls.CallDesk>();
        services.AddScoped<Features.Calls.CallProposals>();
        services.AddScoped<Features.Calls.CallSelection>();
        // Good practices (issue 12).
        services.AddScoped<Features.Practices.PracticeDesk>();
        services.AddScoped<Features.Officials.DirectoryDesk>();
        return builder;
    }

    public static WebApplication UseRcpHub(this WebApplication app)
    {
        app.UseBehindProxy(app.Environment);
        app.UseExceptionHandler();
        // Problem details whatever the Accept header asks: the OpenAPI document promises them, and the default writer
        // would answer a browser's text/html with text/plain.
        app.UseWhen(IsApi, api => api.UseStatusCodePages(c => TypedResults.Problem(statusCode: c.HttpContext.Response.StatusCode).ExecuteAsync(c.HttpContext)));
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseResponseCompression();
        app.UseSecurityHeaders();
        // Static files are public by nature and served before routing: they are not endpoints and need no policy.
        // The version query (asp-append-version) changes when a file does, so browsers may keep them for a year.
        // Only addresses with a file extension are looked up on disk: pages are spared a file-system check.
        app.UseWhen(ctx => Path.HasExtension(ctx.Request.Path.Value), files => files.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                ctx.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        }));
        app.UseRequestLocalization();
        app.UseRouting();
        // Before authentication: a cached public page needs no sign-in check (only cookie-less visitors share it). Before
        // the request's subject too: a page is cached only once it was rendered through it, under its exact address.
        app.UsePublicPageCache();
        // What the address names (process, meeting, session, document) is resolved once, before anything decides on it.
        app.UseRequestSubject();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestSubjectFound();
        app.UseRcpHubRateLimits();

        app.MapRazorPages();
        Features.Floor.FloorEvents.MapFloorEvents(app);
        app.MapOpenApi("/api/v1/openapi.json").Requires(Operation.ViewPublicRegistry);

        var api = app.MapGroup("/api/v1").CheckInput();
        api.MapFeatureApis();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
