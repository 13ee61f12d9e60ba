#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and packages the NetOpsPS module: a thin wrapper over the same dotnet commands as README.md.
.DESCRIPTION
    Build:   dotnet build assembles out/NetOpsPS/<version>/ (the folder Import-Module takes).
    Test:    the whole suite (tests/run-all.sh on Linux, which also installs the real peers as root;
             elsewhere dotnet test, where the peer tests need a Linux machine).
    Package: zips the module folder to out/NetOpsPS-<version>.zip.
.EXAMPLE
    ./build.ps1
    Import-Module ./out/NetOpsPS/*/NetOpsPS.psd1
.EXAMPLE
    ./build.ps1 -Task Build, Test, Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Native([string] $Command, [string[]] $Arguments) {
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$version = ([xml](Get-Content -Raw Directory.Build.props)).Project.PropertyGroup.VersionPrefix | Where-Object { $_ } | Select-Object -First 1
$moduleFolder = Join-Path $PSScriptRoot "out/NetOpsPS/$version"

if ('Build' -in $Task -or 'Package' -in $Task) {
    Invoke-Native dotnet @('build', 'src/NetOpsPS/NetOpsPS.csproj', '-c', $Configuration, '-nologo')
    Invoke-Native dotnet @('build', 'src/NetOpsPS.Host/NetOpsPS.Host.csproj', '-c', $Configuration, '-nologo')
    Write-Host "Module: $moduleFolder"
}

if ('Test' -in $Task) {
    if ($IsLinux) {
        $env:CONFIGURATION = $Configuration
        Invoke-Native bash @('tests/run-all.sh')
    }
    else {
        Invoke-Native dotnet @('test', 'NetOpsPS.sln', '-c', $Configuration, '-nologo')
    }
}

if ('Package' -in $Task) {
    $zip = Join-Path $PSScriptRoot "out/NetOpsPS-$version.zip"
    Remove-Item -LiteralPath $zip -ErrorAction Ignore
    Compress-Archive -Path (Join-Path $moduleFolder '*') -DestinationPath $zip
    Test-ModuleManifest -Path (Join-Path $moduleFolder 'NetOpsPS.psd1') | Out-Null
    Write-Host "Package: $zip"
}
