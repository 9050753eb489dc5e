using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varna.Features.Representatives;

public sealed class RepresentativeConfiguration : IEntityTypeConfiguration<Representative>
{
    public void Configure(EntityTypeBuilder<Representative> b)
    {
        b.Property(r => r.FirstName).HasMaxLength(100).IsRequired();
        b.Property(r => r.LastName).HasMaxLength(100).IsRequired();
        b.Property(r => r.Email).HasMaxLength(254);
        b.Property(r => r.Phone).HasMaxLength(40);
        b.Property(r => r.Gender).HasMaxLength(20);
        b.Property(r => r.Party).HasMaxLength(100);
        b.HasIndex(r => new { r.OrganisationId, r.LastName, r.FirstName });
        // One representative per e-mail within an organisation, so a roster import can match rows.
        b.HasIndex(r => new { r.OrganisationId, r.Email }).IsUnique();
        b.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Mandates).WithOne().HasForeignKey(m => m.RepresentativeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Mandates).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.FullName);
    }
}

public sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> b)
    {
        b.Property(m => m.BodyKind).HasMaxLength(40);
        b.Property(m => m.Role).HasMaxLength(20);
        b.Property(m => m.BodyName).HasMaxLength(200);
        b.HasIndex(m => new { m.OrganisationId, m.RepresentativeId });
        b.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
