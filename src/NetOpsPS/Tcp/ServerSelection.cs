using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Tcp;

/// <summary>Finds registered servers by name pattern or id; a name or id that matches nothing is a non-terminating error.</summary>
internal static class ServerSelection
{
    public static IEnumerable<TcpServer> Select(Cmdlet cmdlet, string[]? names, int[]? ids)
    {
        IReadOnlyList<TcpServer> all = Registries.Servers.All;
        if (ids is not null)
        {
            foreach (int id in ids)
            {
                TcpServer? server = Registries.Servers.Find(id);
                if (server is null)
                {
                    cmdlet.WriteError(ErrorRecords.NotFound("TcpServerNotFound", $"No TCP server with id {id}.", id));
                    continue;
                }

                yield return server;
            }

            yield break;
        }

        if (names is null)
        {
            foreach (TcpServer server in all)
            {
                yield return server;
            }

            yield break;
        }

        foreach (string name in names)
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            TcpServer[] matches = all.Where(s => pattern.IsMatch(s.Name)).ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                cmdlet.WriteError(ErrorRecords.NotFound("TcpServerNotFound", $"No TCP server named '{name}'.", name));
            }

            foreach (TcpServer server in matches)
            {
                yield return server;
            }
        }
    }
}
