mod paging;
mod support;
