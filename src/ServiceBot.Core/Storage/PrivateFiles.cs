namespace ServiceBot.Storage;

/// <summary>
/// Files that hold conversations or keys are readable by the service's own account only: folders 0700, files 0600
/// (Unix; on Windows the folder's inherited ACL applies).
/// </summary>
internal static class PrivateFiles
{
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder (and any missing parents) as 0700; a folder that already exists keeps its mode.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        // Directory.CreateDirectory applies the mode to the last folder only; missing parents are ours too.
        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
            if (Path.GetDirectoryName(folder) is null) break;
        }
        while (missing.TryPop(out var folder)) Directory.CreateDirectory(folder, OwnerOnlyFolder);
    }

    /// <summary>A new file, 0600 from its first byte (never briefly readable by others).</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return new FileStream(path, options);
    }

    /// <summary>
    /// Creates an empty SQLite database file as 0600 before SQLite does (SQLite gives its -wal and -shm files the
    /// database file's mode), and narrows files of an older database that others could read.
    /// </summary>
    public static void PrepareDatabaseFile(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!File.Exists(path))
        {
            try
            {
                using var _ = CreateNew(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another store or process created it first; the narrowing below applies to it too.
            }
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                if (File.Exists(file) && (File.GetUnixFileMode(file) & GroupOrOther) != 0) File.SetUnixFileMode(file, OwnerOnlyFile);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Not ours to change (another owner): the database still works, as before.
            }
        }
    }
}
