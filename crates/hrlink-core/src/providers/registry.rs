//! Which module is which provider: the one place that names every provider module.

use super::catalogue::ProviderId;
use super::provider::Provider;
use super::{employmenthero, employmenthero_payroll, hrworks, ipayroll, iris};

/// Every provider module, in [`ProviderId::ALL`]'s order.
static REGISTRY: [&(dyn Provider + 'static); 5] = [
    &ipayroll::Ipayroll,
    &iris::Iris,
    &hrworks::Hrworks,
    &employmenthero::EmploymentHero,
    &employmenthero_payroll::EmploymentHeroPayroll,
];

/// Every provider module, in the order the wizard lists them.
pub fn registry() -> &'static [&'static dyn Provider] {
    &REGISTRY
}

/// The module for `id`.
pub fn provider(id: ProviderId) -> &'static dyn Provider {
    // `REGISTRY` follows `ProviderId::ALL` (checked by a test).
    REGISTRY[id as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_follows_the_catalogue() {
        for (module, id) in registry().iter().zip(ProviderId::ALL) {
            assert_eq!(module.id(), id);
            assert_eq!(provider(id).id(), id);
        }
        assert_eq!(registry().len(), ProviderId::ALL.len());
    }
}
