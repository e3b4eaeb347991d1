mod config;
mod csv_format;
mod errors;
mod get;
mod list;
mod output;
mod secrets;
mod support;
