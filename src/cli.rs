/*!
The command line: clap derive structs. Doc comments are the help text, so
defaults are written once, here.
*/

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A search engine for news archives: ingest a folder of articles, then
/// search it and list the people and places it mentions.
#[derive(Debug, Parser)]
#[command(
    name = "newsdex",
    version = concat!(
        env!("CARGO_PKG_VERSION"),
        " (entity model: ",
        newsdex::model_version!(),
        ", averaged perceptron trained on CoNLL-2003)"
    ),
    about,
    max_term_width = 100
)]
pub struct Cli {
    /// The index folder.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "NEWSDEX_INDEX",
        default_value = "index"
    )]
    pub index: PathBuf,

    /// When to color output: auto (a terminal without NO_COLOR), always, never.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorWhen,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// When to use colors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk files and folders and index their articles (incrementally).
    Ingest(IngestArgs),
    /// Ranked full-text search.
    Search(SearchArgs),
    /// The most mentioned people, or the articles that mention one person.
    People(EntityArgs),
    /// The most mentioned places, or the articles that mention one place.
    Places(EntityArgs),
    /// One article with all its fields and its whole body.
    Show(ShowArgs),
    /// Parse and extract files without indexing them: what ingest would store.
    Extract(ExtractArgs),
    /// Figures about the index.
    Stats(StatsArgs),
    /// Matching articles per day, week, month or year, as a bar chart.
    Timeline(TimelineArgs),
    /// The people and places that appear with a person or place.
    Related(RelatedArgs),
    /// Serve a search page and a JSON API over the index (read-only).
    #[cfg(feature = "server")]
    Serve(ServeArgs),
    /// Verify the index: segment checksums and article records (exit 2 when
    /// damaged).
    Check(CheckArgs),
    /// Write the articles as documents for Quickwit or Elasticsearch/OpenSearch,
    /// with the index settings to create first (see the README's scale-out).
    Export(ExportArgs),
    /// Print a shell completion script (see the README's install section).
    Completions(CompletionsArgs),
    /// Print the man page, or write every page into a folder.
    Man(ManArgs),
}

/// Where `export` writes for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportTarget {
    /// Quickwit: an index config (YAML) and NDJSON documents for its ingest API.
    Quickwit,
    /// Elasticsearch or OpenSearch: an index mapping (JSON) and `_bulk` files.
    Elasticsearch,
}

/// `newsdex export`. Fields are sorted.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub dates: DateArgs,

    /// The folder to write into (created if needed; earlier chunk files in
    /// it are replaced).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// The index name in the engine.
    #[arg(long, value_name = "NAME", default_value = "newsdex")]
    pub name: String,

    /// Do not show progress.
    #[arg(long)]
    pub no_progress: bool,

    /// Only articles that mention this person (repeatable).
    #[arg(long = "person", value_name = "NAME")]
    pub people: Vec<String>,

    /// Only articles that mention this place (repeatable).
    #[arg(long = "place", value_name = "NAME")]
    pub places: Vec<String>,

    /// Only articles matching this query.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,

    /// The engine.
    #[arg(long, value_name = "ENGINE")]
    pub to: ExportTarget,
}

/// `newsdex check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

/// `newsdex completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `newsdex man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write newsdex.1 and one newsdex-COMMAND.1 per command into DIR
    /// instead of printing newsdex.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `newsdex ingest`. Fields are sorted.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Commit at least every SECS seconds on long runs, so an interrupted
    /// ingest keeps what it has done.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub commit_every: u64,

    /// Read a JSON field from another key: title=KEY, body=KEY, date=KEY,
    /// url=KEY, authors=KEY, source=KEY (dots reach into objects: meta.date).
    #[arg(long = "field", value_name = "NAME=KEY")]
    pub fields: Vec<String>,

    /// Print the summary as one JSON object on stdout.
    #[arg(long)]
    pub json: bool,

    /// Keep the articles of files that are gone from a walked folder.
    #[arg(long)]
    pub keep_missing: bool,

    /// Indexing memory budget in MB.
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub memory: usize,

    /// Do not show progress.
    #[arg(long)]
    pub no_progress: bool,

    /// Files and folders to ingest.
    #[arg(value_name = "PATH", default_value = "corpus")]
    pub paths: Vec<PathBuf>,

    /// Delete the index first and build it anew (needed after an upgrade
    /// that changes the index format).
    #[arg(long)]
    pub rebuild: bool,

    /// Fail (exit 2) when any file is skipped.
    #[arg(long)]
    pub strict: bool,

    /// Indexing threads of the index writer [default: half the cores, 1 to 4].
    #[arg(long, value_name = "NUM")]
    pub threads: Option<usize>,
}

