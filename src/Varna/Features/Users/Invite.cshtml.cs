using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Varna.Features.Users;

[Authorize(Roles = Roles.OrgAdmin)]
public sealed class InviteModel(UserAccounts accounts, AccountQueries queries, IStringLocalizer<UsersText> text) : PageModel
{
    [BindProperty] public InviteInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Representatives { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public sealed class InviteInput : AccountFormInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), EmailAddress(ErrorMessage = "Validation.Email"), Display(Name = "Field.Email")]
        public string Email { get; set; } = "";
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await accounts.InviteAsync(Input.Email, Input.ToDetails(), cancellationToken);
            if (result.Succeeded)
            {
                StatusMessage = text["Invite.Sent", result.Value!.Email!];
                return RedirectToPage("Edit", new { id = result.Value.Id });
            }
            ModelState.AddErrors(result.Errors, text);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Representatives = AccountForm.RepresentativeItems(await queries.RepresentativeOptionsAsync(null), text["Representative.None"]);
}
