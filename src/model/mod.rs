//! The normalized records every provider maps to. Each implements [`crate::record::Record`],
//! so paging and every output format handle it without knowing it by name.

pub mod analytics;
pub mod raw;
pub mod session;
pub mod time;
pub mod tool_call;
pub mod transcript;
pub mod usage;

pub use analytics::{Aggregate, LatencyRow, Report, SlowTurn, Turn};
pub use raw::RawObject;
pub use session::{Session, SessionId};
pub use tool_call::ToolCall;
pub use transcript::{Message, Transcript};
pub use usage::Usage;
