//! What the test crates share: running the warta binary, and running data-driven cases.
//! Each test crate uses a part of this module, hence the `allow(dead_code)`s.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `warta ARGS` with `stdin` on its standard input (nothing when `None`) and waits for
/// it. COLUMNS is cleared so that table widths do not depend on the terminal running the
/// tests.
#[allow(dead_code)]
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

/// Runs `check` on every case whose name contains the value of the environment variable
/// `var` (every case when it is unset), then fails once, listing every failure. `check`
/// returns the case's failures, empty when it passes.
///
/// # Panics
/// When a case fails, or when the filter matches no case.
#[allow(dead_code)]
pub fn check_cases<C>(cases: &[C], var: &str, name: impl Fn(&C) -> &str, mut check: impl FnMut(&C) -> Vec<String>) {
    let filter = std::env::var(var).unwrap_or_default();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases.iter().filter(|c| name(c).contains(&filter)) {
        ran += 1;
        failures.extend(check(case).into_iter().map(|e| format!("{}: {e}", name(case))));
    }
    assert!(ran > 0, "no case matches {var}={filter:?}");
    assert!(
        failures.is_empty(),
        "{} failure(s) in {ran} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
