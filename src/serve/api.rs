//! The JSON endpoints. Each parses its parameters (a 400 names the bad
//! one), runs the query stage on the blocking pool and answers with the
//! structs of `output::json`, the same objects as the CLI's `--json`.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use serde::Serialize;

use super::State as Shared;
use super::error::ApiError;
use super::params::{MAX_FACETS, Params};
use crate::model::EntityKind;
use crate::output::json::{
    ArticleJson, EntityJson, ExplorationJson, RelatedJson, StatsJson, TimelineJson,
};
use crate::query::{self, Overview, RelatedOptions};

type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;
type AppState = State<Arc<Shared>>;

// The parameters each endpoint takes: the filters (q, person, place, since,
// until) and its own.
const SEARCH: &[&str] = &[
    "q", "person", "place", "since", "until", "sort", "limit", "offset", "facets", "interval",
];
const ENTITIES: &[&str] = &["q", "person", "place", "since", "until", "limit"];
const TIMELINE: &[&str] = &["q", "person", "place", "since", "until", "interval"];
const RELATED: &[&str] = &[
    "q",
    "person",
    "place",
    "since",
    "until",
    "limit",
    "min_count",
];

pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/search", get(search))
        .route("/api/timeline", get(timeline))
        .route("/api/people", get(people))
        .route("/api/places", get(places))
        .route("/api/related", get(related))
        .route("/api/articles/{id}", get(article))
        .route("/api/stats", get(stats))
}

/// The parameters, or the 400 for a query string that does not decode.
fn params(pairs: Pairs, allowed: &'static [&'static str]) -> Result<Params, ApiError> {
    let Query(pairs) =
        pairs.map_err(|e| ApiError::bad(None, format!("the query string does not decode: {e}")))?;
    Params::new(pairs, allowed)
}

fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|_| {
        ApiError::status(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            "internal error: the answer could not be written",
        )
    })
}

/// Runs `work` with the parsed parameters, or answers their error.
async fn with_params<F>(state: Arc<Shared>, parsed: Result<Params, ApiError>, work: F) -> Response
where
    F: FnOnce(&crate::NewsIndex, Params) -> Result<Vec<u8>, ApiError> + Send + 'static,
{
    match parsed {
        Ok(params) => state.answer(move |index| work(index, params)).await,
        Err(e) => axum::response::IntoResponse::into_response(e),
    }
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    articles: u64,
}

async fn healthz(State(state): AppState) -> Response {
    state
        .answer(|index| {
            let articles = index.num_articles().map_err(ApiError::from_library)?;
            to_json(&Health {
                status: "ok",
                articles,
            })
        })
        .await
}

async fn search(State(state): AppState, pairs: Pairs) -> Response {
    with_params(state, params(pairs, SEARCH), |index, p| {
        let request = p.request(10)?;
        let overview = Overview {
            entities: p.number("facets", 10, MAX_FACETS)?,
            timeline: true,
            interval: p.interval()?,
        };
        let found = query::explore(index, &request, &overview).map_err(ApiError::from_library)?;
        to_json(&ExplorationJson::new(&found, request.offset))
    })
    .await
}

async fn timeline(State(state): AppState, pairs: Pairs) -> Response {
    with_params(state, params(pairs, TIMELINE), |index, p| {
        let request = p.request(10)?;
        let timeline =
            query::timeline(index, &request, p.interval()?).map_err(ApiError::from_library)?;
        to_json(&TimelineJson::new(&timeline))
    })
    .await
}

#[derive(Serialize)]
struct EntitiesJson<'a> {
    kind: &'static str,
    entities: Vec<EntityJson<'a>>,
}

fn entities(index: &crate::NewsIndex, p: Params, kind: EntityKind) -> Result<Vec<u8>, ApiError> {
    let filter = p.request(20)?;
    let limit = filter.limit;
    let entries =
        query::count_entities(index, kind, &filter, None, limit).map_err(ApiError::from_library)?;
    to_json(&EntitiesJson {
        kind: kind.as_str(),
        entities: entries.iter().map(EntityJson::new).collect(),
    })
}

async fn people(State(state): AppState, pairs: Pairs) -> Response {
    with_params(state, params(pairs, ENTITIES), |index, p| {
        entities(index, p, EntityKind::Person)
    })
    .await
}

async fn places(State(state): AppState, pairs: Pairs) -> Response {
    with_params(state, params(pairs, ENTITIES), |index, p| {
        entities(index, p, EntityKind::Place)
    })
    .await
}

async fn related(State(state): AppState, pairs: Pairs) -> Response {
    with_params(state, params(pairs, RELATED), |index, p| {
        let (kind, name) = p.subject()?;
        let filter = p.filter()?;
        let options = RelatedOptions {
            min_count: p.number("min_count", 3, 1_000_000)? as u64,
            limit: p.number("limit", 10, super::params::MAX_LIMIT)?,
        };
        let related =
            query::related(index, kind, &name, &filter, options).map_err(ApiError::from_library)?;
        to_json(&RelatedJson::new(&related))
    })
    .await
}

async fn article(State(state): AppState, id: Result<Path<String>, PathRejection>) -> Response {
    let parsed = id
        .map_err(|_| ApiError::bad(Some("id"), "id: not a valid article id".to_string()))
        .and_then(|Path(id)| {
            // Ids are 16 hex digits; anything else cannot exist.
            if id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
                Ok(id)
            } else {
                Err(ApiError::bad(
                    Some("id"),
                    format!("id: {id:?} is not an article id (16 hex digits)"),
                ))
            }
        });
    let id = match parsed {
        Ok(id) => id,
        Err(e) => return axum::response::IntoResponse::into_response(e),
    };
    state
        .answer(move |index| {
            let article = query::get_article(index, &id).map_err(ApiError::from_library)?;
            to_json(&ArticleJson::new(&article, true))
        })
        .await
}

async fn stats(State(state): AppState) -> Response {
    state
        .answer(|index| {
            let stats = query::stats(index).map_err(ApiError::from_library)?;
            to_json(&StatsJson::new(&stats))
        })
        .await
}
