//! Employment Hero Payroll API keys and the businesses they reach. A key is what the user copies
//! from "My Account" and is sent as the HTTP Basic user name with an empty password. Every key
//! here has the shape of a real one (Base64 of a Base64 string, 32 characters).
//!
//! One Sandbox address serves every region: in production the region only picks the host
//! (`api.nzpayroll.co.nz`, `api.yourpayroll.co.uk`, ...), so the keys of the NZ and the UK
//! businesses below are told apart by what they reach, not by where they are sent.

/// The main New Zealand business; its size is
/// [`SandboxConfig::people`](crate::SandboxConfig::people).
pub const BUSINESS_ID: u32 = 104_211;
/// Display name of [`BUSINESS_ID`].
pub const BUSINESS: &str = "Sandbox Harbourside Bakery";
/// Legal name of [`BUSINESS_ID`].
pub const BUSINESS_LEGAL_NAME: &str = "Sandbox Harbourside Bakery Limited";

/// A second New Zealand business of the same owner, reached by [`TWO_BUSINESSES`].
pub const OTHER_BUSINESS_ID: u32 = 104_388;
/// Display name of [`OTHER_BUSINESS_ID`].
pub const OTHER_BUSINESS: &str = "Sandbox Harbourside Catering";
/// People in [`OTHER_BUSINESS`].
pub const OTHER_BUSINESS_PEOPLE: usize = 12;

/// A United Kingdom business (production host `api.yourpayroll.co.uk`).
pub const UK_BUSINESS_ID: u32 = 88_517;
/// Display name of [`UK_BUSINESS_ID`].
pub const UK_BUSINESS: &str = "Sandbox Thames Tea Rooms";
/// People in [`UK_BUSINESS`].
pub const UK_BUSINESS_PEOPLE: usize = 40;

/// Reaches [`BUSINESS`] only. The app's end-to-end tests type this one.
pub const VALID: &str = "VTJKNFJXaHdWbUZzYVdRd01EQXdNUT09";
/// Reaches [`BUSINESS`] and [`OTHER_BUSINESS`]: HR Link must ask which one.
pub const TWO_BUSINESSES: &str = "VTJKNFJXaHdWSGR2UW1sNk1EQXdNZz09";
/// Reaches [`UK_BUSINESS`] only.
pub const UNITED_KINGDOM: &str = "VTJKNFJXaHdWVzVwZEdWa1MyY3dNdz09";
/// A valid key of a user with no business: `/api/v2/business` answers `[]`.
pub const NO_BUSINESSES: &str = "VTJKNFJXaHdUbTlDYVhvd01EQXdOQT09";
/// Reaches [`BUSINESS`], but the user's access does not cover employees: the employee list
/// answers 403 (locations and employing entities still answer).
pub const EMPLOYEES_FORBIDDEN: &str = "VTJKNFJXaHdUbTlUZEdGbVpqQXdOUT09";
/// Like [`EMPLOYEES_FORBIDDEN`], but the refusal is a 401 with the same body as a wrong key, as
/// ASP.NET's authorisation filter answers by default: only `/api/v2/user` succeeding tells the
/// two apart.
pub const EMPLOYEES_UNAUTHORISED: &str = "VTJKNFJXaHdVM1JoWm1ZME1ERjROZz09";
/// A key replaced with "Change API Key" (which invalidates the old one): every request 401.
pub const REVOKED: &str = "VTJKNFJXaHdVbVYyYjJ0bFpEQXdOdz09";
/// Well-formed but never issued: every request 401.
pub const UNKNOWN: &str = "VTJKNFJXaHdWVzVyYm05M2JqQXdPQT09";
/// Reaches [`BUSINESS`]: the new key after [`VALID`] was changed (re-authorising a saved
/// connection).
pub const REISSUED: &str = "VTJKNFJXaHdVbVZwYzNOMVpXUXdPUT09";
/// The key printed in Employment Hero's own API key guide: a copy of the example, not a key.
/// Unregistered (401); HR Link should not send it at all.
pub const EXAMPLE: &str = "RURQT1UyMm5vSnViZnNxZGlhMmJuUT09";
/// A key as help pages and screenshots show it, shortened. Unregistered (401).
pub const REDACTED: &str = "RURQT1Uy…bUT09";
