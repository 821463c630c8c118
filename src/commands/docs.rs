//! `newsdex completions` and `newsdex man`: shell completion scripts and
//! roff man pages generated from the clap definitions, so they never drift
//! from `--help`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::Status;
use crate::cli::{Cli, CompletionsArgs, ManArgs};

/// Prints the completion script for one shell.
pub fn completions(args: CompletionsArgs) -> Result<Status> {
    let mut cmd = Cli::command();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    clap_complete::generate(args.shell, &mut cmd, "newsdex", &mut out);
    out.flush()?;
    Ok(Status::Found)
}

/// Prints `newsdex.1`, or writes it and one page per command into a folder.
pub fn man(args: ManArgs) -> Result<Status> {
    let mut cmd = Cli::command();
    // Propagates the global options (--index, --color) into the commands.
    cmd.build();
    match args.dir {
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            out.write_all(&main_page(&cmd)?)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            write_page(&dir, "newsdex.1", &main_page(&cmd)?)?;
            for sub in cmd.get_subcommands() {
                let name = format!("newsdex-{}", sub.get_name());
                let page = clap_mangen::Man::new(sub.clone().name(name.clone()));
                let mut roff = Vec::new();
                page.render(&mut roff)?;
                write_page(&dir, &format!("{name}.1"), &roff)?;
            }
        }
    }
    Ok(Status::Found)
}

fn write_page(dir: &Path, file: &str, roff: &[u8]) -> Result<()> {
    let path = dir.join(file);
    std::fs::write(&path, roff).with_context(|| format!("cannot write {}", path.display()))
}

/// The main page: clap's sections, then the ones `--help` has no room for.
fn main_page(cmd: &clap::Command) -> Result<Vec<u8>> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut roff)?;
    let text = String::from_utf8(roff).context("man page is not UTF-8")?;
    // The extra sections go before VERSION, which clap renders last.
    let at = text.find(".SH VERSION").unwrap_or(text.len());
    let mut page = String::with_capacity(text.len() + EXTRA_SECTIONS.len());
    page.push_str(&text[..at]);
    page.push_str(EXTRA_SECTIONS);
    page.push_str(&text[at..]);
    Ok(page.into_bytes())
}

/// EXAMPLES, EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO, in roff.
const EXTRA_SECTIONS: &str = r#".SH EXAMPLES
.TP
\fBnewsdex ingest ~/archive\fR
Walk a folder, parse, extract and index its articles (incremental).
.TP
\fBnewsdex search "climate summit" \-\-since 2020\-01\-01\fR
Ranked search with a date filter.
.TP
\fBnewsdex people "antony blinken"\fR
The articles that mention one person, newest first.
.TP
\fBnewsdex people \-\-csv \-\-limit 300 > people.csv\fR
The most mentioned people, as a spreadsheet.
.SH "EXIT STATUS"
.TP
\fB0\fR
Something was found or done.
.TP
\fB1\fR
A search or listing found nothing.
.TP
\fB2\fR
An error (printed on standard error), or files skipped under \fB\-\-strict\fR.
.SH ENVIRONMENT
.TP
\fBNEWSDEX_INDEX\fR
The index folder when \fB\-\-index\fR is not given.
.TP
\fBNEWSDEX_TRACE\fR
When set (not empty), \fBingest\fR writes a line on standard error at each
stage of its writer (start, commit start, commit end, finishing, done), with
the seconds since it started: for tests that interrupt an ingest.
.TP
\fBNO_COLOR\fR
When set, human output has no colors (unless \fB\-\-color always\fR).
.SH FILES
.TP
\fI./index\fR
The default index folder: a tantivy index and newsdex.json.
.SH "SEE ALSO"
\fBnewsdex\-ingest\fR(1), \fBnewsdex\-search\fR(1), \fBnewsdex\-people\fR(1),
\fBnewsdex\-places\fR(1), \fBnewsdex\-show\fR(1), \fBnewsdex\-extract\fR(1),
\fBnewsdex\-stats\fR(1)
"#;
