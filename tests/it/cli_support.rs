//! What every test of the `econ` binary needs: running it, and the path of a
//! shipped data file.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The path of `file` in the crate's `data/` folder, as text for an argument.
pub(crate) fn data(file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(file)
        .display()
        .to_string()
}

/// Runs the real `econ args...` with `stdin` as standard input.
pub(crate) fn econ(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_econ"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("econ starts");
    let mut input = child.stdin.take().expect("stdin");
    // The command may exit before reading everything; a failed write is fine.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().expect("econ finishes")
}
