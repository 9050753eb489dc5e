using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varna.Features.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(200).IsRequired();
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.MunicipalityCode).HasMaxLength(4);
        b.Property(o => o.ReferencePrefix).HasMaxLength(8).IsRequired();
        b.OwnsOne(o => o.Settings, s => s.Property(x => x.Scope).HasMaxLength(40));
        b.Navigation(o => o.Settings).IsRequired();
    }
}
