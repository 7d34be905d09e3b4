extern alias app;

using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using app::RcpHub.Data;
using app::RcpHub.Domain;

/// <summary>The library at the scale of issue 12's budget: <see cref="ProcessCount"/> processes (slugs l01 to l60, five
/// regions, 20 member states each, Morocco in every one), meetings spread over them and twenty years (every level and
/// audience), and documents in the five languages with a few hundred words of text each. Processes and meetings are
/// written through the application's own context, so <c>AppDbContext.SaveChanges</c> indexes them as it indexes any
/// meeting (Data/SearchIndex). Documents, nearly all the rows, are written in bulk (<see cref="BulkRows"/>): the
/// <c>Documents</c> row and the <c>SearchEntries</c> row the index writer would make of it (same path, keys, year,
/// level, region, language, title, context and body), so that the engines' own upkeep (FTS5 triggers, the generated
/// tsvector and its GIN index) runs as for an upload. Document versions and files are not written: no search reads
/// them. The demo focal point is Morocco's focal point in the even processes only, so a signed-in search filters by
/// access as it does for a real member of some processes and not others.</summary>
internal static class LibraryScale
{
    public const int ProcessCount = 60;

    /// <summary>A word in one document in <see cref="SelectiveEvery"/>: the selective search.</summary>
    public const string SelectiveWord = "zanzibarite";
    public const int SelectiveEvery = 10_000;

    public sealed record Facts(int Processes, int Meetings, int Documents, long BodyCharacters, TimeSpan MeetingsTook, TimeSpan DocumentsTook);

    public static string Slug(int process) => $"l{process:00}";

    public static async Task<bool> HeldAsync(string? postgres, string sqliteFile)
    {
        await using var db = LargeProcess.Open(postgres, sqliteFile);
        return await db.Processes.AnyAsync(p => p.Slug == Slug(ProcessCount));
    }

    public static async Task<Facts> GenerateAsync(string? postgres, string sqliteFile, int meetingCount, int documentCount)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(12);
        await using var db = LargeProcess.Open(postgres, sqliteFile);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var states = await db.States.Select(s => s.Code).Where(c => c != "MAR").OrderBy(c => c).ToListAsync();
        var focalPoint = await db.Users.Where(u => u.Email == "focal-point@demo.rcphub.test").Select(u => u.Id).SingleAsync();
        string[] regions = ["Africa", "Americas", "Asia and the Pacific", "Europe", "Middle East"];
        MeetingAudience[] audiences = [MeetingAudience.MembersOnly, MeetingAudience.Public, MeetingAudience.MembersOnly, MeetingAudience.MembersAndObservers, MeetingAudience.Public, MeetingAudience.ByInvitation];
        var levels = Enum.GetValues<MeetingLevel>();

        // The meetings, process by process, through the context (indexed on save).
        var meetings = new List<(int Id, int ProcessId, string Title, string Region, MeetingLevel Level, DateTimeOffset StartsAt)>();
        var first = now.AddYears(-20);
        for (var p = 1; p <= ProcessCount; p++)
        {
            var region = regions[p % regions.Length];
            var process = new Process
            {
                Slug = Slug(p),
                Acronym = $"L{p:00}",
                Name = $"Library scale process {p:00} (bench)",
                Kind = ProcessKind.RegionalConsultativeProcess,
                Region = region,
                Status = ProcessStatus.Active,
                IsDemo = true,
                Memberships = [.. states.Skip(p * 3 % (states.Count - 20)).Take(19).Append("MAR").Select(code => new Membership { StateCode = code, Role = MembershipRole.Member, JoinedOn = today.AddYears(-20) })],
            };
            db.Processes.Add(process);
            if (p % 2 == 0)
            {
                db.ProcessRoleAssignments.Add(new ProcessRoleAssignment { UserId = focalPoint, Process = process, Role = ProcessRole.FocalPoint, StateCode = "MAR", Ministry = "Ministry of Interior", GrantedAt = now });
            }
            await db.SaveChangesAsync();
            var perProcess = meetingCount / ProcessCount + (p <= meetingCount % ProcessCount ? 1 : 0);
            var step = (now - first) / Math.Max(1, perProcess);
            for (var start = 0; start < perProcess; start += 500)
            {
                var batch = new List<Meeting>();
                for (var i = start; i < Math.Min(perProcess, start + 500); i++)
                {
                    var at = first + (step * i);
                    var level = levels[i % levels.Length];
                    var language = Languages[(i + p) % Languages.Length];
                    batch.Add(new Meeting
                    {
                        ProcessId = process.Id,
                        Title = $"{language.Meeting} {i + 1} · {Pick(language.Topics, i + p)}",
                        Level = level,
                        Format = MeetingFormat.RegularMeeting,
                        Status = MeetingStatus.Held,
                        Venue = "Conference centre",
                        TimeZoneId = "UTC",
                        StartsAtUtc = at,
                        EndsAtUtc = at.AddDays(2),
                        WorkingLanguages = ["en", "fr"],
                        Audience = audiences[i % audiences.Length],
                        PublicSummary = i % 3 == 0 ? Text(random, language, 40) : null,
                        SummaryPublished = i % 6 == 0,
                        CreatedAt = at.AddMonths(-3),
                        UpdatedAt = at,
                    });
                }
                db.Meetings.AddRange(batch);
                await db.SaveChangesAsync();
                meetings.AddRange(batch.Select(m => (m.Id, m.ProcessId, m.Title, region, m.Level, m.StartsAtUtc)));
                db.ChangeTracker.Clear();
            }
        }
        var meetingsTook = clock.Elapsed;
        clock.Restart();

