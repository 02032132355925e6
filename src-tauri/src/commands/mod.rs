//! The commands the UI may call. Each converts input, calls `hrlink-core`, converts output.

pub mod app;
pub mod connections;
pub mod credentials;
pub mod guide;
pub mod links;
pub mod people;
pub mod sign_in;
pub mod verify;
pub mod wizard;
