//! Input expansion: turns what the user typed into streams to sniff.
//! Directories are walked and globs expanded lazily, one entry at a time.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::dispatch::{error_items, open_stream, Items};
use crate::{fetch, ErrorKind, Hints, IngestError, Options};

/// A backstop against pathological trees; no real corpus is this deep.
const MAX_DEPTH: usize = 32;

/// Read buffer for files: large enough that WARC and JSON Lines parsing
/// does few system calls.
const FILE_BUFFER: usize = 64 * 1024;

/// The items of one input, opened only when the iterator gets to them.
pub(crate) fn open_input(input: String, opts: Arc<Options>) -> Items {
    if input == "-" {
        return lazy(move || {
            let reader = Box::new(BufReader::with_capacity(FILE_BUFFER, io::stdin()));
            open_stream("-".into(), reader, None, Hints::default(), &opts, 0)
        });
    }
    if is_url(&input) {
        return lazy(move || fetch::open_url(&input, &opts));
    }
    match fs::metadata(&input) {
        Ok(meta) if meta.is_dir() => open_entries(Walk::new(PathBuf::from(&input)), opts),
        Ok(_) => lazy(move || open_file(Path::new(&input), &opts)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if is_glob(&input) {
                open_glob(input, opts)
            } else {
                error_items(input, ErrorKind::NotFound)
            }
        }
        Err(e) => error_items(input, ErrorKind::Io(e)),
    }
}

fn lazy(f: impl FnOnce() -> Items + Send + 'static) -> Items {
    Box::new(std::iter::once_with(f).flatten())
}

fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn is_glob(input: &str) -> bool {
    input.contains(['*', '?', '['])
}

fn open_entries(
    entries: impl Iterator<Item = Result<PathBuf, IngestError>> + Send + 'static,
    opts: Arc<Options>,
) -> Items {
    Box::new(entries.flat_map(move |entry| -> Items {
        match entry {
            Ok(path) => open_file(&path, &opts),
            Err(e) => Box::new(std::iter::once(crate::Item::Error(e))),
        }
    }))
}

fn open_glob(pattern: String, opts: Arc<Options>) -> Items {
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        // Hidden files are left out of globs as they are of directories.
        require_literal_leading_dot: true,
    };
    match glob::glob_with(&pattern, options) {
        Ok(paths) => {
            let matches = GlobMatches {
                pattern,
                paths,
                matched: false,
                done: false,
            };
            // A matched directory is walked like a named one.
            let entries = matches.flat_map(
                |entry| -> Box<dyn Iterator<Item = Result<PathBuf, IngestError>> + Send> {
                    match entry {
                        Ok(path) if path.is_dir() => Box::new(Walk::new(path)),
                        other => Box::new(std::iter::once(other)),
                    }
                },
            );
            open_entries(entries, opts)
        }
        Err(e) => error_items(
            pattern,
            ErrorKind::Malformed {
                what: "glob pattern",
                detail: e.to_string(),
            },
        ),
    }
}

/// A glob's matches, ending with one `NotFound` error when there were none.
struct GlobMatches {
    pattern: String,
    paths: glob::Paths,
    matched: bool,
    done: bool,
}

impl Iterator for GlobMatches {
    type Item = Result<PathBuf, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.paths.next() {
            Some(Ok(path)) => {
                self.matched = true;
                Some(Ok(path))
            }
            Some(Err(e)) => {
                self.matched = true;
                let name = e.path().display().to_string();
                Some(Err(IngestError::new(name, ErrorKind::Io(e.into()))))
            }
            None => {
                self.done = true;
                (!self.matched)
                    .then(|| Err(IngestError::new(self.pattern.clone(), ErrorKind::NotFound)))
            }
        }
    }
}

/// A recursive, sorted walk of a directory that skips hidden entries and
/// reads each directory only when the walk reaches it.
pub(crate) struct Walk {
    stack: Vec<(PathBuf, usize)>,
    /// Directories already listed, by canonical path: a symlink back up
    /// the tree would otherwise list the same files again and again.
    visited: HashSet<PathBuf>,
}

impl Walk {
    pub(crate) fn new(root: PathBuf) -> Self {
        Walk {
            stack: vec![(root, 0)],
            visited: HashSet::new(),
        }
    }

    fn push_children(&mut self, dir: &Path, depth: usize) -> io::Result<()> {
        let mut children = Vec::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            if entry.file_name().as_encoded_bytes().starts_with(b".") {
                continue;
            }
            children.push(entry.path());
        }
        children.sort();
        self.stack
            .extend(children.into_iter().rev().map(|p| (p, depth + 1)));
        Ok(())
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some((path, depth)) = self.stack.pop() {
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => return Some(Err(IngestError::new(path.display().to_string(), e.into()))),
            };
            if !meta.is_dir() {
                return Some(Ok(path));
            }
            let canonical = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if depth >= MAX_DEPTH || !self.visited.insert(canonical) {
                continue;
            }
            if let Err(e) = self.push_children(&path, depth) {
                return Some(Err(IngestError::new(path.display().to_string(), e.into())));
            }
        }
        None
    }
}

fn open_file(path: &Path, opts: &Arc<Options>) -> Items {
    let name = path.display().to_string();
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return error_items(name, e.into()),
    };
    // Only a regular file's length is its content's length.
    let len = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let reader = Box::new(BufReader::with_capacity(FILE_BUFFER, file));
    open_stream(name, reader, len, Hints::default(), opts, 0)
}
