//! The command line's own parts, kept apart from `main.rs` (which only runs them): reading the arguments,
//! deciding on colour, and the two outputs that are not the library's (GitHub Actions annotations and a
//! catalogue entry printed in full).

pub mod args;
pub mod entry;
pub mod github;
