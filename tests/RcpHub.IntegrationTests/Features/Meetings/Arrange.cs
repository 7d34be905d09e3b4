using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Meetings;

/// <summary>Meetings and people arranged directly in the database, as a secretariat and its members would leave them.</summary>
public static class Arrange
{
    public static async Task<int> ProcessIdAsync(RcpHubFactory factory, string slug)
    {
        await using var scope = factory.Scope();
        return await scope.Db.Processes.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
    }

    public static async Task<int> OrganizationIdAsync(RcpHubFactory factory, string slug)
    {
        await using var scope = factory.Scope();
        return await scope.Db.Organizations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
    }

    /// <summary>A meeting starting <paramref name="daysFromNow"/> days from now, for eight hours, in Nairobi time unless said.</summary>
    public static async Task<Meeting> MeetingAsync(RcpHubFactory factory, int processId, string title,
        MeetingAudience audience = MeetingAudience.MembersOnly, int daysFromNow = 30, MeetingLevel level = MeetingLevel.Expert,
        Action<Meeting>? configure = null)
    {
        await using var scope = factory.Scope();
        var start = DateTimeOffset.UtcNow.Date.AddDays(daysFromNow).AddHours(6);
        var meeting = new Meeting
        {
            ProcessId = processId,
            Title = title,
            Level = level,
            Format = MeetingFormat.RegularMeeting,
            Audience = audience,
            HostStateCode = "KEN",
            Venue = "UN Gigiri Complex, Nairobi",
            TimeZoneId = "Africa/Nairobi",
            StartsAtUtc = new DateTimeOffset(start, TimeSpan.Zero),
            EndsAtUtc = new DateTimeOffset(start.AddHours(8), TimeSpan.Zero),
            WorkingLanguages = ["en", "fr"],
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        configure?.Invoke(meeting);
        scope.Db.Meetings.Add(meeting);
        await scope.Db.SaveChangesAsync();
        return meeting;
    }
}