/// How search results are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first (BM25).
    Relevance,
    /// Newest first; undated last.
    Newest,
    /// Oldest first; undated last.
    Oldest,
}

/// Filters shared by search and the entity listings.
#[derive(Debug, Args)]
pub struct DateArgs {
    /// Only articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only articles published on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

/// `newsdex search`. Fields are sorted.
#[derive(Debug, Args)]
pub struct SearchArgs {
    #[command(flatten)]
    pub dates: DateArgs,

    /// CSV with a header row on stdout, for spreadsheets (UTF-8, RFC 4180;
    /// lists joined by "; ").
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,

    /// One JSON object per hit on stdout.
    #[arg(long)]
    pub json: bool,

    /// At most NUM hits.
    #[arg(long, value_name = "NUM", default_value_t = 10)]
    pub limit: usize,

    /// Skip the first NUM hits.
    #[arg(long, value_name = "NUM", default_value_t = 0)]
    pub offset: usize,

    /// Only articles that mention this person (words of the name; repeatable).
    #[arg(long = "person", value_name = "NAME")]
    pub people: Vec<String>,

    /// Only articles that mention this place (repeatable).
    #[arg(long = "place", value_name = "NAME")]
    pub places: Vec<String>,

    /// The query: words (all required), "phrases", OR, -word, NOT word,
    /// title:, body:, people:, places: (see the README's query syntax).
    #[arg(value_name = "QUERY")]
    pub query: String,

    /// Result order.
    #[arg(long, value_name = "ORDER", default_value = "relevance")]
    pub sort: SortArg,
}

/// `newsdex people` and `newsdex places`. Fields are sorted.
#[derive(Debug, Args)]
pub struct EntityArgs {
    #[command(flatten)]
    pub dates: DateArgs,

    /// CSV with a header row on stdout, for spreadsheets (UTF-8, RFC 4180;
    /// lists joined by "; ").
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,

    /// With NAME (people only): list the persons NAME names instead of
    /// articles, each with every form of the name counted as that person
    /// and the articles that write each form.
    #[arg(long, requires = "name")]
    pub forms: bool,

    /// One JSON object per line on stdout.
    #[arg(long)]
    pub json: bool,

    /// At most NUM entries (without NAME) or articles (with NAME)
    /// [default: 20 entries, 10 articles].
    #[arg(long, value_name = "NUM")]
    pub limit: Option<usize>,

    /// A name, or words of one (case-insensitive): list the articles that
    /// mention it, newest first.
    #[arg(value_name = "NAME")]
    pub name: Option<String>,

    /// Skip the first NUM articles (with NAME).
    #[arg(long, value_name = "NUM", default_value_t = 0)]
    pub offset: usize,

    /// Count only articles matching this query.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
}

/// `newsdex show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article id (as printed by search).
    #[arg(value_name = "ID")]
    pub id: String,

    /// The article as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// `newsdex extract`. Fields are sorted.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Read a JSON field from another key (see `ingest --field`).
    #[arg(long = "field", value_name = "NAME=KEY")]
    pub fields: Vec<String>,

    /// One JSON object per article.
    #[arg(long)]
    pub json: bool,

    /// Files and folders to read.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
}

/// `newsdex stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// CSV with a header row on stdout, for spreadsheets (UTF-8, RFC 4180;
    /// lists joined by "; ").
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,

    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

/// The width of a timeline bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum IntervalArg {
    /// One bar per day.
    Day,
    /// One bar per week (Monday to Sunday).
    Week,
    /// One bar per month.
    Month,
    /// One bar per year.
    Year,
}

