namespace AdminPortal.Infrastructure.Persistence;

/// <summary>Folders and files of the portal's secrets (the database, the key ring) that only the portal's user may read.</summary>
public static class PrivateFolder
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The folder, created as 0700; an existing one is narrowed to 0700 only when it is the portal's own.</summary>
    public static DirectoryInfo Create(string path, bool narrowExisting)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        if (Directory.Exists(path))
        {
            if (narrowExisting)
            {
                File.SetUnixFileMode(path, OwnerOnlyFolder);
            }

            return new DirectoryInfo(path);
        }

        return Directory.CreateDirectory(path, OwnerOnlyFolder);
    }

    /// <summary>The file, created empty as 0600 if missing, or narrowed to 0600.</summary>
    public static void PrepareFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
        }
        else
        {
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }
    }
}