        // The documents and their index entries, in bulk, with ids given here so that each entry names its document.
        var connection = db.Database.GetConnectionString()!;
        var nextId = (await db.Documents.MaxAsync(d => (int?)d.Id) ?? 0) + 1;
        long characters = 0;
        // One after the other: SQLite takes one writer at a time. Each document is drawn again from its own seed.
        await using (var documents = await BulkRows.OpenAsync<Document>(db, connection, nameof(Document.Id), nameof(Document.MeetingId), nameof(Document.Title),
            nameof(Document.Access), nameof(Document.CreatedAt)))
        {
            for (var d = 0; d < documentCount; d++)
            {
                var doc = Draw(d, nextId, meetings);
                await documents.AddAsync(doc.Id, doc.Meeting.Id, doc.Title, doc.Access, doc.CreatedAt);
            }
            await documents.CompleteAsync();
        }
        await using (var entries = await BulkRows.OpenAsync<SearchEntry>(db, connection, nameof(SearchEntry.Kind), nameof(SearchEntry.Key), nameof(SearchEntry.Path),
            nameof(SearchEntry.ProcessId), nameof(SearchEntry.MeetingId), nameof(SearchEntry.DocumentId), nameof(SearchEntry.Language), nameof(SearchEntry.Year),
            nameof(SearchEntry.Level), nameof(SearchEntry.Region), nameof(SearchEntry.Title), nameof(SearchEntry.Body), nameof(SearchEntry.Context)))
        {
            for (var d = 0; d < documentCount; d++)
            {
                var doc = Draw(d, nextId, meetings);
                characters += doc.Body.Length;
                var key = doc.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await entries.AddAsync(SearchKind.Document, key, $"/meetings/{doc.Meeting.Id}/documents/{key}", doc.Meeting.ProcessId, doc.Meeting.Id, doc.Id,
                    doc.Language, doc.CreatedAt.Year, doc.Meeting.Level, doc.Meeting.Region, doc.Title, doc.Body, doc.Meeting.Title);
            }
            await entries.CompleteAsync();
        }
        if (postgres is not null)
        {
            // Ids were given, not drawn: the next upload draws after them.
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('\"Documents\"', 'Id'), (SELECT max(\"Id\") FROM \"Documents\"))");
        }
        return new Facts(ProcessCount, meetings.Count, documentCount, characters, meetingsTook, clock.Elapsed);
    }

    private sealed record Drawn(int Id, (int Id, int ProcessId, string Title, string Region, MeetingLevel Level, DateTimeOffset StartsAt) Meeting,
        string Language, string Title, string Body, DocumentAccess Access, DateTimeOffset CreatedAt);

    private static Drawn Draw(int d, int firstId, List<(int Id, int ProcessId, string Title, string Region, MeetingLevel Level, DateTimeOffset StartsAt)> meetings)
    {
        var random = new Random(d);
        var meeting = meetings[d % meetings.Count];
        var language = Languages[d * 7 % Languages.Length];
        var body = Text(random, language, 120 + random.Next(200));
        if (d % SelectiveEvery == 17)
        {
            body += " " + SelectiveWord + " protocol";
        }
        // One in ten for members only and one in twenty for the secretariat, within the meeting's audience.
        var access = d % 20 == 7 ? DocumentAccess.Secretariat : d % 10 == 3 ? DocumentAccess.Members : DocumentAccess.Meeting;
        return new Drawn(firstId + d, meeting, language.Code, $"{Pick(language.Kinds, d)}: {Pick(language.Topics, d / 3)}", body, access, meeting.StartsAt.AddDays(-14));
    }

