/*!
One module per subcommand: glue that wires library stages and renders their
results. Domain rules live in the library.
*/

mod check;
mod docs;
mod entities;
mod export;
mod extract;
mod ingest;
mod related;
mod search;
#[cfg(feature = "server")]
mod serve;
mod show;
mod stats;
mod timeline;

use std::io::IsTerminal;

use anyhow::Result;
use newsdex::output::Style;

use crate::cli::{Cli, ColorWhen, Command};

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Something was found or done.
    Found,
    /// A search or listing found nothing.
    NothingFound,
    /// The command ran but failed its contract (e.g. `--strict` skips).
    Failed,
}

impl From<Status> for std::process::ExitCode {
    fn from(status: Status) -> Self {
        match status {
            Status::Found => std::process::ExitCode::SUCCESS,
            Status::NothingFound => std::process::ExitCode::from(1),
            Status::Failed => std::process::ExitCode::from(2),
        }
    }
}

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> Result<Status> {
    let style = Style {
        color: match cli.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        },
        base: std::env::current_dir()
            .ok()
            .and_then(|d| d.canonicalize().ok()),
    };
    match cli.command {
        Command::Ingest(args) => ingest::run(&cli.index, args, &style),
        Command::Search(args) => search::run(&cli.index, args, &style),
        Command::People(args) => {
            entities::run(&cli.index, args, newsdex::EntityKind::Person, &style)
        }
        Command::Places(args) => {
            entities::run(&cli.index, args, newsdex::EntityKind::Place, &style)
        }
        Command::Show(args) => show::run(&cli.index, args, &style),
        Command::Extract(args) => extract::run(args, &style),
        Command::Stats(args) => stats::run(&cli.index, args),
        Command::Timeline(args) => timeline::run(&cli.index, args, &style),
        Command::Related(args) => related::run(&cli.index, args, &style),
        #[cfg(feature = "server")]
        Command::Serve(args) => serve::run(&cli.index, args),
        Command::Check(args) => check::run(&cli.index, args),
        Command::Export(args) => export::run(&cli.index, args),
        Command::Completions(args) => docs::completions(args),
        Command::Man(args) => docs::man(args),
    }
}

/// How a command writes its rows on stdout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned text for people.
    Human,
    /// JSON Lines.
    Json,
    /// CSV with a header row.
    Csv,
}

impl Format {
    /// The format chosen by `--json` and `--csv` (clap makes them exclusive).
    pub fn from_flags(json: bool, csv: bool) -> Format {
        match (json, csv) {
            (true, _) => Format::Json,
            (_, true) => Format::Csv,
            _ => Format::Human,
        }
    }
}

/// Parses `--field NAME=KEY` values.
pub fn parse_fields(values: &[String]) -> Result<newsdex::parse::ParseOptions> {
    use newsdex::parse::FieldName;
    let mut options = newsdex::parse::ParseOptions {
        today: Some(today()),
        ..newsdex::parse::ParseOptions::default()
    };
    for value in values {
        let Some((name, key)) = value.split_once('=') else {
            anyhow::bail!(
                "invalid --field {value:?}: the format is NAME=KEY, e.g. body=content_original"
            );
        };
        let Some(field) = FieldName::parse(name) else {
            let names: Vec<&str> = FieldName::ALL.iter().map(|f| f.as_str()).collect();
            anyhow::bail!(
                "invalid --field {value:?}: {name:?} is not one of {}",
                names.join(", ")
            );
        };
        if key.trim().is_empty() {
            anyhow::bail!("invalid --field {value:?}: the key is empty");
        }
        options.field_keys.push((field, key.trim().to_string()));
    }
    Ok(options)
}

/// Today's local day, the upper bound (plus one) of plausible dates.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
