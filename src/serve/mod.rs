//! The server behind `newsdex serve`: a JSON API over one index and a
//! search page, both read-only.
//!
//! One [`NewsIndex`] opened with [`NewsIndex::open_live`] is shared by every
//! request; its reader reloads after each commit, so an ingest running
//! meanwhile shows up in the results. Searches are blocking work: each runs
//! on tokio's blocking pool, at most [`ServerOptions::max_in_flight`] at a
//! time, and a request that takes longer than [`ServerOptions::timeout`]
//! gets a 503 (its search finishes in the background and is dropped).
//!
//! * `api.rs`: the endpoints, each a thin layer over the query stage that
//!   answers with the structs of [`crate::output::json`].
//! * `params.rs`: query-string parsing with bounds; a bad parameter is a
//!   400 that names it.
//! * `error.rs`: errors as JSON with a status.
//! * `assets.rs` and `assets/`: the search page, embedded in the binary.
//!
//! Like the rest of the library, nothing here prints: the `serve` command
//! prints the address and warnings. Uses `query`, `output` and `index`.

mod api;
mod assets;
mod error;
mod params;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tokio::sync::Semaphore;

use crate::error::{Error, Result};
use crate::index::NewsIndex;
pub use params::{MAX_FACETS, MAX_LIMIT, MAX_NAME_CHARS, MAX_NAMES, MAX_OFFSET, MAX_QUERY_CHARS};

use error::ApiError;

/// How the server bounds its work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServerOptions {
    /// The longest a request may take before it gets a 503.
    pub timeout: Duration,
    /// The most searches running at once; more wait for a turn (within the
    /// timeout).
    pub max_in_flight: usize,
}

impl Default for ServerOptions {
    fn default() -> ServerOptions {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        ServerOptions {
            timeout: Duration::from_secs(10),
            max_in_flight: (2 * cores).max(4),
        }
    }
}

/// What every request shares.
struct State {
    index: NewsIndex,
    options: ServerOptions,
    turns: Arc<Semaphore>,
}

/// A bound server, ready to run.
pub struct Server {
    listener: std::net::TcpListener,
    address: SocketAddr,
    router: Router,
}

impl Server {
    /// Binds `address` (port 0 picks a free port) to serve `index`, which
    /// should be opened with [`NewsIndex::open_live`] so that it follows
    /// commits.
    pub fn bind(index: NewsIndex, address: SocketAddr, options: ServerOptions) -> Result<Server> {
        let bind_error = |source| Error::Bind { address, source };
        let listener = std::net::TcpListener::bind(address).map_err(bind_error)?;
        listener.set_nonblocking(true).map_err(bind_error)?;
        let address = listener.local_addr().map_err(bind_error)?;
        Ok(Server {
            listener,
            address,
            router: router(index, options),
        })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> SocketAddr {
        self.address
    }

    /// Serves until the process ends.
    pub fn run(self) -> Result<()> {
        let address = self.address;
        let serve_error = |source| Error::Serve { address, source };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(serve_error)?;
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(self.listener).map_err(serve_error)?;
            axum::serve(listener, self.router)
                .await
                .map_err(serve_error)
        })
    }
}

/// The routes over `index`: the API under `/api/`, `/healthz`, and the
/// search page at `/`.
pub fn router(index: NewsIndex, options: ServerOptions) -> Router {
    let state = Arc::new(State {
        index,
        options,
        turns: Arc::new(Semaphore::new(options.max_in_flight.max(1))),
    });
    api::routes()
        .merge(assets::routes())
        .fallback(|| async {
            ApiError::status(
                StatusCode::NOT_FOUND,
                "no such page; the API is under /api/ (see the README)",
            )
        })
        .layer(axum::middleware::map_response(secure))
        .with_state(state)
}

/// Adds the headers that keep a page from running or loading anything but
/// its own script and style, whatever an article contains.
async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = |value: &'static str| HeaderValue::from_static(value);
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        set(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, set("nosniff"));
    headers.insert(header::REFERRER_POLICY, set("no-referrer"));
    response
}

