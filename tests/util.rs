//! Test helpers: a temporary corpus folder and a runner for the real binary.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The path of `name` in the shared data folder: `$NEWSDEX_DATA`, else
/// `../shared/data` beside the crate. The tests that need it are marked
/// `#[ignore = "needs ../shared/data"]`; every test finds the folder here.
pub fn shared_data(name: &str) -> PathBuf {
    let root = std::env::var_os("NEWSDEX_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        PathBuf::from,
    );
    root.join(name)
}

/// A temporary folder with a corpus and an index beside it.
pub struct Dir {
    root: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            root: tempfile::Builder::new()
                .prefix("newsdex-test-")
                .tempdir()
                .expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.root.path()
    }

    /// The corpus folder (created on first write).
    pub fn corpus(&self) -> PathBuf {
        self.path().join("corpus")
    }

    pub fn index(&self) -> PathBuf {
        self.path().join("index")
    }

    /// Writes `contents` to `corpus/<name>`, creating folders.
    pub fn create(&self, name: &str, contents: &str) -> PathBuf {
        self.create_bytes(name, contents.as_bytes())
    }

    pub fn create_bytes(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.corpus().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        path
    }

    /// Copies `tests/fixtures/<name>` into the corpus under the same name.
    pub fn copy_fixture(&self, name: &str) -> PathBuf {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        self.create_bytes(name, &fs::read(&src).unwrap())
    }

    pub fn remove(&self, name: &str) {
        fs::remove_file(self.corpus().join(name)).unwrap();
    }

    /// A newsdex command with `--index` set to this folder's index, run in
    /// this folder, with the environment that could change results removed.
    pub fn command(&self, args: &[&str]) -> TestCommand {
        self.command_at(&self.index(), args)
    }

    /// Like `command`, with another index folder.
    pub fn command_at(&self, index: &Path, args: &[&str]) -> TestCommand {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdex"));
        cmd.current_dir(self.path())
            .env_remove("NEWSDEX_INDEX")
            .env_remove("NEWSDEX_TRACE")
            .env("NO_COLOR", "1")
            .arg("--index")
            .arg(index)
            .args(args);
        TestCommand { cmd }
    }

    /// `ingest --json corpus` that must succeed; returns the summary.
    pub fn ingest(&self) -> crate::json::Ingest {
        summary(self, &["corpus"])
    }
}

pub struct TestCommand {
    pub cmd: Command,
}

impl TestCommand {
    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> TestCommand {
        self.cmd.arg(arg);
        self
    }

    pub fn output(mut self) -> (Output, String) {
        let out = self.cmd.output().expect("the binary runs");
        let shown = format!("{:?}", self.cmd);
        (out, shown)
    }

    /// Runs, requires exit code `code`, returns (stdout, stderr).
    pub fn expect_code(self, code: i32) -> (String, String) {
        let (out, shown) = self.output();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        if out.status.code() != Some(code) {
            panic!(
                "\n\ncommand: {shown}\nexpected exit code {code}, got {:?}\n\nstdout:\n{stdout}\n\nstderr:\n{stderr}\n{}",
                out.status.code(),
                if stderr.is_empty() && code == 0 {
                    "Did your search end up with no results?"
                } else {
                    ""
                }
            );
        }
        (stdout, stderr)
    }

    /// Runs, requires success, returns stdout.
    pub fn stdout(self) -> String {
        self.expect_code(0).0
    }
}

/// Parses every line of JSON Lines output into `T`.
pub fn json_lines<T: serde::de::DeserializeOwned>(out: &str) -> Vec<T> {
    out.lines()
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("line does not parse: {e}\n{line}"))
        })
        .collect()
}

/// `ingest --json ARGS...` that must succeed; returns the parsed summary.
pub fn summary(dir: &Dir, args: &[&str]) -> crate::json::Ingest {
    let mut all = vec!["ingest", "--json"];
    all.extend_from_slice(args);
    let out = dir.command(&all).stdout();
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

/// A short article in the plain-text layout.
pub fn article(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}\n")
}

/// Asserts that `haystack` contains `needle`, showing both otherwise.
#[macro_export]
macro_rules! assert_contains {
    ($haystack:expr, $needle:expr) => {{
        let (h, n) = (&$haystack, &$needle);
        assert!(
            h.contains(n.as_ref() as &str),
            "\nexpected to find:\n{n}\n\nin:\n{h}\n"
        );
    }};
}
