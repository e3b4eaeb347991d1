//! `avatarctl sessions …`

pub mod get;
pub mod list;
