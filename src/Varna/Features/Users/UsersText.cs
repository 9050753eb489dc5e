namespace Varna.Features.Users;

public sealed class UsersText;
