//! The HR systems HR Link connects to, as plug-ins below the engines.
//!
//! - [`catalogue`]: what each provider is, as data (a leaf every module may use);
//! - [`Provider`] and [`registry`]: what each provider does, one module each, found by id;
//! - [`support`]: what the provider modules share (problems, probes), importing none of them;
//! - [`guide`]: the wizard's per-provider guide;
//! - [`texts`]: what HR Link says about each provider, in the provider's words.

pub mod catalogue;
pub mod employmenthero;
pub mod employmenthero_payroll;
pub mod guide;
pub mod hrworks;
pub mod ipayroll;
pub mod iris;
mod provider;
mod registry;
pub mod screens;
pub(crate) mod support;
pub mod texts;

pub use catalogue::{CredentialKind, ProviderId};
pub use provider::{AuthScheme, ProgramAccess, Provider};
pub use registry::{provider, registry};
