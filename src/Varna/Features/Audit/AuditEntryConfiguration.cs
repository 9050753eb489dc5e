using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varna.Features.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        // The key is the chain position: two nodes appending at once cannot both take a number.
        b.HasKey(e => new { e.Chain, e.Sequence });
        b.Property(e => e.Action).HasMaxLength(40);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Target).HasMaxLength(400);
        b.Property(e => e.Detail).HasMaxLength(2000);
        b.Property(e => e.IpHash).HasMaxLength(64);
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        // The data protection officer's searches: by organisation and period, by person, by case.
        b.HasIndex(e => new { e.OrganisationId, e.At });
        b.HasIndex(e => new { e.OrganisationId, e.ActorUserId, e.At });
        b.HasIndex(e => new { e.OrganisationId, e.CaseId, e.At });
    }
}
