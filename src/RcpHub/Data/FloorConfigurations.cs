using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class SessionFloorConfiguration : IEntityTypeConfiguration<SessionFloor>
{
    public void Configure(EntityTypeBuilder<SessionFloor> e)
    {
        e.HasKey(f => f.SessionId);
        e.Property(f => f.SessionId).ValueGeneratedNever();
        e.Property(f => f.Revision).IsConcurrencyToken();
        e.HasOne(f => f.Session).WithOne().HasForeignKey<SessionFloor>(f => f.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FloorRequestConfiguration : IEntityTypeConfiguration<FloorRequest>
{
    public void Configure(EntityTypeBuilder<FloorRequest> e)
    {
        e.Property(r => r.StateCode).HasMaxLength(3);
        e.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<State>().WithMany().HasForeignKey(r => r.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.SessionId, r.UserId });
    }
}
