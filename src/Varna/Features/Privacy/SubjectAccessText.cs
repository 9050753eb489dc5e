namespace Varna.Features.Privacy;

public sealed class SubjectAccessText;
