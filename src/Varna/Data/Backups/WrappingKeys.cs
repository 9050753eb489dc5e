using System.Data.Common;
using System.Xml.Linq;

namespace Varna.Data.Backups;

// The fingerprints of the master keys that wrap the data-protection keys in a database (see
// Features/Keys/MasterKeyXmlEncryptor): the key an operator must keep to open a backup.
public static class WrappingKeys
{
    public static async Task<IReadOnlyList<string>> ReadAsync(DbConnection connection, DbTransaction? transaction = null)
    {
        if (!(await DatabaseTables.NamesAsync(connection, transaction)).Any(n => n is "data_protection_keys" or "public.data_protection_keys"))
            return [];
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT xml FROM data_protection_keys";
        var fingerprints = new SortedSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (reader.IsDBNull(0)) continue;
            try
            {
                foreach (var named in XElement.Parse(reader.GetString(0)).Descendants("varnaWrappedKey").Elements("masterKey"))
                    fingerprints.Add(named.Value);
            }
            catch (System.Xml.XmlException)
            {
                // A damaged key row is reported by KeyRing when the app opens the database.
            }
        }
        return [.. fingerprints];
    }
}
