using Microsoft.AspNetCore.Identity;
using Varna.Features.Demo;

namespace Varna.Features.Account;

public sealed class IndexModel(UserManager<User> users, AppDbContext db, DemoMode demo) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? OrganisationName { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public bool TwoFactorEnabled { get; private set; }
    public bool TwoFactorRequired { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        OrganisationName = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync();
        var roles = await users.GetRolesAsync(user);
        Roles = Identity.Roles.All.Where(roles.Contains).ToList();
        TwoFactorEnabled = user.TwoFactorEnabled;
        TwoFactorRequired = !demo.Enabled && Roles.Any(Identity.Roles.RequireTwoFactor.Contains);
        return Page();
    }
}
