//! One module per command; the file path follows the command path.

pub mod completions;
pub mod man;
pub mod providers;
pub mod sessions;