/// `newsdex timeline`. Fields are sorted.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The bar width [default: chosen from the span of the matching days].
    #[arg(long, value_name = "INTERVAL")]
    pub by: Option<IntervalArg>,

    #[command(flatten)]
    pub dates: DateArgs,

    /// CSV with a header row on stdout, for spreadsheets (UTF-8, RFC 4180).
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,

    /// One JSON object per bar on stdout: {"start", "end", "count"}.
    #[arg(long)]
    pub json: bool,

    /// Only articles that mention this person (words of the name; repeatable).
    #[arg(long = "person", value_name = "NAME")]
    pub people: Vec<String>,

    /// Only articles that mention this place (repeatable).
    #[arg(long = "place", value_name = "NAME")]
    pub places: Vec<String>,

    /// Count only articles matching this query (same syntax as search)
    /// [default: every article].
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
}

/// How `related` ranks companions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RankArg {
    /// Most specific first: normalised pointwise mutual information with the
    /// subject, among those sharing at least --min-count articles.
    Specific,
    /// Most shared articles first.
    Count,
}

/// `newsdex related`. Fields are sorted.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("subject").required(true).args(["person", "place"]))]
pub struct RelatedArgs {
    #[command(flatten)]
    pub dates: DateArgs,

    /// CSV with a header row on stdout, for spreadsheets (UTF-8, RFC 4180).
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,

    /// One JSON object per companion on stdout: {"name", "kind", "together",
    /// "articles", "lift", "npmi"}.
    #[arg(long)]
    pub json: bool,

    /// At most NUM people and NUM places.
    #[arg(long, value_name = "NUM", default_value_t = 10)]
    pub limit: usize,

    /// The fewest shared articles for the specific ranking.
    #[arg(long, value_name = "NUM", default_value_t = 3)]
    pub min_count: u64,

    /// The person (words of the name, as in search --person).
    #[arg(long, value_name = "NAME")]
    pub person: Option<String>,

    /// The place.
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,

    /// Count only articles matching this query.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,

    /// The order of companions.
    #[arg(long, value_name = "ORDER", default_value = "specific")]
    pub rank: RankArg,
}

/// `newsdex serve`. Fields are sorted.
#[cfg(feature = "server")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on. Anything but a loopback address serves the
    /// index to the network: it is allowed but warned about. Port 0 picks a
    /// free port (the address is printed).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:7777")]
    pub addr: std::net::SocketAddr,

    /// Answer 503 when a request takes longer than SECS seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    pub timeout: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn search_defaults() {
        let cli = Cli::try_parse_from(["newsdex", "search", "sanctions"]).unwrap();
        let Command::Search(args) = cli.command else {
            panic!("not search")
        };
        assert_eq!(args.limit, 10);
        assert_eq!(args.sort, SortArg::Relevance);
        assert_eq!(cli.index, PathBuf::from("index"));
    }

    #[test]
    fn related_needs_a_person_or_a_place() {
        assert!(Cli::try_parse_from(["newsdex", "related"]).is_err());
        assert!(
            Cli::try_parse_from(["newsdex", "related", "--person", "a", "--place", "b"]).is_err()
        );
        let cli = Cli::try_parse_from(["newsdex", "related", "--place", "Paris"]).unwrap();
        let Command::Related(args) = cli.command else {
            panic!("not related")
        };
        assert_eq!(args.place.as_deref(), Some("Paris"));
        assert_eq!(
            (args.limit, args.min_count, args.rank),
            (10, 3, RankArg::Specific)
        );
    }

    #[cfg(feature = "server")]
    #[test]
    fn serve_defaults_to_loopback() {
        let cli = Cli::try_parse_from(["newsdex", "serve"]).unwrap();
        let Command::Serve(args) = cli.command else {
            panic!("not serve")
        };
        assert!(args.addr.ip().is_loopback());
        assert_eq!(args.addr.port(), 7777);
    }

    #[test]
    fn ingest_defaults_to_corpus() {
        let cli = Cli::try_parse_from(["newsdex", "--index", "/tmp/x", "ingest"]).unwrap();
        let Command::Ingest(args) = cli.command else {
            panic!("not ingest")
        };
        assert_eq!(args.paths, vec![PathBuf::from("corpus")]);
        assert_eq!(cli.index, PathBuf::from("/tmp/x"));
    }
}
