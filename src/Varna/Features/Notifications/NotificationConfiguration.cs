using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Varna.Features.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Kind).HasMaxLength(40);
        b.Property(n => n.LastError).HasMaxLength(1000);
        // The dispatcher's question: what is still unsent, oldest first.
        b.HasIndex(n => new { n.SentAt, n.CreatedAt });
        b.HasIndex(n => n.LeaseOwner);
        b.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
