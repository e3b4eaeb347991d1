mod get;
mod list;
mod support;
