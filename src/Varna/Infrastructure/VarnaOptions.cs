using System.ComponentModel.DataAnnotations;

namespace Varna.Infrastructure;

public sealed class VarnaOptions
{
    public const string Section = "Varna";

    // Used for links in e-mail, where no request tells us our own address.
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
