//! Issue 15 item 4: what a hostile HR API can make a listing hold is bounded, per page and in
//! all, ending with the typed `people_list_too_long` instead of an allocation failure. Against
//! the Sandbox's `FloodedPages` fault over loopback.

use hrlink_core::Problem;
use hrlink_core::http::HttpConfig;
use hrlink_core::people::{ListingOptions, list_people};
use hrlink_sandbox::scenarios::hrworks as scenario;
use hrlink_sandbox::{Fault, Provider, Sandbox};

use crate::common::{self, fast_config};

async fn listing(sandbox: &Sandbox, options: &ListingOptions) -> Result<usize, Problem> {
    let credentials = common::hrworks(scenario::VALID);
    let endpoints = common::endpoints(sandbox);
    // The app's body cap (16 MiB), not the tests' usual 1 MiB: the flood must fit under it.
    let http = common::client(HttpConfig {
        max_body_bytes: HttpConfig::default().max_body_bytes,
        ..fast_config()
    });
    let outcome = list_people(&http, &endpoints, &credentials, None, options, &|_| {}).await;
    outcome.result.map(|listing| listing.people.len())
}

fn too_long() -> Result<usize, Problem> {
    Err(Problem::PeopleListTooLong {
        provider: "HRworks".into(),
    })
}

#[tokio::test]
async fn a_page_packed_with_650000_people_ends_the_listing_with_a_typed_problem() {
    let sandbox = common::sandbox().await;
    sandbox
        .faults()
        .set_for(Provider::HrWorks, Fault::FloodedPages(650_000));
    assert_eq!(
        listing(&sandbox, &ListingOptions::default()).await,
        too_long()
    );
    // The sign-in and the first page: nothing more was asked for.
    assert_eq!(sandbox.stats().requests(Provider::HrWorks), 2);
    // A page over the body cap (about 22 MB) is not read to its end.
    sandbox
        .faults()
        .set_for(Provider::HrWorks, Fault::FloodedPages(900_000));
    assert_eq!(
        listing(&sandbox, &ListingOptions::default()).await,
        Err(Problem::ProviderUnexpectedResponse {
            provider: "HRworks".into()
        })
    );
}

#[tokio::test]
async fn pages_up_to_twice_the_page_size_are_read_and_fuller_ones_refused() {
    let sandbox = common::sandbox().await;
    // HRworks documents 50 a page: 100 is still read (5 pages of the Sandbox company's 250).
    sandbox
        .faults()
        .set_for(Provider::HrWorks, Fault::FloodedPages(100));
    assert_eq!(listing(&sandbox, &ListingOptions::default()).await, Ok(500));
    sandbox
        .faults()
        .set_for(Provider::HrWorks, Fault::FloodedPages(101));
    assert_eq!(
        listing(&sandbox, &ListingOptions::default()).await,
        too_long()
    );
}

#[tokio::test]
async fn more_people_in_all_than_the_bound_end_the_listing() {
    let sandbox = common::sandbox().await;
    let options = ListingOptions {
        max_people: 120,
        concurrency: 1,
        ..ListingOptions::default()
    };
    assert_eq!(listing(&sandbox, &options).await, too_long());
    let options = ListingOptions {
        max_people: 250,
        ..ListingOptions::default()
    };
    assert_eq!(listing(&sandbox, &options).await, Ok(250));
}
