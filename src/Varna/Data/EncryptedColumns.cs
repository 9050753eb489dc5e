using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Varna.Features.Keys;

namespace Varna.Data;

// Configurations mark sensitive columns with IsEncrypted(); AppDbContext then gives each the
// FieldProtection converter of the running app. The converter holds that app's key ring, so the
// model is cached per FieldProtection instance (EncryptedModelCacheKey), not once per process.
public static class EncryptedColumns
{
    private const string Annotation = "Varna:Encrypted";

    public static PropertyBuilder<T> IsEncrypted<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Annotation, true);

    internal static void Apply(ModelBuilder builder, FieldProtection protection)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).ToList())
        {
            if (property.FindAnnotation(Annotation) is null) continue;
            property.RemoveAnnotation(Annotation);
            // Ciphertext is longer than its text, so the column carries no length; the entity's own
            // rules still limit what may be written.
            property.SetMaxLength(null);
            if (property.ClrType == typeof(string)) property.SetValueConverter(protection.StringConverter);
            else if (property.ClrType == typeof(byte[]))
            {
                property.SetValueConverter(protection.BytesConverter);
                property.SetValueComparer(FieldProtection.BytesComparer);
            }
            else if (property.ClrType == typeof(List<string>))
            {
                property.SetValueConverter(protection.ListConverter);
                property.SetValueComparer(FieldProtection.ListComparer);
            }
            else throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} cannot be encrypted.");
        }
    }
}

public sealed class EncryptedModelCacheKey : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is AppDbContext app ? (context.GetType(), app.Protection, designTime) : (context.GetType(), designTime);
}
