using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class DataRequestConfiguration : IEntityTypeConfiguration<DataRequest>
{
    public void Configure(EntityTypeBuilder<DataRequest> e)
    {
        e.Property(r => r.Title).HasMaxLength(DataRequestLimits.Title);
        e.Property(r => r.Instructions).HasMaxLength(DataRequestLimits.Instructions);
        e.HasOne(r => r.Process).WithMany().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(r => r.ProposedByStateCode).HasMaxLength(3);
        e.HasOne(r => r.ProposedByState).WithMany().HasForeignKey(r => r.ProposedByStateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ProposedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(r => r.DeclineReason).HasMaxLength(DataRequestLimits.DeclineReason);
        e.HasMany(r => r.Questions).WithOne(q => q.DataRequest).HasForeignKey(q => q.DataRequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Responses).WithOne(s => s.DataRequest).HasForeignKey(s => s.DataRequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.ProcessId, r.CreatedAt });
        // The reminders' pass looks for sent requests by deadline.
        e.HasIndex(r => new { r.SentAt, r.DeadlineAt });
    }
}

internal sealed class DataQuestionConfiguration : IEntityTypeConfiguration<DataQuestion>
{
    public void Configure(EntityTypeBuilder<DataQuestion> e)
    {
        e.Property(q => q.Text).HasMaxLength(DataRequestLimits.Question);
        e.Property(q => q.Unit).HasMaxLength(DataRequestLimits.Unit);
        e.Property(q => q.Options).HasMaxLength(DataRequestLimits.Options);
        e.Ignore(q => q.OptionList);
        e.Property(q => q.Columns).HasMaxLength(DataRequestLimits.ColumnsJson);
        e.HasIndex(q => new { q.DataRequestId, q.Number }).IsUnique();
    }
}

internal sealed class DataResponseConfiguration : IEntityTypeConfiguration<DataResponse>
{
    public void Configure(EntityTypeBuilder<DataResponse> e)
    {
        e.Property(s => s.StateCode).HasMaxLength(3);
        e.HasOne(s => s.State).WithMany().HasForeignKey(s => s.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(s => s.Answers).WithOne(a => a.DataResponse).HasForeignKey(a => a.DataResponseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => new { s.DataRequestId, s.StateCode }).IsUnique();
    }
}

internal sealed class DataAnswerConfiguration : IEntityTypeConfiguration<DataAnswer>
{
    public void Configure(EntityTypeBuilder<DataAnswer> e)
    {
        e.Property(a => a.Number).HasPrecision(28, 6);
        e.Property(a => a.Choice).HasMaxLength(DataRequestLimits.Option);
        e.Property(a => a.Text).HasMaxLength(DataRequestLimits.Text);
        e.Property(a => a.Rows).HasMaxLength(DataRequestLimits.RowsJson);
        e.HasOne(a => a.DataQuestion).WithMany().HasForeignKey(a => a.DataQuestionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => new { a.DataResponseId, a.DataQuestionId }).IsUnique();
        e.HasIndex(a => a.DataQuestionId);
    }
}
