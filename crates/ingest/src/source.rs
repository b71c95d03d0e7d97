//! Input expansion: turns what the user typed into streams to sniff.
//! Directories are walked and globs expanded lazily, one entry at a time.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc};
use std::time::Duration;

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
        Ok(meta) if meta.is_file() => lazy(move || open_file(Path::new(&input), &opts)),
        // Named directly, a FIFO or device is what the user wants read (a
        // process substitution is a pipe), but it may never deliver: it is
        // read with a timeout.
        Ok(_) => lazy(move || open_special(PathBuf::from(&input), &opts)),
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

/// A path a walk or glob found, or what to report instead.
pub(crate) type Entry = Result<PathBuf, crate::Item>;

fn open_entries(
    entries: impl Iterator<Item = Entry> + Send + 'static,
    opts: Arc<Options>,
) -> Items {
    Box::new(entries.flat_map(move |entry| -> Items {
        match entry {
            Ok(path) => open_file(&path, &opts),
            Err(item) => Box::new(std::iter::once(item)),
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
            let entries = matches.flat_map(|entry| -> Box<dyn Iterator<Item = Entry> + Send> {
                match entry {
                    Ok(path) => match fs::metadata(&path) {
                        Ok(m) if m.is_dir() => Box::new(Walk::new(path)),
                        Ok(m) if !m.is_file() => {
                            Box::new(std::iter::once(Err(not_regular(&path, &m))))
                        }
                        _ => Box::new(std::iter::once(Ok(path))),
                    },
                    Err(e) => Box::new(std::iter::once(Err(crate::Item::Error(e)))),
                }
            });
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
    type Item = Entry;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some((path, depth)) = self.stack.pop() {
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => return Some(Err(io_error(&path, e))),
            };
            if meta.is_file() {
                return Some(Ok(path));
            }
            // As ripgrep does: a FIFO, socket or device inside a tree is
            // not an article, and opening a FIFO blocks until someone
            // writes to it.
            if !meta.is_dir() {
                return Some(Err(not_regular(&path, &meta)));
            }
            let canonical = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if depth >= MAX_DEPTH || !self.visited.insert(canonical) {
                continue;
            }
            if let Err(e) = self.push_children(&path, depth) {
                return Some(Err(io_error(&path, e)));
            }
        }
        None
    }
}

fn io_error(path: &Path, e: io::Error) -> crate::Item {
    crate::Item::Error(IngestError::new(path.display().to_string(), e.into()))
}

/// What kind of special file `meta` describes, for the note.
fn special_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    let _ = meta;
    "not a regular file"
}

fn not_regular(path: &Path, meta: &fs::Metadata) -> crate::Item {
    let what = special_kind(meta);
    crate::Item::Skipped(IngestError::new(
        path.display().to_string(),
        ErrorKind::NotRegular(format!("{what}, not a regular file")),
    ))
}

/// Reads a FIFO or device named directly: a helper thread opens and reads
/// it, and each read waits at most [`Options::special_file_timeout_secs`]
/// for data, so a pipe nobody writes to ends with an error instead of a
/// hang. (A thread, because opening a FIFO blocks until a writer comes and
/// std has no timeout for that; it is left behind if the pipe never
/// delivers.)
fn open_special(path: PathBuf, opts: &Arc<Options>) -> Items {
    let name = path.display().to_string();
    let timeout = Duration::from_secs(opts.special_file_timeout_secs.max(1));
    let (tx, rx) = mpsc::sync_channel::<io::Result<Vec<u8>>>(4);
    let spawned = std::thread::Builder::new()
        .name("crosswire-special-file".into())
        .spawn(move || {
            let mut file = match fs::File::open(&path) {
                Ok(f) => f,
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            };
            loop {
                let mut chunk = vec![0u8; FILE_BUFFER];
                match file.read(&mut chunk) {
                    Ok(n) => {
                        chunk.truncate(n);
                        // An empty chunk is the end; a closed receiver
                        // means the reader gave up.
                        if tx.send(Ok(chunk)).is_err() || n == 0 {
                            return;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                }
            }
        });
    if let Err(e) = spawned {
        return error_items(name, ErrorKind::Io(e));
    }
    let reader = Pumped {
        rx,
        chunk: Vec::new(),
        pos: 0,
        timeout,
        done: false,
    };
    let reader = Box::new(BufReader::with_capacity(FILE_BUFFER, reader));
    open_stream(name, reader, None, Hints::default(), opts, 0)
}

/// The reading end of [`open_special`]'s helper thread.
struct Pumped {
    rx: mpsc::Receiver<io::Result<Vec<u8>>>,
    chunk: Vec<u8>,
    pos: usize,
    timeout: Duration,
    done: bool,
}

impl Read for Pumped {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.chunk.len() {
            if self.done {
                return Ok(0);
            }
            match self.rx.recv_timeout(self.timeout) {
                Ok(Ok(chunk)) if chunk.is_empty() => self.done = true,
                Ok(Ok(chunk)) => {
                    self.chunk = chunk;
                    self.pos = 0;
                }
                Ok(Err(e)) => {
                    self.done = true;
                    return Err(e);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    self.done = true;
                    return Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        format!(
                            "no data within {} s (not a regular file)",
                            self.timeout.as_secs()
                        ),
                    ));
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => self.done = true,
            }
        }
        let n = buf.len().min(self.chunk.len() - self.pos);
        buf[..n].copy_from_slice(&self.chunk[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
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
