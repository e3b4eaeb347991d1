//! The normalized records every provider maps to. Each implements [`crate::record::Record`],
//! so paging and every output format handle it without knowing it by name.

pub mod session;

pub use session::{Session, SessionId};
