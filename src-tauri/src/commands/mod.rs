//! The commands the UI may call. Each converts input, calls `hrlink-core`, converts output.

pub mod app;
pub mod credentials;
pub mod people;
pub mod sign_in;
pub mod verify;
