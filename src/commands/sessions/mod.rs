//! `avatarctl sessions …`

pub mod analytics;
pub mod by_id;
pub mod get;
pub mod list;
pub mod recording;
pub mod stats;
pub mod transcript;
