//! The normalized records every provider maps to. Each implements [`crate::record::Record`],
//! so paging and every output format handle it without knowing it by name.

pub mod analytics;
pub mod raw;
pub mod session;
pub mod transcript;

pub use analytics::{Aggregate, LatencyRow, Report, SlowTurn, Turn};
pub use raw::RawObject;
pub use session::{Session, SessionId};
pub use transcript::{Message, Transcript};
