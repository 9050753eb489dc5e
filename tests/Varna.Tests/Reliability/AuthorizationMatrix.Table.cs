namespace Varna.Tests.Reliability;

public static class AuthorizationMatrixTable
{
    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>
    {
    };
}
