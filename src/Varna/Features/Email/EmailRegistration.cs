namespace Varna.Features.Email;

public static class EmailRegistration
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        if (string.IsNullOrWhiteSpace(builder.Configuration["Smtp:Host"]))
            builder.Services.AddSingleton<IMailer, PickupDirectoryMailer>();
        else
            builder.Services.AddSingleton<IMailer, SmtpMailer>();
        return builder;
    }
}
