#
# NetOpsPS module manifest. ModuleVersion is stamped by the build from Directory.Build.props.
#
@{
    RootModule           = 'NetOpsPS.dll'
    # Imported before NetOpsPS.dll: hooks the resolver that loads the engines from Dependencies/.
    NestedModules        = @('NetOpsPS.Init.dll')
    ModuleVersion        = '0.0.0'
    GUID                 = '5b0c8a77-2f6e-4f1c-9a4e-0f3d6c1e8b21'
    Author               = 'NetOpsPS contributors'
    CompanyName          = 'NetOpsPS'
    Copyright            = '(c) NetOpsPS contributors'
    Description          = 'Network operations from the pipeline: TCP/UDP servers and probes, DNS, SNMP, packet capture and device automation, as typed objects.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('NetOpsPS.format.ps1xml')
    TypesToProcess       = @('NetOpsPS.types.ps1xml')
    CmdletsToExport      = @(
        'Start-TcpEchoServer'
        'Start-TcpServer'
        'New-TcpFraming'
        'Get-TcpServer'
        'Get-TcpConnection'
        'Measure-TcpEcho'
        'Connect-TcpSession'
        'Get-TcpSession'
        'Send-TcpFrame'
        'Receive-TcpFrame'
        'Disconnect-TcpSession'
        'Stop-TcpServer'
        'Test-TcpPort'
        'Get-NetOpsDependency'
        'Find-SnmpDevice'
        'Start-NetMetricsExporter'
        'Get-NetMetricsExporter'
        'Stop-NetMetricsExporter'
        'Get-Snmp'
        'Get-SnmpV3'
        'Invoke-SnmpWalk'
        'Set-Snmp'
        'Get-SnmpInterface'
        'New-SnmpCredential'
        'Resolve-DnsQuery'
        'Start-DnsProxy'
        'Get-DnsProxy'
        'Stop-DnsProxy'
        'Start-UdpEchoServer'
        'Get-UdpServer'
        'Stop-UdpServer'
        'Send-UdpDatagram'
        'Receive-UdpDatagram'
        'Send-ReliableUdp'
        'Start-ReliableUdpListener'
        'Receive-ReliableUdpMessage'
        'Start-UdpImpairmentRelay'
        'Import-NetInventory'
        'Publish-NetDeviceConfig'
        'New-NetDeviceSession'
        'Get-NetDeviceSession'
        'Remove-NetDeviceSession'
        'Invoke-NetDeviceCommand'
        'Add-SshKnownHost'
        'Connect-NetconfSession'
        'Get-NetconfSession'
        'Disconnect-NetconfSession'
        'Get-NetconfConfig'
        'Invoke-NetconfEdit'
        'Invoke-NetconfRpc'
        'Complete-NetconfCommit'
        'Undo-NetconfCommit'
        'Compare-NetconfConfig'
        'Get-TlsHandshake'
        'Test-TlsAnomaly'
        'New-TlsAnomalyRule'
        'Get-NetCaptureDevice'
        'Watch-Packet'
        'Read-PcapFile'
        'Export-PcapFile'
        'Measure-PacketStatistic'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Network', 'TCP', 'UDP', 'DNS', 'SNMP', 'NETCONF', 'SSH', 'pcap', 'Linux', 'Windows', 'MacOS', 'PSEdition_Core')
            ReleaseNotes = 'See README.md.'
        }
    }
}
