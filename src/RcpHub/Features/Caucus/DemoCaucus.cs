using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Caucus;

/// <summary>The demo's civil society: two organisations the demo civil society account acts for, a joint position in
/// draft (two versions, a comment, an endorsement) and one submitted to the held expert meeting with an endorsement and
/// a dissent, so that every caucus and statements page has something to show.</summary>
public static class DemoCaucus
{
    public static async Task AddAsync(AppDbContext db, int processId, Meeting experts, string civilSocietyUserId, DateTimeOffset now, CancellationToken ct)
    {
        // The registry's verified demo network (the demo civil society account acts for it) and a diaspora association.
        var network = await Demo.DemoData.OrganizationAsync(db, Demo.DemoData.DemoOrganizations[0], "Migrant Voices Network (demo)", ct);
        var diaspora = await Demo.DemoData.OrganizationAsync(db, Demo.DemoData.DemoOrganizations[2], "Sahel Diaspora Association (demo)", ct);
        if (diaspora.Id == 0 || !await db.OrganizationRepresentatives.AnyAsync(r => r.OrganizationId == diaspora.Id && r.UserId == civilSocietyUserId, ct))
        {
            db.OrganizationRepresentatives.Add(new OrganizationRepresentative { Organization = diaspora, UserId = civilSocietyUserId, AddedAt = now.AddDays(-90) });
        }

        var draft = new CaucusPosition
        {
            ProcessId = processId,
            Title = "Joint position on the employer-pays principle (demo)",
            CreatedByUserId = civilSocietyUserId,
            CreatedAt = now.AddDays(-20),
            UpdatedAt = now.AddDays(-5),
            Versions =
            [
                Version(1, "Workers should never pay for their recruitment (demo).\n\nStates should publish the agencies whose licence was withdrawn (demo).", null, -20),
                Version(2, "Workers should never pay for their recruitment, directly or through deductions (demo).\n\nStates should publish, twice a year, the agencies whose licence was withdrawn (demo).", "Deductions and frequency added (demo).", -10),
            ],
        };
        draft.Stances.Add(new CaucusStance { Organization = network, Kind = CaucusStanceKind.Endorsed, VersionNumber = 2, RecordedByUserId = civilSocietyUserId, RecordedAt = now.AddDays(-5) });
        db.CaucusPositions.Add(draft);
        db.CaucusComments.Add(new CaucusComment
        {
            Version = draft.Versions[1],
            Paragraph = 1,
            Organization = diaspora,
            AuthorUserId = civilSocietyUserId,
            Text = "Name visa and travel costs as well (demo).",
            At = now.AddDays(-8),
        });

        var submitted = new CaucusPosition
        {
            ProcessId = processId,
            Title = "Civil society statement to the expert meeting (demo)",
            CreatedByUserId = civilSocietyUserId,
            CreatedAt = now.AddDays(-75),
            UpdatedAt = now.AddDays(-62),
            SubmittedAt = now.AddDays(-62),
            Versions = [Version(1, "Civil society welcomes the exchange on fair recruitment and asks to be heard on the regional guide (demo).", null, -75)],
        };
        submitted.Stances.AddRange(
        [
            new CaucusStance { Organization = network, Kind = CaucusStanceKind.Endorsed, VersionNumber = 1, RecordedByUserId = civilSocietyUserId, RecordedAt = now.AddDays(-70) },
            new CaucusStance
            {
                Organization = diaspora, Kind = CaucusStanceKind.Dissented, DissentText = "The statement should name remittance costs too (demo).",
                VersionNumber = 1, RecordedByUserId = civilSocietyUserId, RecordedAt = now.AddDays(-68),
            },
        ]);
        db.CaucusPositions.Add(submitted);
        db.Statements.Add(new Statement
        {
            Meeting = experts,
            CaucusPosition = submitted,
            Title = submitted.Title,
            Text = submitted.Versions[0].Text,
            SubmittedByUserId = civilSocietyUserId,
            SubmittedAt = now.AddDays(-62),
        });
        await db.SaveChangesAsync(ct);

        CaucusVersion Version(int number, string text, string? note, int days) =>
            new() { Number = number, Text = text, Note = note, SavedByUserId = civilSocietyUserId, SavedAt = now.AddDays(days) };
    }
}
