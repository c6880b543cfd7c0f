using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Stagecraft.Images.Sources.Registry;

/// <summary>
/// Runs a Docker credential helper: <c>docker-credential-NAME get</c> with the server on standard input, answering
/// JSON (ServerURL, Username, Secret) on standard output. A helper that knows no credentials for the server means
/// anonymous access; a helper that is missing, hangs or fails is an error naming it (never the secret).
/// </summary>
internal static class CredentialHelper
{
    private const string IdentityTokenUser = "<token>";
    private const int MaxReplyChars = 1 << 20;

    public static RegistryCredentials? Get(string name, string server, RegistrySettings settings, string where, string configuredIn)
    {
        var program = "docker-credential-" + name;
        if (name.Length > 100 || name.AsSpan().ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."))
            throw new RegistryCredentialsException(where, $"{configuredIn} names credential helper \"{name}\", which is not a program name");
        var path = Find(program, settings.HelperSearchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            ?? throw new RegistryCredentialsException(where, $"{configuredIn} names credential helper {program}, which is not on PATH; install it, or remove the entry to pull without credentials");

        var (exitCode, output, error) = Run(path, server, settings.HelperTimeout, where, program);
        if (exitCode != 0)
        {
            // The helpers' own wording when they hold nothing for the server (docker-credential-helpers' ErrCredentialsNotFound).
            if ((output + error).Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
                return null;
            throw new RegistryCredentialsException(where, $"{program} get {server} failed (exit code {exitCode}): {FirstLine(error.Length > 0 ? error : "no message")}");
        }
        var reply = JsonBlobs.Parse(Encoding.UTF8.GetBytes(output), RegistryJsonContext.Default.CredentialHelperReplyJson,
            $"{where}: the answer of {program} get", "credential helper answer");
        if (string.IsNullOrEmpty(reply.Secret))
            return null;
        var source = $"{program} ({configuredIn})";
        return reply.Username == IdentityTokenUser
            ? new RegistryCredentials(null, null, reply.Secret, null, source)
            : new RegistryCredentials(reply.Username, reply.Secret, null, null, source);
    }

    private static (int ExitCode, string Output, string Error) Run(string path, string server, TimeSpan timeout, string where, string program)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("get");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new RegistryCredentialsException(where, $"{program} could not be started");
        }
        catch (Win32Exception e)
        {
            throw new RegistryCredentialsException(where, $"{program} could not be started: {e.Message}", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                process.StandardInput.Write(server);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // A helper that exits without reading its input still tells us why through its exit code and output.
            }
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new RegistryCredentialsException(where, $"{program} get {server} did not answer within {timeout.TotalSeconds:0} s");
            }
            process.WaitForExit();
            return (process.ExitCode, Truncate(output.Result), Truncate(error.Result));
        }
    }

    private static string? Find(string program, string searchPath)
    {
        foreach (var folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static string Truncate(string text) => text.Length > MaxReplyChars ? text[..MaxReplyChars] : text;

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
