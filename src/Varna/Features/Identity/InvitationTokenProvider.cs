using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Varna.Features.Identity;

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

// Invitations and password resets share one purpose-bound token with a week's lifespan. It is
// single-use because setting the password changes the security stamp the token is bound to.
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<User>> logger)
    : DataProtectorTokenProvider<User>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "invitation";
}
