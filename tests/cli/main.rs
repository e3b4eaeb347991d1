mod list;
mod support;
