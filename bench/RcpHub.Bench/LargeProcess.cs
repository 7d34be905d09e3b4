extern alias app;

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using app::RcpHub.Data;
using app::RcpHub.Domain;
using app::RcpHub.Features.Documents;

/// <summary>Grows the demo process into a process that has met for twenty years: 2,000 meetings of every level, format
/// and audience, each with an agenda and two sessions, and 20,000 documents in one or two languages with their bytes
/// and extracted text. One meeting, the largest instance of a meeting page, holds 210 documents. Written straight
/// through the application's own context (the same model and mapping as the application) while the application is
/// stopped; it leaves no audit entries, which a real process would have but no measured page reads.</summary>
internal static class LargeProcess
{
    public const int MeetingCount = 2_000;
    public const int DocumentCount = 20_000;
    public const int LargestMeetingDocuments = 210;

    public sealed record Facts(int LargestMeetingId, int PublicMeetings, int Versions, TimeSpan Took);

    public static async Task<Facts> GenerateAsync(string? postgres, string sqliteFile)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var db = Open(postgres, sqliteFile);
        var process = await db.Processes.Where(p => p.Slug == "demo").Select(p => new { p.Id }).SingleAsync();
        var hosts = await db.Memberships.Where(m => m.ProcessId == process.Id && m.StateCode != null)
            .Select(m => m.StateCode!).Distinct().OrderBy(c => c).ToListAsync();
        var bodies = await db.Bodies.Where(b => b.ProcessId == process.Id).Select(b => b.Id).ToListAsync();

        var levels = Enum.GetValues<MeetingLevel>();
        var formats = Enum.GetValues<MeetingFormat>();
        // Most meetings are members only, as in practice; a third public; the rest for members and observers or by invitation.
        MeetingAudience[] audiences = [MeetingAudience.MembersOnly, MeetingAudience.Public, MeetingAudience.MembersOnly, MeetingAudience.MembersAndObservers, MeetingAudience.Public, MeetingAudience.ByInvitation, MeetingAudience.MembersOnly, MeetingAudience.Public, MeetingAudience.MembersOnly, MeetingAudience.MembersAndObservers];
        var now = DateTimeOffset.UtcNow;
        // Twenty years back and one ahead, about every three and a half days.
        var first = now.AddYears(-20);
        var step = (now.AddYears(1) - first) / MeetingCount;
        var pdfCache = new Dictionary<string, byte[]>();
        var largest = 0;
        var publicMeetings = 0;
        var versions = 0;
        var documentsLeft = DocumentCount;

