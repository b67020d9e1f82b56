//! What the command-line tests share: running the warta binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `warta ARGS` with `stdin` on its standard input (nothing when `None`) and waits for
/// it. COLUMNS is cleared so that table widths do not depend on the terminal running the
/// tests.
pub fn warta(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env_remove("COLUMNS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("warta starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    input
        .write_all(stdin.unwrap_or("").as_bytes())
        .expect("stdin takes the input");
    drop(input);
    child.wait_with_output().expect("warta finishes")
}
