using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varna.Features.Cases;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.Reference).HasMaxLength(30).IsRequired();
        b.Property(c => c.Status).HasMaxLength(20);
        b.Property(c => c.ConcernLevel).HasMaxLength(20);
        b.HasIndex(c => new { c.OrganisationId, c.Reference }).IsUnique();
        b.HasIndex(c => new { c.OrganisationId, c.Year, c.Sequence }).IsUnique();
        b.HasIndex(c => new { c.OrganisationId, c.Status, c.FirstContactDueAt });
        b.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Representatives.Representative>().WithMany().HasForeignKey(c => c.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> b)
    {
        b.HasKey(c => new { c.OrganisationId, c.Year });
        b.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
