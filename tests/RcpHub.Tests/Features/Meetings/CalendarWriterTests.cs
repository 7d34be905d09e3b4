using System.Text;
using RcpHub.Features.Meetings;

namespace RcpHub.Tests.Features.Meetings;

public sealed class CalendarWriterTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 2, 6, 0, 0, TimeSpan.Zero);

    private static CalendarEvent Event(string summary, string? description = null, CalendarEventStatus status = CalendarEventStatus.Confirmed) =>
        new("meeting-1@rcphub.example", Start.AddDays(-10), Start, Start.AddHours(8), summary, "Nairobi, Kenya", description,
            new Uri("https://rcphub.example/meetings/1"), status, 3);

    [Fact]
    public void Every_line_ends_with_CRLF_and_the_calendar_is_well_formed()
    {
        var ics = CalendarWriter.Write("MIDSA", [Event("Expert meeting")]);
        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics);
        Assert.Contains("\r\nDTSTART:20270302T060000Z\r\n", ics);
        Assert.Contains("\r\nDTEND:20270302T140000Z\r\n", ics);
        Assert.Contains("\r\nDTSTAMP:20270220T060000Z\r\n", ics);
        Assert.Contains("\r\nSEQUENCE:3\r\n", ics);
        Assert.Contains("\r\nSTATUS:CONFIRMED\r\n", ics);
    }

    [Fact]
    public void Text_values_escape_backslashes_semicolons_commas_and_line_breaks()
    {
        Assert.Equal(@"Labour\, skills\; mobility \\ partnerships\nsecond line\nthird", CalendarWriter.Text("Labour, skills; mobility \\ partnerships\r\nsecond line\nthird"));
    }

    [Fact]
    public void A_cancelled_meeting_is_written_as_cancelled()
    {
        Assert.Contains("\r\nSTATUS:CANCELLED\r\n", CalendarWriter.Write("MIDSA", [Event("Expert meeting", status: CalendarEventStatus.Cancelled)]));
    }

    [Theory]
    [InlineData("Réunion des hauts fonctionnaires sur la migration de main-d'œuvre et la mobilité des compétences en Afrique australe")]
    [InlineData("اجتماع كبار المسؤولين بشأن هجرة اليد العاملة وتنقل المهارات في الجنوب الأفريقي والتعاون الإقليمي")]
    [InlineData("Совещание старших должностных лиц по вопросам трудовой миграции и мобильности навыков в регионе")]
    [InlineData("🌍🌍🌍 Migration dialogue 🌍🌍🌍 with emoji that take four octets each 🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍🌍")]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character(string summary)
    {
        var ics = CalendarWriter.Write("MIDSA", [Event(summary, description: summary + "\n" + summary)]);
        var lines = ics.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        // No replacement characters: every fold fell between whole characters (a split surrogate pair would not survive).
        Assert.All(lines, line => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line))));
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("\r\nSUMMARY:" + CalendarWriter.Text(summary) + "\r\n", unfolded);
        Assert.Contains(lines, l => l.StartsWith(' '));
    }
}
