using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> e)
    {
        e.Property(d => d.StateCode).HasMaxLength(3);
        e.Property(d => d.ReturnNote).HasMaxLength(2000);
        e.HasOne(d => d.Meeting).WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(d => d.State).WithMany().HasForeignKey(d => d.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(d => d.RegisteredByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(d => d.Delegates).WithOne(x => x.Delegation).HasForeignKey(x => x.DelegationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(d => new { d.MeetingId, d.StateCode }).IsUnique();
        e.HasIndex(d => d.StateCode);
    }
}

internal sealed class DelegationMemberConfiguration : IEntityTypeConfiguration<DelegationMember>
{
    public void Configure(EntityTypeBuilder<DelegationMember> e)
    {
        e.Property(d => d.Name).HasMaxLength(200);
        e.Property(d => d.Function).HasMaxLength(200);
        e.Property(d => d.Ministry).HasMaxLength(300);
    }
}
