//! Integration tests: the real `avatarctl` binary against in-process fake providers.

mod analytics;
mod auth;
mod beyondpresence;
mod completions;
mod config;
mod csv_format;
mod errors;
mod get;
mod jq;
mod list_agenthuman;
mod list_anam;
mod output;
mod paging;
mod provider_all;
mod recording;
mod reliability;
mod rendering;
mod secrets;
mod selection;
mod stats;
mod support;
mod tavus;
mod terminal;
mod transcript;
mod trust;
mod usage;
