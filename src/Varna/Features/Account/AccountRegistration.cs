namespace Varna.Features.Account;

public static class AccountRegistration
{
    public static WebApplication MapAccount(this WebApplication app) => app;
}