        const int batch = 100;
        for (var start = 0; start < MeetingCount; start += batch)
        {
            var meetings = new List<Meeting>();
            for (var i = start; i < Math.Min(start + batch, MeetingCount); i++)
            {
                var startsAt = first + (step * i);
                var level = levels[i % levels.Length];
                // The largest meeting is public, so that anonymous visitors weigh its full page too.
                var audience = i == 0 ? MeetingAudience.Public : audiences[i % audiences.Length];
                publicMeetings += audience == MeetingAudience.Public ? 1 : 0;
                var meeting = new Meeting
                {
                    ProcessId = process.Id,
                    BodyId = bodies.Count > 0 && i % 5 == 4 ? bodies[i % bodies.Count] : null,
                    Title = $"{Ordinal(i / levels.Length + 1)} {LevelName(level)} on {Topics[i % Topics.Length]}",
                    Level = level,
                    Format = formats[i % formats.Length],
                    Status = startsAt < now ? (i % 11 == 0 ? MeetingStatus.Cancelled : i % 3 == 0 ? MeetingStatus.ReportAdopted : MeetingStatus.Held) : MeetingStatus.Planned,
                    HostStateCode = hosts.Count > 0 ? hosts[i % hosts.Count] : null,
                    Venue = $"Conference centre {i % 40 + 1}",
                    TimeZoneId = "Africa/Casablanca",
                    StartsAtUtc = startsAt,
                    EndsAtUtc = startsAt.AddDays(2),
                    WorkingLanguages = i % 2 == 0 ? ["en", "fr"] : ["en", "fr", "ar"],
                    Audience = audience,
                    PublicSummary = i % 4 == 0 ? $"The participants exchanged practice on {Topics[i % Topics.Length]} and agreed on next steps." : null,
                    SummaryPublished = i % 8 == 0,
                    CreatedAt = startsAt.AddMonths(-3),
                    UpdatedAt = startsAt,
                    AgendaItems =
                    [
                        new AgendaItem { Position = 1, Title = "Opening and adoption of the agenda" },
                        new AgendaItem { Position = 2, Title = $"National practice: {Topics[i % Topics.Length]}" },
                        new AgendaItem { Position = 3, Title = $"Regional cooperation: {Topics[(i + 3) % Topics.Length]}" },
                        new AgendaItem { Position = 4, Title = "Conclusions and next steps" },
                    ],
                    Sessions =
                    [
                        new Session { Position = 1, Title = $"Session 1: {Topics[i % Topics.Length]}", GuidingQuestions = "What works?\nWhat should the region do next?", People = [new SessionPerson { Role = SessionRole.Chair, Position = 1, Name = "Session chair" }] },
                        new Session { Position = 2, Title = $"Session 2: {Topics[(i + 3) % Topics.Length]}", GuidingQuestions = "Which data do states share?", People = [new SessionPerson { Role = SessionRole.Chair, Position = 1, Name = "Session chair" }] },
                    ],
                };
                // 210 documents in the largest meeting; 10 in most others, 9 in the last 200, so 20,000 in all.
                var documents = i == 0 ? LargestMeetingDocuments : Math.Min(documentsLeft, i < MeetingCount - 200 ? 10 : 9);
                documentsLeft -= documents;
                for (var d = 0; d < documents; d++)
                {
                    var topic = Topics[(i + d) % Topics.Length];
                    var document = new Document
                    {
                        Meeting = meeting,
                        Title = $"{Kinds[d % Kinds.Length]}: {topic}",
                        // One in ten for members only and one in twenty for the secretariat, within the meeting's audience.
                        Access = d % 20 == 7 ? DocumentAccess.Secretariat : d % 10 == 3 ? DocumentAccess.Members : DocumentAccess.Meeting,
                        CreatedAt = startsAt.AddDays(-14),
                        Versions = [Version("en", TranslationStatus.Original, topic, i, d, startsAt, pdfCache)],
                    };
                    if (d % 2 == 0)
                    {
                        document.Versions.Add(Version("fr", d % 4 == 0 ? TranslationStatus.Final : TranslationStatus.Draft, topic, i, d, startsAt, pdfCache));
                    }
                    versions += document.Versions.Count;
                    db.Documents.Add(document);
                }
                meetings.Add(meeting);
            }
            db.Meetings.AddRange(meetings);
            await db.SaveChangesAsync();
            if (start == 0)
            {
                largest = meetings[0].Id;
            }
            db.ChangeTracker.Clear();
        }
        return new Facts(largest, publicMeetings, versions, started.Elapsed);
    }

    public static AppDbContext Open(string? postgres, string sqliteFile, params IInterceptor[] interceptors)
    {
        if (postgres is not null)
        {
            return new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(postgres).AddInterceptors(interceptors).Options);
        }
        return new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={sqliteFile}").AddInterceptors(interceptors).Options);
    }

    private static DocumentVersion Version(string language, TranslationStatus status, string topic, int meeting, int document, DateTimeOffset at, Dictionary<string, byte[]> pdfs)
    {
        var text = language == "fr" ? $"Note (fr) sur {topic}" : $"Note on {topic}";
        if (!pdfs.TryGetValue(text, out var bytes))
        {
            bytes = DemoDocument.Pdf(text);
            pdfs[text] = bytes;
        }
        return new DocumentVersion
        {
            Language = language,
            Status = status,
            Number = 1,
            FileName = $"m{meeting}-d{document}-{language}.pdf",
            ContentType = FileSniffer.Pdf.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedByName = "Secretariat",
            UploadedAt = at.AddDays(-14),
            // About the length of a two-page note's text, so that the stored rows weigh what real ones do.
            ExtractedText = string.Concat(Enumerable.Repeat(text + ". The region shares practice, data and lessons learned. ", 20)),
            Content = new DocumentContent { Bytes = bytes },
        };
    }

    private static string LevelName(MeetingLevel level) => level switch
    {
        MeetingLevel.Expert => "Expert Meeting",
        MeetingLevel.SeniorOfficials => "Senior Officials' Meeting",
        _ => "Ministerial Conference",
    };

    private static string Ordinal(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    internal static readonly string[] Topics =
    [
        "labour migration", "border management", "return and reintegration", "trafficking in persons", "migration data",
        "diaspora engagement", "climate and mobility", "fair recruitment", "irregular migration", "consular cooperation",
        "skills recognition", "protection at sea",
    ];

    private static readonly string[] Kinds = ["Concept note", "Presentation", "Country report", "Background paper", "Draft conclusions", "List of participants", "Programme"];
}
