using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varna.Features.Cases;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.Reference).HasMaxLength(30).IsRequired();
        b.Property(c => c.Status).HasMaxLength(20);
        b.Property(c => c.ConcernLevel).HasMaxLength(20);
        b.Property(c => c.FirstContactMethod).HasMaxLength(20);
        b.Property(c => c.Outcome).HasMaxLength(40);
        b.Property(c => c.OutcomeNote).HasMaxLength(Case.MaxReasonLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.OrganisationId, c.Reference }).IsUnique();
        b.HasIndex(c => new { c.OrganisationId, c.Year, c.Sequence }).IsUnique();
        // The inbox: open cases with a running clock by deadline, then the rest by concern and age.
        // Partial, so closed cases (most of them, after a few years) cost the inbox nothing.
        b.HasIndex(c => new { c.OrganisationId, c.AwaitingContactUntil, c.ConcernRank, c.OpenedAt })
            .HasDatabaseName("ix_cases_inbox").HasFilter("status <> 'closed'");
        // The clock job looks across organisations for clocks that ran out.
        b.HasIndex(c => c.AwaitingContactUntil);
        b.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Representatives.Representative>().WithMany().HasForeignKey(c => c.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Case>().WithMany().HasForeignKey(c => c.MergedIntoCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.From).HasMaxLength(100);
        b.Property(e => e.To).HasMaxLength(100);
        b.Property(e => e.Text).HasMaxLength(CaseEvent.MaxTextLength);
        b.HasIndex(e => new { e.CaseId, e.At });
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
