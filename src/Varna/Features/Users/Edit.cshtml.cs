using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Varna.Features.Users;

// One account of the admin's organisation. An id of any other account (another organisation's, a
// network coordinator's) is answered exactly like an id that does not exist.
[Authorize(Roles = Roles.OrgAdmin)]
public sealed class EditModel(
    UserAccounts accounts, AccountQueries queries, UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<UsersText> text)
    : PageModel
{
    [BindProperty] public AccountFormInput Input { get; set; } = new();
    public AccountSummary Account { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Representatives { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public sealed record AccountSummary(Guid Id, string DisplayName, string Email, AccountStatus Status, bool TwoFactor, DateTimeOffset CreatedAt, bool IsSelf);

    private Guid ActorId => Guid.Parse(users.GetUserId(User)!);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var user = await queries.FindAsync(id);
        if (user is null) return NotFound();
        await FillInputAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var user = await queries.FindAsync(id);
        if (user is null) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await accounts.UpdateAsync(user, Input.ToDetails(), ActorId);
            if (result.Succeeded)
            {
                // The admin's own new stamp would otherwise sign them out within a minute.
                if (result.Value && user.Id == ActorId) await signIn.RefreshSignInAsync(user);
                StatusMessage = text["Edit.Saved"];
                return RedirectToPage(new { id });
            }
            ModelState.AddErrors(result.Errors, text);
        }
        await LoadAsync(user);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id) =>
        ActAsync(id, user => accounts.DeactivateAsync(user, ActorId), "Edit.Deactivated");

    public Task<IActionResult> OnPostReactivateAsync(Guid id) =>
        ActAsync(id, async user => { await accounts.ReactivateAsync(user); return []; }, "Edit.Reactivated");

    public Task<IActionResult> OnPostResendInvitationAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, user => accounts.ResendInvitationAsync(user, cancellationToken), "Edit.InvitationResent");

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id) =>
        ActAsync(id, accounts.ResetTwoFactorAsync, "Edit.TwoFactorReset");

    private async Task<IActionResult> ActAsync(Guid id, Func<User, Task<IReadOnlyList<Error>>> action, string doneKey)
    {
        var user = await queries.FindAsync(id);
        if (user is null) return NotFound();
        // These buttons post no account fields; the edit form's validation does not apply to them.
        ModelState.Clear();
        var errors = await action(user);
        if (errors.Count == 0)
        {
            StatusMessage = text[doneKey, user.Email!];
            return RedirectToPage(new { id });
        }
        ModelState.AddErrors(errors, text);
        await FillInputAsync(user);
        await LoadAsync(user);
        return Page();
    }

    private async Task FillInputAsync(User user) => Input = new AccountFormInput
    {
        DisplayName = user.DisplayName,
        Roles = [.. await queries.RolesOfAsync(user.Id)],
        RepresentativeId = user.RepresentativeId,
    };

    private async Task LoadAsync(User user)
    {
        Account = new AccountSummary(user.Id, user.DisplayName, user.Email ?? "", AccountQueries.StatusOf(user),
            user.TwoFactorEnabled, user.CreatedAt, user.Id == ActorId);
        Representatives = AccountForm.RepresentativeItems(await queries.RepresentativeOptionsAsync(user.Id), text["Representative.None"]);
    }
}
