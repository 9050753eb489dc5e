namespace Varna.Tests.Infrastructure;

public static class Demo
{
    public const string Password = "Demo-2026!";
    public const string Representative = "fortroendevald@demo.varna.se";
    public const string Officer = "sakerhet@demo.varna.se";
    public const string Admin = "admin@demo.varna.se";
    public const string Analyst = "analys@demo.varna.se";
    public const string Dpo = "dso@demo.varna.se";
    public const string Network = "natverk@demo.varna.se";
    public const string RegionRepresentative = "fortroendevald@region.demo.varna.se";
    public const string RegionOfficer = "sakerhet@region.demo.varna.se";
}
