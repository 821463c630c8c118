//! `newsdex serve`: prints where it listens (and a warning when that is
//! not loopback), then serves until stopped.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::Result;
use newsdex::NewsIndex;
use newsdex::serve::{Server, ServerOptions};

use super::Status;
use crate::cli::ServeArgs;

pub fn run(index_path: &Path, args: ServeArgs) -> Result<Status> {
    let index = NewsIndex::open_live(index_path)?;
    let options = ServerOptions {
        timeout: Duration::from_secs(args.timeout.max(1)),
        ..ServerOptions::default()
    };
    let server = Server::bind(index, args.addr, options)?;
    let address = server.local_addr();
    if !address.ip().is_loopback() {
        eprintln!(
            "newsdex: warning: listening on {address}, which other machines may reach: anyone who can connect can read the whole index. Use --addr 127.0.0.1:{} to serve this machine only",
            address.port()
        );
    }
    // The first line of stdout is the address, for people and for scripts
    // (with port 0 it is the only way to learn the port).
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "newsdex: serving {} at http://{address}/",
        index_path.display()
    )?;
    out.flush()?;
    drop(out);
    server.run()?;
    Ok(Status::Found)
}
