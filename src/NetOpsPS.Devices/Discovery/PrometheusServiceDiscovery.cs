using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Devices.Discovery;

/// <summary>
/// Writes devices as Prometheus service-discovery JSON: the format of http_sd_configs (and of file_sd_configs),
/// a list of {"targets": [...], "labels": {...}} groups, one group per device so each keeps its own labels.
/// Targets are the agents (address:port) as snmp_exporter-style relabelling expects; labels carry the system
/// group and the SNMP version, never a community or password.
/// </summary>
public static class PrometheusServiceDiscovery
{
    /// <summary>The labels of one device (names are valid Prometheus label names).</summary>
    public static IReadOnlyDictionary<string, string> Labels(SnmpDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["sysname"] = device.SysName,
            ["sysobjectid"] = device.SysObjectId,
            ["snmp_version"] = device.Version.ToString().ToLowerInvariant(),
        };
        if (device.Platform is { } platform)
        {
            labels["platform"] = platform;
        }

        return labels;
    }

    public static async Task WriteAsync(IEnumerable<SnmpDevice> devices, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        await using var disposeJson = json.ConfigureAwait(false);
        json.WriteStartArray();
        foreach (SnmpDevice device in devices)
        {
            json.WriteStartObject();
            json.WriteStartArray("targets");
            json.WriteStringValue(device.Target);
            json.WriteEndArray();
            json.WriteStartObject("labels");
            foreach (KeyValuePair<string, string> label in Labels(device))
            {
                json.WriteString(label.Key, label.Value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the file through a temporary file and a rename, so Prometheus (file_sd watches the file) or an HTTP
    /// server handing it out never reads half of it.
    /// </summary>
    public static async Task WriteFileAsync(IEnumerable<SnmpDevice> devices, string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string temporary = full + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
            await using (file.ConfigureAwait(false))
            {
                await WriteAsync(devices, file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
