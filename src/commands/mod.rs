//! One module per command; the file path follows the command path.

pub mod completions;
pub mod providers;
pub mod sessions;
