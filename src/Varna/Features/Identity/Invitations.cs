using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Varna.Features.Email;

namespace Varna.Features.Identity;

// A one-time link to choose a password, for invited users and for accounts made on the CLI.
public sealed class Invitations(UserManager<User> users, IMailer mailer, IOptions<VarnaOptions> options)
{
    public const string Path = "/konto/valj-losenord";

    public async Task<string> CreateLinkAsync(User user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var query = new Dictionary<string, string?> { ["anvandare"] = user.Id.ToString(), ["kod"] = token };
        return QueryHelpers.AddQueryString(options.Value.PublicBaseUrl.TrimEnd('/') + Path, query);
    }

    // The recipient's language is not known yet, so the message is in Swedish, then English.
    public async Task<string> SendAsync(User user, string organisationName, CancellationToken cancellationToken = default)
    {
        var link = await CreateLinkAsync(user);
        var body = $"""
            Hej {user.DisplayName},

            Du har fått ett konto i Värna hos {organisationName}. Välj ditt lösenord med länken nedan.
            Länken gäller i 7 dagar och kan bara användas en gång.

            {link}

            Om du inte väntade dig detta kan du bortse från meddelandet.

            ---

            Hello {user.DisplayName},

            An account has been created for you in Värna at {organisationName}. Choose your password with the link above.
            The link is valid for 7 days and can be used only once.
            """;
        await mailer.SendAsync(new OutgoingMail(user.Email!, "Välkommen till Värna / Welcome to Värna", body), cancellationToken);
        return link;
    }
}
