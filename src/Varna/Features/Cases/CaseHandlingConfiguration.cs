using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varna.Features.Cases;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(a => a.Level).HasMaxLength(20);
        b.Property(a => a.SuggestedLevel).HasMaxLength(20);
        b.Property(a => a.Rationale).IsEncrypted();
        b.HasIndex(a => new { a.CaseId, a.Version }).IsUnique();
        b.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(a => a.Answers, answer =>
        {
            answer.ToTable("assessment_answers");
            answer.WithOwner().HasForeignKey("AssessmentId");
            answer.Property<int>("Id");
            answer.HasKey("Id");
            answer.Property(x => x.Factor).HasMaxLength(40);
            answer.Property(x => x.Answer).HasMaxLength(20);
            answer.Property(x => x.Note).IsEncrypted();
        });
    }
}

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> b)
    {
        b.Property(m => m.Code).HasMaxLength(40);
        b.Property(m => m.Status).HasMaxLength(20);
        b.Property(m => m.Description).IsEncrypted();
        b.Property(m => m.Owner).IsRequired().IsEncrypted();
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.CaseId);
        b.HasIndex(m => new { m.OrganisationId, m.ReviewOn });
        b.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.OwnerOfficerId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class PoliceReportConfiguration : IEntityTypeConfiguration<PoliceReport>
{
    public void Configure(EntityTypeBuilder<PoliceReport> b)
    {
        b.HasKey(p => p.CaseId);
        b.Property(p => p.ReportedBy).HasMaxLength(20);
        b.Property(p => p.Outcome).HasMaxLength(30);
        b.Property(p => p.Reference).HasMaxLength(PoliceReport.MaxReferenceLength);
        b.Property(p => p.OutcomeNote).IsEncrypted();
        b.HasOne<Case>().WithOne().HasForeignKey<PoliceReport>(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> b)
    {
        b.Property(l => l.Reason).HasMaxLength(30);
        b.Property(l => l.Note).IsEncrypted();
        b.HasIndex(l => new { l.CaseId, l.LinkedCaseId }).IsUnique();
        b.HasIndex(l => l.LinkedCaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Case>().WithMany().HasForeignKey(l => l.LinkedCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.Property(f => f.Note).IsEncrypted();
        b.HasIndex(f => f.CaseId);
        b.HasIndex(f => new { f.OrganisationId, f.OfficerId, f.DueOn });
        b.HasIndex(f => f.DueOn).HasFilter("done_at IS NULL");
        b.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(f => f.OfficerId).OnDelete(DeleteBehavior.Cascade);
    }
}
