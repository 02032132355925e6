//! Integration tests over real loopback HTTP: one binary, one module per area.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "helpers of tests fail the test by panicking, like the tests themselves"
)]

mod common;
mod employmenthero;
mod employmenthero_payroll;
mod faults;
mod general;
mod hrworks;
mod ipayroll;
mod iris;
mod scale;
