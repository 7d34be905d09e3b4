using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Evaluation;

/// <summary>Settings of evaluation rounds (section <c>Evaluation</c>).</summary>
public sealed class EvaluationOptions
{
    /// <summary>Whether this instance runs the closing pass on a timer (tests call it directly).</summary>
    public bool Background { get; set; } = true;

    /// <summary>How often the closing pass looks for rounds past their deadline.</summary>
    public TimeSpan CloseEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long before the deadline focal points are reminded; each one a reminder of its own. Seven days and one day unless set.</summary>
    public TimeSpan[]? RemindBefore { get; set; }

    /// <summary>How long after the deadline the states that did not report on everything are reminded. One day unless set.</summary>
    public TimeSpan[]? RemindAfter { get; set; }

    // Defaults stay out of the bound arrays: the configuration binder would add configured values to them, not replace them.
    public IReadOnlyList<TimeSpan> Before => RemindBefore is { Length: > 0 } b ? b : [TimeSpan.FromDays(7), TimeSpan.FromDays(1)];
    public IReadOnlyList<TimeSpan> After => RemindAfter is { Length: > 0 } a ? a : [TimeSpan.FromDays(1)];
}

public static class EvaluationSetup
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EvaluationOptions>(configuration.GetSection("Evaluation"));
        services.AddScoped<EvaluationRounds>();
        services.AddScoped<EvaluationReports>();
        services.AddScoped<EvaluationLabels>();
        services.AddScoped<IDueMail, EvaluationReminders>();
        services.AddHostedService<EvaluationClock>();
        return services;
    }
}
