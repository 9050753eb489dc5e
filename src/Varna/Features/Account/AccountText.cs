namespace Varna.Features.Account;

public sealed class AccountText;
