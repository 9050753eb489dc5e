using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Varna.Features.Reports;

// A security officer types in what a representative told them by phone, letter or in person.
[EnableRateLimiting(RateLimits.Reports)]
[Authorize(Roles = Roles.SecurityOfficer)]
public sealed class RegisterModel(AppDbContext db, ReportSubmission submission, EvidenceIntake intake, TimeProvider time,
    IOptions<ReportsOptions> limits, IStringLocalizer<SharedText> shared)
    : ReportFormPage(submission, intake, time, limits, shared)
{
    public static readonly IntakeMethod[] ReceivedViaOptions =
        [IntakeMethod.Phone, IntakeMethod.Letter, IntakeMethod.InPerson, IntakeMethod.Email, IntakeMethod.Other];

    public IReadOnlyList<RepresentativeOption> Representatives { get; private set; } = [];

    public sealed record RepresentativeOption(Guid Id, string Name);

    public async Task OnGetAsync()
    {
        StartEmpty();
        await LoadAsync();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        Guid? representativeId = null;
        if (string.IsNullOrWhiteSpace(Input.OnBehalfOfRepresentativeId))
            errors.Add(new Error(nameof(ReportRequest.OnBehalfOfRepresentativeId), "Validation.Required"));
        else if (Guid.TryParse(Input.OnBehalfOfRepresentativeId, out var id)) representativeId = id;
        else errors.Add(new Error(nameof(ReportRequest.OnBehalfOfRepresentativeId), "Report.UnknownRepresentative"));
        if (string.IsNullOrWhiteSpace(Input.ReceivedVia))
            errors.Add(new Error(nameof(ReportRequest.ReceivedVia), "Validation.Required"));
        return SubmitAsync(representativeId, Input.ReceivedVia, errors, LoadAsync, cancellationToken);
    }

    private async Task LoadAsync()
    {
        var people = await db.Representatives.AsNoTracking()
            .Select(r => new { r.Id, r.FirstName, r.LastName }).ToListAsync();
        Representatives = people.OrderBy(p => p.LastName, Swedish.NameOrder).ThenBy(p => p.FirstName, Swedish.NameOrder)
            .Select(p => new RepresentativeOption(p.Id, $"{p.LastName}, {p.FirstName}")).ToList();
    }
}
