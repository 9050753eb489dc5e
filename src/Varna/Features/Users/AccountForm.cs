using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Varna.Features.Users;

// The fields the invite and edit forms share. Roles and the representative link are checked by
// UserAccounts, since a forged post can hold anything.
public class AccountFormInput
{
    [Required(ErrorMessage = "Validation.RequiredNamed"), Display(Name = "Field.DisplayName")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "Field.Roles")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "Field.LinkedRepresentative")]
    public Guid? RepresentativeId { get; set; }

    public AccountDetails ToDetails() => new(DisplayName, Roles, RepresentativeId);
}

public static class AccountForm
{
    public static IReadOnlyList<SelectListItem> RepresentativeItems(IEnumerable<RepresentativeOption> options, string noneText) =>
        [new SelectListItem(noneText, ""), .. options.Select(o => new SelectListItem(o.Name, o.Id.ToString()))];
}
