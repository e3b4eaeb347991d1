mod completions;
mod paging;
mod support;
mod terminal;
