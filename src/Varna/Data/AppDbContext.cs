using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Varna.Features.Audit;
using Varna.Features.Cases;
using Varna.Features.Keys;
using Varna.Features.Notifications;
using Varna.Features.Organisations;
using Varna.Features.Reports;
using Varna.Features.Representatives;

namespace Varna.Data;

// The one DbContext, used directly by handlers. Provider-specific subclasses exist only so that
// each provider has its own migrations set (see docs/decisions/002-two-providers.md).
public abstract class AppDbContext(DbContextOptions options, ICurrentOrganisation currentOrganisation, FieldProtection protection)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    // Read by the query filters at query time, so one model serves every tenant.
    public Guid? CurrentOrganisationId => currentOrganisation.OrganisationId;
    // Encrypts the columns marked IsEncrypted() (see EncryptedColumns).
    internal FieldProtection Protection => protection;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Representative> Representatives => Set<Representative>();
    public DbSet<Mandate> Mandates => Set<Mandate>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Measure> Measures => Set<Measure>();
    public DbSet<PoliceReport> PoliceReports => Set<PoliceReport>();
    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();
    public DbSet<ReportMessage> ReportMessages => Set<ReportMessage>();
    public DbSet<ReportSupplement> ReportSupplements => Set<ReportSupplement>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new OrganisationConfiguration());
        builder.ApplyConfiguration(new RepresentativeConfiguration());
        builder.ApplyConfiguration(new MandateConfiguration());
        builder.ApplyConfiguration(new UserConfiguration());
        builder.ApplyConfiguration(new ApiTokenConfiguration());
        builder.ApplyConfiguration(new CaseConfiguration());
        builder.ApplyConfiguration(new ReferenceCounterConfiguration());
        builder.ApplyConfiguration(new CaseEventConfiguration());
        builder.ApplyConfiguration(new AssessmentConfiguration());
        builder.ApplyConfiguration(new MeasureConfiguration());
        builder.ApplyConfiguration(new PoliceReportConfiguration());
        builder.ApplyConfiguration(new CaseLinkConfiguration());
        builder.ApplyConfiguration(new FollowUpConfiguration());
        builder.ApplyConfiguration(new ReportConfiguration());
        builder.ApplyConfiguration(new EvidenceConfiguration());
        builder.ApplyConfiguration(new EvidenceContentConfiguration());
        builder.ApplyConfiguration(new ReportMessageConfiguration());
        builder.ApplyConfiguration(new ReportSupplementConfiguration());
        builder.ApplyConfiguration(new NotificationConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new UserSessionConfiguration());
        EncryptedColumns.Apply(builder, protection);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IOrganisationOwned).IsAssignableFrom(e.ClrType)))
        {
            ApplyTenantFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<OrganisationKind>().HaveConversion<CodeConverter<OrganisationKind>>();
        conventions.Properties<ResponsibilityScope>().HaveConversion<CodeConverter<ResponsibilityScope>>();
        conventions.Properties<Gender>().HaveConversion<CodeConverter<Gender>>();
        conventions.Properties<BodyKind>().HaveConversion<CodeConverter<BodyKind>>();
        conventions.Properties<MandateRole>().HaveConversion<CodeConverter<MandateRole>>();
        conventions.Properties<ConcernLevel>().HaveConversion<CodeConverter<ConcernLevel>>();
        conventions.Properties<CaseStatus>().HaveConversion<CodeConverter<CaseStatus>>();
        conventions.Properties<ContactMethod>().HaveConversion<CodeConverter<ContactMethod>>();
        conventions.Properties<CaseOutcome>().HaveConversion<CodeConverter<CaseOutcome>>();
        conventions.Properties<LinkReason>().HaveConversion<CodeConverter<LinkReason>>();
        conventions.Properties<CaseEventKind>().HaveConversion<CodeConverter<CaseEventKind>>();
        conventions.Properties<AssessmentFactor>().HaveConversion<CodeConverter<AssessmentFactor>>();
        conventions.Properties<FactorAnswer>().HaveConversion<CodeConverter<FactorAnswer>>();
        conventions.Properties<MeasureCode>().HaveConversion<CodeConverter<MeasureCode>>();
        conventions.Properties<MeasureStatus>().HaveConversion<CodeConverter<MeasureStatus>>();
        conventions.Properties<PoliceReporter>().HaveConversion<CodeConverter<PoliceReporter>>();
        conventions.Properties<PoliceOutcome>().HaveConversion<CodeConverter<PoliceOutcome>>();
        conventions.Properties<Channel>().HaveConversion<CodeConverter<Channel>>();
        conventions.Properties<Target>().HaveConversion<CodeConverter<Target>>();
        conventions.Properties<RoleConnection>().HaveConversion<CodeConverter<RoleConnection>>();
        conventions.Properties<PerpetratorCategory>().HaveConversion<CodeConverter<PerpetratorCategory>>();
        conventions.Properties<ReporterWish>().HaveConversion<CodeConverter<ReporterWish>>();
        conventions.Properties<IntakeMethod>().HaveConversion<CodeConverter<IntakeMethod>>();
        conventions.Properties<EvidenceKind>().HaveConversion<CodeConverter<EvidenceKind>>();
        conventions.Properties<NotificationKind>().HaveConversion<CodeConverter<NotificationKind>>();
        conventions.Properties<AuditAction>().HaveConversion<CodeConverter<AuditAction>>();
    }

    private static readonly MethodInfo ApplyTenantFilterMethod =
        typeof(AppDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ApplyTenantFilter<T>(ModelBuilder builder) where T : class, IOrganisationOwned =>
        builder.Entity<T>().HasQueryFilter(e => CurrentOrganisationId != null && e.OrganisationId == CurrentOrganisationId);
}
