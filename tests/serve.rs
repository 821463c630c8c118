//! `newsdex serve`: the real binary on a free loopback port over a fixture
//! index, asked over plain HTTP/1.1 (a raw `TcpStream`, no client crate).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::Value;

use crate::analytics::corpus;
use crate::json::{Article, Entity, Hit};
use crate::util::{Dir, article};

/// A running server; killed when dropped.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Server {
    fn start(dir: &Dir) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
            .env_remove("NEWSDEX_INDEX")
            .arg("--index")
            .arg(dir.index())
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let Some(url) = line.split("http://").nth(1) else {
            let mut err = String::new();
            child.stderr.take().unwrap().read_to_string(&mut err).ok();
            panic!("no address on stdout: {line:?}\nstderr: {err}");
        };
        let address = url.trim().trim_end_matches('/').parse().unwrap();
        Server { child, address }
    }

    /// `GET path`: the status, the headers (lowercased names) and the body.
    fn get(&self, path: &str) -> Response {
        self.request("GET", path)
    }

    fn request(&self, method: &str, path: &str) -> Response {
        let mut stream = TcpStream::connect(self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8(raw).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let mut lines = head.lines();
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        let body = if chunked {
            dechunk(body)
        } else {
            body.to_string()
        };
        Response {
            status,
            headers,
            body,
        }
    }

    /// `GET path` that must answer 200 with JSON of type `T`.
    fn json<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let r = self.get(path);
        assert_eq!(r.status, 200, "GET {path}: {}", r.body);
        assert_eq!(r.header("content-type"), Some("application/json"));
        serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("GET {path}: {e}\n{}", r.body))
    }

    /// `GET path` that must answer `status` with a JSON error naming
    /// `parameter`; returns the message.
    fn error(&self, path: &str, status: u16, parameter: Option<&str>) -> String {
        let r = self.get(path);
        assert_eq!(r.status, status, "GET {path}: {}", r.body);
        let e: ErrorBody =
            serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("GET {path}: {e}\n{}", r.body));
        assert_eq!(e.status, status);
        assert_eq!(e.parameter.as_deref(), parameter, "GET {path}: {}", e.error);
        assert!(!e.error.is_empty());
        e.error
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        body = &rest[size + 2..];
    }
    out
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorBody {
    error: String,
    parameter: Option<String>,
    status: u16,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Bucket {
    start: String,
    end: String,
    count: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Timeline {
    interval: String,
    buckets: Vec<Bucket>,
    undated: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Search {
    total: usize,
    offset: usize,
    hits: Vec<Hit>,
    people: Vec<Entity>,
    places: Vec<Entity>,
    timeline: Option<Timeline>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entities {
    kind: String,
    entities: Vec<Entity>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Companions {
    by_specificity: Vec<crate::analytics::Companion>,
    by_count: Vec<crate::analytics::Companion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Related {
    name: String,
    kind: String,
    total: u64,
    articles: u64,
    people: Companions,
    places: Companions,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stats {
    articles: u64,
    people: u64,
    places: u64,
    earliest: Option<String>,
    latest: Option<String>,
    undated: u64,
    files: u64,
    size_bytes: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Health {
    status: String,
    articles: u64,
}

fn names(list: &[Entity]) -> Vec<(&str, u64)> {
    list.iter().map(|e| (e.name.as_str(), e.articles)).collect()
}

#[test]
fn every_endpoint_answers_with_the_cli_objects() {
    let dir = corpus();
    let server = Server::start(&dir);

    let health: Health = server.json("/healthz");
    assert_eq!((health.status.as_str(), health.articles), ("ok", 6));

    let s: Search = server.json("/api/search?q=merkel&sort=newest");
    assert_eq!((s.total, s.offset, s.hits.len()), (3, 0, 3));
    let dates: Vec<&str> = s.hits.iter().filter_map(|h| h.date.as_deref()).collect();
    assert_eq!(dates, vec!["2024-03-09", "2024-03-02", "2024-01-05"]);
    assert_eq!(names(&s.people)[0], ("Angela Merkel", 3));
    assert_eq!(names(&s.people)[1], ("Olaf Scholz", 2));
    assert_eq!(names(&s.places)[0], ("Berlin", 2));
    let timeline = s.timeline.unwrap();
    assert_eq!(timeline.interval, "day", "chosen from a two-month span");
    assert_eq!(timeline.buckets.iter().map(|b| b.count).sum::<u64>(), 3);
    assert_eq!(timeline.buckets[0].start, "2024-01-05");
    assert_eq!(timeline.undated, 0);

    // Filters, paging and the interval.
    let s: Search = server.json(
        "/api/search?person=Merkel&place=Berlin&since=2024-02&limit=1&offset=0&interval=month&facets=1",
    );
    assert_eq!((s.total, s.hits.len()), (1, 1));
    assert_eq!(s.hits[0].title, "Merkel speaks in Berlin");
    assert_eq!(s.people.len(), 1, "facets=1");
    let timeline = s.timeline.unwrap();
    assert_eq!(timeline.interval, "month");
    assert_eq!(timeline.buckets.len(), 1);
    assert_eq!(timeline.buckets[0].end, "2024-03-31");
    let s: Search = server.json("/api/search?q=&limit=2&offset=4");
    assert_eq!((s.total, s.offset, s.hits.len()), (6, 4, 2));
    assert_eq!(s.timeline.unwrap().undated, 1);
    let s: Search = server.json("/api/search?q=merkel&limit=0");
    assert_eq!((s.total, s.hits.len()), (3, 0), "limit=0: counts only");
    let s: Search = server.json("/api/search?q=%22Angela+Merkel%22+OR+Hidalgo");
    assert_eq!(s.total, 4);

    let id = s.hits[0].id.clone();
    let a: Article = server.json(&format!("/api/articles/{id}"));
    assert_eq!(a.id.as_deref(), Some(id.as_str()));
    assert!(!a.body.is_empty());

    let t: Timeline = server.json("/api/timeline?q=merkel&interval=week");
    assert_eq!(t.interval, "week");
    assert_eq!(t.buckets.first().unwrap().start, "2024-01-01");

    let p: Entities = server.json("/api/people?since=2024-03&limit=5");
    assert_eq!(p.kind, "person");
    assert_eq!(
        names(&p.entities),
        vec![("Angela Merkel", 2), ("Olaf Scholz", 2)]
    );
    let p: Entities = server.json("/api/places?q=macron");
    assert_eq!(p.kind, "place");
    assert_eq!(names(&p.entities), vec![("Berlin", 1), ("Paris", 1)]);

    let r: Related = server.json("/api/related?person=Merkel&min_count=1");
    assert_eq!((r.name.as_str(), r.kind.as_str()), ("Merkel", "person"));
    assert_eq!((r.total, r.articles), (6, 3));
    assert_eq!(r.people.by_specificity[0].name, "Olaf Scholz");
    assert_eq!(r.people.by_count[0].name, "Olaf Scholz");
    assert_eq!(r.places.by_count[0].name, "Berlin");
    let r: Related = server.json("/api/related?place=Berlin&until=2024-01");
    assert_eq!((r.total, r.articles), (3, 1));
    assert!(r.people.by_specificity.is_empty(), "min_count 3 by default");
    assert_eq!(r.people.by_count.len(), 2);

    let st: Stats = server.json("/api/stats");
    assert_eq!((st.articles, st.undated, st.files), (6, 1, 6));
    assert_eq!(st.earliest.as_deref(), Some("2023-12-30"));
    assert!(st.people >= 5 && st.places >= 4 && st.size_bytes > 0);
    assert!(st.latest.is_some());

    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_contains!(page.body, "<script src=\"/app.js\"");
    for asset in ["/app.js", "/app.css"] {
        assert_eq!(server.get(asset).status, 200, "{asset}");
    }
}

#[test]
fn bad_parameters_are_400_naming_the_parameter() {
    let dir = corpus();
    let server = Server::start(&dir);
    server.error("/api/search?limit=1001", 400, Some("limit"));
    server.error("/api/search?limit=many", 400, Some("limit"));
    server.error("/api/search?offset=-1", 400, Some("offset"));
    server.error("/api/search?offset=10001", 400, Some("offset"));
    server.error("/api/search?since=2024-13", 400, Some("since"));
    server.error("/api/search?until=soon", 400, Some("until"));
    server.error("/api/search?since=2024&until=2023", 400, Some("since"));
    server.error("/api/search?sort=random", 400, Some("sort"));
    server.error("/api/search?interval=decade", 400, Some("interval"));
    server.error("/api/search?facets=101", 400, Some("facets"));
    server.error("/api/search?person=%21%21", 400, Some("person"));
    let empty: Search = server.json("/api/search?place=&q=");
    assert_eq!(empty.total, 6, "an empty filter is no filter");
    let long = "a".repeat(1001);
    server.error(&format!("/api/search?q={long}"), 400, Some("q"));
    let message = server.error("/api/search?q=title%3A%28", 400, Some("q"));
    assert_contains!(message, "invalid query");
    let message = server.error("/api/search?query=x", 400, None);
    assert_contains!(message, "unknown parameter \"query\"");
    server.error("/api/search?q=a&q=b", 400, Some("q"));
    server.error("/api/people?limit=5000", 400, Some("limit"));
    server.error("/api/places?sort=newest", 400, None);
    server.error("/api/related", 400, Some("person"));
    server.error("/api/related?person=a&place=b", 400, Some("place"));
    server.error("/api/related?person=a&person=b", 400, Some("person"));
    server.error(
        "/api/related?place=Berlin&min_count=x",
        400,
        Some("min_count"),
    );
    server.error("/api/articles/nothex", 400, Some("id"));
    server.error("/api/articles/0123456789abcdef", 404, Some("id"));
    server.error("/api/nothing", 404, None);
    server.error("/etc/passwd", 404, None);
    let post = server.request("POST", "/api/search?q=merkel");
    assert_eq!(post.status, 405, "read-only: {}", post.body);
    let delete = server.request("DELETE", "/api/articles/0123456789abcdef");
    assert_eq!(delete.status, 405);
}

#[test]
fn article_text_is_escaped_in_snippets_and_served_as_json() {
    let dir = Dir::new();
    dir.create(
        "2024-02-01-x.txt",
        &article(
            "Budget <script>alert(1)</script> talks",
            "The budget <img src=x onerror=alert(2)> talks in Berlin went on & on.",
        ),
    );
    dir.ingest();
    let server = Server::start(&dir);
    let r = server.get("/api/search?q=budget");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    let csp = r.header("content-security-policy").unwrap_or("");
    assert_contains!(csp, "script-src 'self'");
    let s: Search = serde_json::from_str(&r.body).unwrap();
    let hit = &s.hits[0];
    // The title is data: JSON carries it as it is, and the page puts it in
    // as text (the browser test checks the page).
    assert_eq!(hit.title, "Budget <script>alert(1)</script> talks");
    // The snippet is HTML: everything but its <b> marks is escaped.
    assert_contains!(hit.snippet, "&lt;img src=x onerror=alert(2)&gt;");
    assert_contains!(hit.snippet, "<b>budget</b>");
    assert!(!hit.snippet.contains("<img"), "{}", hit.snippet);
    assert_contains!(hit.snippet, "&amp; on");
    // The page itself inlines no script and no article text.
    let page = server.get("/");
    assert!(!page.body.contains("alert("));
    assert_contains!(
        page.header("content-security-policy").unwrap_or(""),
        "default-src 'none'"
    );
}

#[test]
fn a_bad_query_is_a_400_never_a_500() {
    let dir = corpus();
    let server = Server::start(&dir);
    for q in [
        "title%3A%28",
        "%22",
        "AND",
        "OR+OR",
        "%2B%2B%2B",
        "-",
        "people%3A",
        "date%3A%5B2020+TO",
        "%5B%7B%7D%5D",
        "*",
        "%E2%80%8B",
        "%F0%9F%98%80",
        "title%3A%22a%22~x",
        "body%3A%5E2",
    ] {
        let r = server.get(&format!("/api/search?q={q}"));
        assert!(
            r.status == 200 || r.status == 400,
            "q={q}: {} {}",
            r.status,
            r.body
        );
        let body: Value = serde_json::from_str(&r.body).unwrap();
        if r.status == 400 {
            assert_eq!(body["parameter"], "q", "q={q}: {}", r.body);
        }
    }
    // The server is still up.
    let health: Health = server.json("/healthz");
    assert_eq!(health.status, "ok");
}

#[test]
fn results_follow_an_ingest_that_runs_while_serving() {
    let dir = corpus();
    let server = Server::start(&dir);
    let s: Search = server.json("/api/search?q=zeppelin");
    assert_eq!(s.total, 0);
    dir.create(
        "2024/04/01/z.txt",
        &article("Zeppelin returns", "A zeppelin flew over Friedrichshafen."),
    );
    let summary = dir.ingest();
    assert_eq!(summary.added, 1);
    // The reader reloads shortly after the commit; wait for it, bounded.
    let deadline = Instant::now() + Duration::from_secs(30);
    let total = loop {
        let s: Search = server.json("/api/search?q=zeppelin");
        if s.total == 1 || Instant::now() > deadline {
            break s.total;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(total, 1, "the new article never showed up");
    let st: Stats = server.json("/api/stats");
    assert_eq!(st.articles, 7);
    assert_eq!(st.files, 7);
}

#[test]
fn listening_beyond_loopback_warns() {
    let dir = corpus();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .env_remove("NEWSDEX_INDEX")
        .arg("--index")
        .arg(dir.index())
        .args(["serve", "--addr", "0.0.0.0:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    child.kill().ok();
    child.wait().ok();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).ok();
    assert_contains!(line, "http://0.0.0.0:");
    assert_contains!(err, "warning: listening on 0.0.0.0:");
    assert_contains!(err, "--addr 127.0.0.1:");
}
