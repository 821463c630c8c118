//! Embedded place list (stub; being written).
