mod completions;
mod paging;
mod support;
