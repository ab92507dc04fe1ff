//! Walking the folders given: which files are articles, links kept inside the roots, each
//! file once, and a warning for everything that cannot be read.

use super::*;

/// Files already taken, by device and inode: a file reached twice (through a link, a hard link
/// or two roots) is one article.
#[derive(Default)]
pub(super) struct SeenFiles {
    files: HashMap<(u64, u64), PathBuf>,
}

impl SeenFiles {
    /// The path the same file was first taken from, or None (and it is taken now).
    pub(super) fn first(&mut self, path: &Path, meta: &fs::Metadata) -> Option<PathBuf> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            match self.files.entry((meta.dev(), meta.ino())) {
                std::collections::hash_map::Entry::Occupied(o) => Some(o.get().clone()),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(path.to_path_buf());
                    None
                }
            }
        }
        #[cfg(not(unix))]
        {
            let _ = (path, meta, &self.files);
            None
        }
    }
}

/// Paths longer than this cannot be opened on Linux; they are reported, not lost.
pub(super) const MAX_PATH_BYTES: usize = 4096;

pub(super) fn walk(
    root: &Path,
    options: &LoadOptions,
    seen: &mut SeenFiles,
    out: &mut Vec<Candidate>,
    loaded: &mut Loaded,
) {
    let canonical_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut link_warnings: Vec<Warning> = Vec::new();
    // The folder being listed at each depth, to name the place of an error that has no path.
    let mut dirs: Vec<PathBuf> = vec![root.to_path_buf()];
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if options.follow_links || !e.path_is_symlink() {
                return true;
            }
            // A link is followed only while it stays inside the folder given.
            match fs::canonicalize(e.path()) {
                Ok(target) if target.starts_with(&canonical_root) => true,
                Ok(target) => {
                    link_warnings.push(Warning::new(
                        e.path().display().to_string(),
                        format!(
                            "link to {} leads out of the corpus folder; not followed (--follow-links follows it)",
                            target.display()
                        ),
                    ));
                    false
                }
                // Broken links and loops: the walk reports them.
                Err(_) => true,
            }
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .or_else(|| dirs.get(e.depth().saturating_sub(1)).cloned())
                    .unwrap_or_else(|| root.to_path_buf())
                    .display()
                    .to_string();
                let message = if let Some(ancestor) = e.loop_ancestor() {
                    format!("link loop back to {}; not followed", ancestor.display())
                } else if let Some(io) = e.io_error() {
                    if io.raw_os_error() == Some(libc_eloop()) {
                        "link loop (links that lead to each other); not followed".to_string()
                    } else if is_broken_link(e.path()) {
                        "broken link; skipped".to_string()
                    } else if io.raw_os_error() == Some(libc_enametoolong()) {
                        format!("path too long to open (over {MAX_PATH_BYTES} bytes); skipped")
                    } else {
                        format!("cannot read: {}", io_reason(io))
                    }
                } else {
                    format!("cannot read: {e}")
                };
                loaded.warnings.push(Warning::new(path, message));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            dirs.truncate(entry.depth());
            dirs.push(entry.path().to_path_buf());
            continue;
        }
        let path = entry.path();
        // A note is a note whatever its extension, or with none ("LICENSE", "COPYING").
        if entry.depth() > 0 && is_folder_note(path) {
            loaded.skipped_notes += 1;
            continue;
        }
        let Some(format) = format_of(path) else {
            loaded.skipped_other += 1;
            continue;
        };
        let shown = path.display().to_string();
        if !entry.file_type().is_file() {
            loaded.warnings.push(Warning::new(
                shown,
                format!("{}; skipped", describe_special(&entry)),
            ));
            continue;
        }
        if path.as_os_str().len() >= MAX_PATH_BYTES {
            loaded.warnings.push(Warning::new(
                shown,
                format!("path too long to open (over {MAX_PATH_BYTES} bytes); skipped"),
            ));
            continue;
        }
        if let Ok(meta) = entry.metadata() {
            if let Some(first) = seen.first(path, &meta) {
                loaded.warnings.push(Warning::new(
                    shown,
                    format!("the same file as {}; read once", first.display()),
                ));
                continue;
            }
        }
        if path.to_str().is_none() {
            loaded.warnings.push(Warning::new(
                shown.clone(),
                "file name is not valid UTF-8; shown with U+FFFD in its place",
            ));
        }
        let id = relative_id(root, path);
        out.push(Candidate {
            path: path.to_path_buf(),
            id,
            format,
        });
    }
    loaded.warnings.extend(link_warnings);
}

#[cfg(unix)]
pub(super) fn libc_eloop() -> i32 {
    libc::ELOOP
}

#[cfg(not(unix))]
pub(super) fn libc_eloop() -> i32 {
    -1
}

#[cfg(unix)]
pub(super) fn libc_enametoolong() -> i32 {
    libc::ENAMETOOLONG
}

#[cfg(not(unix))]
pub(super) fn libc_enametoolong() -> i32 {
    -1
}

pub(super) fn is_broken_link(path: Option<&Path>) -> bool {
    path.is_some_and(|p| {
        fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
            && fs::metadata(p).is_err()
    })
}

pub(super) fn describe_special(entry: &walkdir::DirEntry) -> &'static str {
    describe_file_type(&entry.file_type())
}

#[cfg(unix)]
pub(super) fn describe_file_type(ft: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "a named pipe (FIFO), not a regular file"
    } else if ft.is_char_device() || ft.is_block_device() {
        "a device, not a regular file"
    } else if ft.is_socket() {
        "a socket, not a regular file"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
pub(super) fn describe_file_type(_ft: &fs::FileType) -> &'static str {
    "not a regular file"
}

pub(super) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

pub(super) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

pub(super) fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        *last = stem(Path::new(last.as_str()));
    }
    parts.join("/")
}

/// A folder's own note rather than an article: README, LICENSE (or LICENCE), COPYING or
/// CHANGELOG, in any case and with any extension ("README.md", "LICENSE.txt", "Copying").
fn is_folder_note(path: &Path) -> bool {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('.').next())
        .unwrap_or("");
    ["readme", "license", "licence", "copying", "changelog"]
        .iter()
        .any(|note| stem.eq_ignore_ascii_case(note))
}