/// A JSON response.
fn json_response<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (
            status,
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

impl State {
    /// Runs `work` on the blocking pool when a turn is free, within the
    /// timeout; answers with its JSON bytes or its error.
    async fn answer<F>(self: Arc<State>, work: F) -> Response
    where
        F: FnOnce(&NewsIndex) -> Result<Vec<u8>, ApiError> + Send + 'static,
    {
        let timeout = self.options.timeout;
        let state = Arc::clone(&self);
        let run = async move {
            let Ok(turn) = Arc::clone(&state.turns).acquire_owned().await else {
                return Err(ApiError::status(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the server is shutting down",
                ));
            };
            let worker = Arc::clone(&state);
            tokio::task::spawn_blocking(move || {
                let _turn = turn;
                work(&worker.index)
            })
            .await
            .unwrap_or_else(|_| {
                Err(ApiError::status(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal error: the request failed",
                ))
            })
        };
        match tokio::time::timeout(timeout, run).await {
            Ok(Ok(bytes)) => (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, "application/json"),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                bytes,
            )
                .into_response(),
            Ok(Err(e)) => e.into_response(),
            Err(_) => ApiError::status(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the request took longer than {} s; narrow the query or try again",
                    timeout.as_secs_f64()
                ),
            )
            .into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state over an empty index in a temporary folder, with `timeout`
    /// and one turn.
    fn state(dir: &tempfile::TempDir, timeout: Duration) -> Arc<State> {
        let index = NewsIndex::open_or_create(&dir.path().join("index"), false).unwrap();
        Arc::new(State {
            index,
            options: ServerOptions {
                timeout,
                max_in_flight: 1,
            },
            turns: Arc::new(Semaphore::new(1)),
        })
    }

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
    }

    async fn status_and_body(response: Response) -> (StatusCode, String) {
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (status, String::from_utf8(body.to_vec()).unwrap())
    }

    fn slow(pause: Duration) -> impl FnOnce(&NewsIndex) -> Result<Vec<u8>, ApiError> + Send {
        move |_| {
            std::thread::sleep(pause);
            Ok(b"{}".to_vec())
        }
    }

    #[test]
    fn work_within_the_timeout_is_answered() {
        let dir = tempfile::tempdir().unwrap();
        let state = state(&dir, Duration::from_secs(5));
        let (status, body) = runtime().block_on(async {
            status_and_body(state.answer(slow(Duration::from_millis(10))).await).await
        });
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body, "{}");
    }

    #[test]
    fn work_past_the_timeout_gets_a_503_that_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let state = state(&dir, Duration::from_millis(100));
        let ((status, body), waited) = runtime().block_on(async {
            let started = std::time::Instant::now();
            let response = state.answer(slow(Duration::from_secs(2))).await;
            let waited = started.elapsed();
            (status_and_body(response).await, waited)
        });
        // (Dropping the runtime waits for the work; the answer did not.)
        assert!(
            waited < Duration::from_secs(1),
            "answered after {waited:?}, not at the timeout"
        );
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        let message = json["error"].as_str().unwrap_or_default();
        assert!(message.contains("longer than 0.1 s"), "{body}");
    }

    #[test]
    fn a_request_waiting_for_a_turn_past_the_timeout_gets_a_503() {
        let dir = tempfile::tempdir().unwrap();
        let state = state(&dir, Duration::from_millis(300));
        let (first, second) = runtime().block_on(async {
            // The first holds the only turn for longer than the timeout;
            // the second, quick in itself, never gets one in time.
            let first = tokio::spawn(Arc::clone(&state).answer(slow(Duration::from_secs(1))));
            tokio::time::sleep(Duration::from_millis(50)).await;
            let second = Arc::clone(&state)
                .answer(slow(Duration::from_millis(1)))
                .await;
            (first.await.unwrap().status(), second.status())
        });
        assert_eq!(first, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(second, StatusCode::SERVICE_UNAVAILABLE);
    }
}
