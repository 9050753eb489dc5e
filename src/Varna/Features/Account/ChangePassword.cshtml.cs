using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Varna.Features.Account;

public sealed class ChangePasswordModel(
    UserManager<User> users, SignInManager<User> signIn,
    IStringLocalizer<IdentityText> identityText, IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty] public PasswordInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Validation.RequiredNamed"), DataType(DataType.Password), Display(Name = "Field.CurrentPassword")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.RequiredNamed"), DataType(DataType.Password), Display(Name = "Field.NewPassword")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.RequiredNamed"), DataType(DataType.Password), Display(Name = "Field.ConfirmPassword"),
         Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
        public string Confirm { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!ModelState.IsValid) return Page();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) AddError(error);
            return Page();
        }
        // The password change rotated the security stamp; re-issue this session's cookie so it stays valid.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = text["Password.Changed"];
        return RedirectToPage();
    }

    private void AddError(IdentityError error)
    {
        var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
        var message = identityText["Password." + error.Code];
        ModelState.AddModelError(field, message.ResourceNotFound ? text["Password.Rejected"] : message);
    }
}
