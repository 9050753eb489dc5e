using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varna.Features.Cases;

namespace Varna.Features.Reports;

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.Description).IsRequired().IsEncrypted();
        b.Property(r => r.Location).IsEncrypted();
        b.Property(r => r.AgendaItem).IsEncrypted();
        b.Property(r => r.PoliceReference).HasMaxLength(100);
        b.Property(r => r.Channel).HasMaxLength(40);
        b.Property(r => r.Wish).HasMaxLength(40);
        b.Property(r => r.Target).HasMaxLength(20);
        b.Property(r => r.PerpetratorCategory).HasMaxLength(40);
        b.Property(r => r.RoleConnection).HasMaxLength(20);
        b.Property(r => r.IntakeMethod).HasMaxLength(20);
        // Several types per report, kept as a list of codes in one column (JSON on SQLite, an array
        // on PostgreSQL); both providers can still filter on "contains".
        b.PrimitiveCollection(r => r.Types).ElementType(e => e.HasConversion<CodeConverter<IncidentType>>());
        // Sealed as one JSON array (never searched in the database).
        b.Property(r => r.PerpetratorIdentifiers).IsEncrypted();
        b.Ignore(r => r.OnBehalf);
        b.HasIndex(r => new { r.OrganisationId, r.SubmittedByUserId });
        b.HasIndex(r => new { r.OrganisationId, r.RepresentativeId });
        // A case's reports are always read under the tenant filter (organisation_id = ? AND case_id …).
        // Led by the organisation like the other indexes, so SQLite's planner takes it instead of walking
        // every report of the organisation through (organisation_id, submitted_by_user_id).
        b.HasIndex(r => new { r.OrganisationId, r.CaseId });
        b.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Representatives.Representative>().WithMany().HasForeignKey(r => r.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.ToTable("evidence");
        b.Property(e => e.Kind).HasMaxLength(10);
        b.Property(e => e.FileName).IsEncrypted();
        b.Property(e => e.ContentType).HasMaxLength(100).IsRequired();
        b.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(e => e.Url).IsEncrypted();
        b.HasIndex(e => new { e.OrganisationId, e.ReportId });
        b.HasOne<Report>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Content).WithOne().HasForeignKey<EvidenceContent>(c => c.EvidenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> b)
    {
        b.ToTable("evidence_contents");
        b.HasKey(c => c.EvidenceId);
        b.Property(c => c.Bytes).IsRequired().IsEncrypted();
    }
}

public sealed class ReportMessageConfiguration : IEntityTypeConfiguration<ReportMessage>
{
    public void Configure(EntityTypeBuilder<ReportMessage> b)
    {
        b.Property(m => m.Body).IsRequired().IsEncrypted();
        b.HasIndex(m => new { m.OrganisationId, m.ReportId, m.SentAt });
        b.HasOne<Report>().WithMany().HasForeignKey(m => m.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(m => m.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReportSupplementConfiguration : IEntityTypeConfiguration<ReportSupplement>
{
    public void Configure(EntityTypeBuilder<ReportSupplement> b)
    {
        b.Property(s => s.Text).IsRequired().IsEncrypted();
        b.HasIndex(s => new { s.OrganisationId, s.ReportId });
        b.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
