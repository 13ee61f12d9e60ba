using System;

namespace NetOpsPS.Devices.Templates;

/// <summary>A template that does not parse, or does not render for one device (an undefined variable, a bad filter).</summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates an exception for a template, optionally naming the device it was rendered for.</summary>
    public TemplateException(string message, string? templateName = null, string? deviceName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        TemplateName = templateName;
        DeviceName = deviceName;
    }

    /// <summary>Creates an exception without details.</summary>
    public TemplateException() : this("Template error.") { }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public TemplateException(string message, Exception innerException) : this(message, null, null, innerException) { }

    /// <summary>The template's name (a file name, or "inline").</summary>
    public string? TemplateName { get; }

    /// <summary>The device the render failed for; null for a parse error.</summary>
    public string? DeviceName { get; }
}