    private static string Pick(string[] words, int i) => words[Math.Abs(i) % words.Length];

    /// <summary>Running text in one language: sentences of its vocabulary, the topics' phrases among them (so that
    /// "migration" is common and "labour migration" a phrase of many documents).</summary>
    private static string Text(Random random, Language language, int words)
    {
        var text = new System.Text.StringBuilder();
        for (var w = 0; w < words; w++)
        {
            text.Append(w % 12 == 0 ? Pick(language.Topics, random.Next(1000)) : Pick(language.Words, random.Next(1000)));
            text.Append(w % 12 == 11 ? ". " : " ");
        }
        return text.ToString();
    }

    private sealed record Language(string Code, string Meeting, string[] Kinds, string[] Topics, string[] Words);

    // Arabic without vowel signs: the index stores none (SearchFolding.WithoutMarks).
    private static readonly Language[] Languages =
    [
        new("en", "Expert meeting", ["Concept note", "Country report", "Background paper", "Draft conclusions", "Programme"],
            ["labour migration", "border management", "return and reintegration", "trafficking in persons", "migration data", "diaspora engagement", "climate mobility", "fair recruitment"],
            ["the", "states", "region", "cooperation", "agreed", "national", "policy", "workers", "rights", "data", "report", "ministry", "framework", "review", "partners", "capacity", "protection", "labour", "migration", "support", "access", "services", "training", "recommendations", "implementation", "consular", "visa", "skills", "remittances", "integration", "children", "women", "health", "employment"]),
        new("fr", "Réunion d'experts", ["Note conceptuelle", "Rapport national", "Document de travail", "Projet de conclusions", "Programme"],
            ["migration de travail", "gestion des frontières", "retour et réintégration", "traite des personnes", "données migratoires", "engagement de la diaspora", "mobilité climatique"],
            ["les", "États", "région", "coopération", "convenu", "politique", "nationale", "travailleurs", "droits", "données", "rapport", "ministère", "cadre", "examen", "partenaires", "capacités", "protection", "migration", "soutien", "accès", "services", "formation", "recommandations", "mise", "œuvre", "consulaire", "compétences", "intégration", "enfants", "femmes", "santé", "emploi"]),
        new("es", "Reunión de expertos", ["Nota conceptual", "Informe nacional", "Documento de antecedentes", "Proyecto de conclusiones", "Programa"],
            ["migración laboral", "gestión de fronteras", "retorno y reintegración", "trata de personas", "datos migratorios", "diáspora", "movilidad climática"],
            ["los", "Estados", "región", "cooperación", "acordaron", "política", "nacional", "trabajadores", "derechos", "datos", "informe", "ministerio", "marco", "examen", "socios", "capacidad", "protección", "migración", "apoyo", "acceso", "servicios", "formación", "recomendaciones", "aplicación", "consular", "competencias", "integración", "niños", "mujeres", "salud", "empleo"]),
        new("ru", "Совещание экспертов", ["Концептуальная записка", "Национальный доклад", "Справочный документ", "Проект выводов", "Программа"],
            ["трудовая миграция", "управление границами", "возвращение и реинтеграция", "торговля людьми", "миграционные данные", "диаспора", "климатическая мобильность"],
            ["государства", "регион", "сотрудничество", "согласовали", "политика", "национальная", "трудящиеся", "права", "данные", "доклад", "министерство", "рамки", "обзор", "партнёры", "потенциал", "защита", "миграция", "поддержка", "доступ", "услуги", "обучение", "рекомендации", "осуществление", "консульский", "навыки", "интеграция", "дети", "женщины", "здоровье", "занятость"]),
        new("ar", "اجتماع الخبراء", ["مذكرة مفاهيمية", "تقرير وطني", "ورقة معلومات أساسية", "مشروع استنتاجات", "برنامج"],
            ["هجرة اليد العاملة", "إدارة الحدود", "العودة وإعادة الإدماج", "الاتجار بالأشخاص", "بيانات الهجرة", "المغتربين", "التنقل المناخي"],
            ["الدول", "المنطقة", "التعاون", "اتفقت", "السياسة", "الوطنية", "العمال", "الحقوق", "البيانات", "التقرير", "الوزارة", "الإطار", "المراجعة", "الشركاء", "القدرات", "الحماية", "الهجرة", "الدعم", "الوصول", "الخدمات", "التدريب", "التوصيات", "التنفيذ", "القنصلية", "المهارات", "الإدماج", "الأطفال", "النساء", "الصحة", "العمل"]),
    ];
}
