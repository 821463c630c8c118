//! Errors as the API answers them: an HTTP status and a JSON body
//! `{"error": MESSAGE, "parameter": NAME or null, "status": CODE}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::Error;

/// An API error: what went wrong and, for a bad request, which parameter.
#[derive(Debug)]
pub(super) struct ApiError {
    pub(super) status: StatusCode,
    pub(super) parameter: Option<&'static str>,
    pub(super) message: String,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    error: &'a str,
    parameter: Option<&'static str>,
    status: u16,
}

impl ApiError {
    /// A 400 about `parameter`.
    pub(super) fn bad(parameter: Option<&'static str>, message: String) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            parameter,
            message,
        }
    }

    /// Another status, with no parameter to blame.
    pub(super) fn status(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            parameter: None,
            message: message.into(),
        }
    }

    /// A library error: the user's mistakes are 400 (404 for an unknown
    /// article) with the library's message; anything else is a 500 whose
    /// message does not show the server's paths.
    pub(super) fn from_library(e: Error) -> ApiError {
        match e {
            Error::Query { .. } => ApiError::bad(Some("q"), format!("q: {e}")),
            Error::EmptyName { .. } => ApiError::bad(None, e.to_string()),
            Error::InvalidDate { .. } => ApiError::bad(None, e.to_string()),
            Error::TooManyBuckets { .. } => {
                ApiError::bad(Some("interval"), format!("interval: {e}"))
            }
            Error::ArticleNotFound { id } => ApiError {
                status: StatusCode::NOT_FOUND,
                parameter: Some("id"),
                message: format!("no article with id {id:?}"),
            },
            _ => ApiError::status(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error: the index could not be read",
            ),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorJson {
            error: &self.message,
            parameter: self.parameter,
            status: self.status.as_u16(),
        };
        super::json_response(self.status, &body)
    }
}
