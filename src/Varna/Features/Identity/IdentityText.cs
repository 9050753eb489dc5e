namespace Varna.Features.Identity;

public sealed class IdentityText;
