mod config;
mod errors;
mod get;
mod list;
mod output;
mod support;
