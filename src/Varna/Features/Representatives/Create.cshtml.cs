using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Varna.Data;
using Varna.Features.Identity;
using Varna.Features.Shared;
using Varna.Infrastructure;

namespace Varna.Features.Representatives;

[Authorize(Roles = Roles.OrgAdmin)]
public sealed class CreateModel(AppDbContext db, TimeProvider time,
    IStringLocalizer<SharedText> shared, IStringLocalizer<RepresentativesText> text) : PageModel
{
    [BindProperty] public RepresentativeInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (db.CurrentOrganisationId is not { } organisationId) return Forbid();
        var now = time.GetUtcNow();

        var details = Input.ToDetails();
        if (!details.Succeeded) { ModelState.AddErrors(details.Errors, shared); return Page(); }
        var created = Representative.Create(organisationId, details.Value!, now);
        if (!created.Succeeded) { ModelState.AddErrors(created.Errors, shared); return Page(); }
        var representative = created.Value!;
        var partyErrors = representative.RecordParty(Input.Party, Input.PartyConsent, now);
        if (partyErrors.Count > 0) { ModelState.AddErrors(partyErrors, shared); return Page(); }
        if (await EmailTaken.CheckAsync(db, representative.Email, null))
        {
            ModelState.AddModelError("Input.Email", text["Form.EmailTaken"]);
            return Page();
        }

        db.Representatives.Add(representative);
        await db.SaveChangesAsync();
        StatusMessage = text["Create.Done", representative.FullName];
        return RedirectToPage("Edit", new { id = representative.Id });
    }
}

internal static class EmailTaken
{
    // The database's unique index would refuse it too; this turns that into a field message.
    public static Task<bool> CheckAsync(AppDbContext db, string? email, Guid? except) =>
        email is null ? Task.FromResult(false) : db.Representatives.AnyAsync(r => r.Email == email && r.Id != except);
}
