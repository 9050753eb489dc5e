using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Varna.Data;

public sealed class CodeConverter<T>() : ValueConverter<T, string>(v => Codes.Of(v), s => Codes.Parse<T>(s))
    where T : struct, Enum;
