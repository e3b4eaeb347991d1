mod paging;
mod reliability;
mod support;
