//! Walking the folders given: which files are articles, links kept inside the roots, in the
//! order of their paths, and a warning for everything that cannot be read. (A file reached
//! twice is found when it is opened: `load_paths_with`.)

use super::*;

/// Paths longer than this cannot be opened on Linux; they are reported, not lost.
pub(super) const MAX_PATH_BYTES: usize = 4096;

pub(super) fn walk(
    root: &Path,
    options: &LoadOptions,
    out: &mut Vec<Candidate>,
    loaded: &mut Loaded,
) {
    let canonical_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut link_warnings: Vec<Warning> = Vec::new();
    let mut found: Vec<Candidate> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    // The folder being listed at each depth, to name the place of an error that has no path.
    let mut dirs: Vec<PathBuf> = vec![root.to_path_buf()];
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
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
                warnings.push(Warning::new(path, message));
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
            warnings.push(Warning::new(
                shown,
                format!("{}; skipped", describe_special(&entry)),
            ));
            continue;
        }
        if path.as_os_str().len() >= MAX_PATH_BYTES {
            warnings.push(Warning::new(
                shown,
                format!("path too long to open (over {MAX_PATH_BYTES} bytes); skipped"),
            ));
            continue;
        }
        if path.to_str().is_none() {
            warnings.push(Warning::new(
                shown.clone(),
                "file name is not valid UTF-8; shown with U+FFFD in its place",
            ));
        }
        let id = relative_id(root, path);
        found.push(Candidate {
            path: path.to_path_buf(),
            id,
            format,
            named: false,
        });
    }
    // A folder is listed in the order the file system gives. Articles and warnings are put in
    // the order of their paths, a folder's contents under its name, as on every machine: sorting
    // the paths once costs a twentieth of what the walk's sorting of each folder by name did
    // (which took a path's name apart at every comparison).
    found.sort_by_cached_key(|c| path_order(c.path.as_os_str().as_encoded_bytes()));
    warnings.sort_by_cached_key(|w| path_order(w.path.as_bytes()));
    link_warnings.sort_by_cached_key(|w| path_order(w.path.as_bytes()));
    out.extend(found);
    loaded.warnings.extend(warnings);
    loaded.warnings.extend(link_warnings);
}

/// A path's bytes with each separator made the lowest byte, so that paths sort as their
/// components do ("a/b" before "a-b/c", as "a" is before "a-b").
fn path_order(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .map(|&b| {
            if std::path::is_separator(char::from(b)) {
                0
            } else {
                b
            }
        })
        .collect()
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
