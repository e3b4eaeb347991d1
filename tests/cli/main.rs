mod config;
mod errors;
mod get;
mod list;
mod support;
