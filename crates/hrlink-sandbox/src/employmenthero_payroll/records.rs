//! The seeded world of Employment Hero Payroll (keys, users, businesses) and its records in the
//! API's camelCase JSON. Dates are `DateTime`s without an offset, `2016-04-11T00:00:00`.

use serde_json::{Map, Value, json};
use time::Date;

use super::scenarios as scenario;
use crate::people::{self, Employment, Gender, OrgSpec, Person, Region, Size, Staff, Status};

/// What a key's user may see in its businesses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reach {
    Everything,
    /// The employee list answers 403.
    NotEmployees,
    /// The employee list answers 401, the same answer as a wrong key.
    NotEmployeesAs401,
}

#[derive(Debug)]
pub(super) struct User {
    id: u32,
    email: &'static str,
    display_name: &'static str,
    time_zone: &'static str,
}

#[derive(Debug)]
pub(super) struct Key {
    pub api_key: &'static str,
    user: User,
    pub businesses: &'static [&'static Business],
    pub reach: Reach,
}

#[derive(Debug)]
pub(super) struct EmployingEntity {
    id: u32,
    name: &'static str,
}

#[derive(Debug)]
pub(super) struct Business {
    pub id: u32,
    name: &'static str,
    legal_name: &'static str,
    contact: (&'static str, &'static str, &'static str),
    created: &'static str,
    /// Employee ids are this plus the person's number.
    employee_ids_from: u32,
    entities: &'static [EmployingEntity],
    pub people: OrgSpec,
}

static HARBOURSIDE: Business = Business {
    id: scenario::BUSINESS_ID,
    name: scenario::BUSINESS,
    legal_name: scenario::BUSINESS_LEGAL_NAME,
    contact: (
        "Mere Tūhoe",
        "payroll@sandbox-harbourside.example",
        "+64 4 499 2100",
    ),
    created: "2019-05-02T03:14:09",
    employee_ids_from: 1_480_000,
    entities: &[
        EmployingEntity {
            id: 30_211,
            name: scenario::BUSINESS_LEGAL_NAME,
        },
        EmployingEntity {
            id: 30_212,
            name: "Sandbox Harbourside Wholesale Limited",
        },
    ],
    people: OrgSpec {
        key: "employmenthero-payroll/harbourside",
        region: Region::NewZealand,
        email_domain: "sandbox-harbourside.example",
        size: Size::Configured,
    },
};

static CATERING: Business = Business {
    id: scenario::OTHER_BUSINESS_ID,
    name: scenario::OTHER_BUSINESS,
    legal_name: "Sandbox Harbourside Catering Limited",
    contact: (
        "Mere Tūhoe",
        "payroll@sandbox-harbourside.example",
        "+64 4 499 2100",
    ),
    created: "2021-08-16T22:41:57",
    employee_ids_from: 1_620_000,
    entities: &[EmployingEntity {
        id: 31_877,
        name: "Sandbox Harbourside Catering Limited",
    }],
    people: OrgSpec {
        key: "employmenthero-payroll/catering",
        region: Region::NewZealand,
        email_domain: "sandbox-harbourside.example",
        size: Size::Fixed(scenario::OTHER_BUSINESS_PEOPLE),
    },
};

static TEA_ROOMS: Business = Business {
    id: scenario::UK_BUSINESS_ID,
    name: scenario::UK_BUSINESS,
    legal_name: "Sandbox Thames Tea Rooms Ltd",
    contact: (
        "Siobhan O'Neill",
        "payroll@sandbox-thames.example",
        "+44 20 7946 0321",
    ),
    created: "2020-02-10T09:05:33",
    employee_ids_from: 920_000,
    entities: &[EmployingEntity {
        id: 12_904,
        name: "Sandbox Thames Tea Rooms Ltd",
    }],
    people: OrgSpec {
        key: "employmenthero-payroll/tea-rooms",
        region: Region::UnitedKingdom,
        email_domain: "sandbox-thames.example",
        size: Size::Fixed(scenario::UK_BUSINESS_PEOPLE),
    },
};

/// Every seeded business, each with its own rate limit.
pub(super) static BUSINESSES: [&Business; 3] = [&HARBOURSIDE, &CATERING, &TEA_ROOMS];

const fn account(id: u32, email: &'static str, display_name: &'static str, nz: bool) -> User {
    let time_zone = if nz {
        "New Zealand Standard Time"
    } else {
        "GMT Standard Time"
    };
    User {
        id,
        email,
        display_name,
        time_zone,
    }
}

const fn key(api_key: &'static str, user: User, businesses: &'static [&'static Business]) -> Key {
    Key {
        api_key,
        user,
        businesses,
        reach: Reach::Everything,
    }
}

const MERE: User = account(
    55_101,
    "mere.tuhoe@sandbox-harbourside.example",
    "Mere Tūhoe",
    true,
);

/// Issued keys; `scenario::UNKNOWN`, `REVOKED`, `EXAMPLE` and `REDACTED` are deliberately absent.
pub(super) static KEYS: [Key; 7] = [
    key(scenario::VALID, MERE, &[&HARBOURSIDE]),
    key(scenario::TWO_BUSINESSES, MERE, &[&HARBOURSIDE, &CATERING]),
    key(
        scenario::UNITED_KINGDOM,
        account(
            61_442,
            "siobhan.oneill@sandbox-thames.example",
            "Siobhan O'Neill",
            false,
        ),
        &[&TEA_ROOMS],
    ),
    key(
        scenario::NO_BUSINESSES,
        account(58_230, "new.user@sandbox.example", "Rāwiri Walker", true),
        &[],
    ),
    Key {
        reach: Reach::NotEmployees,
        ..key(
            scenario::EMPLOYEES_FORBIDDEN,
            account(
                57_016,
                "roster@sandbox-harbourside.example",
                "Tama Roster",
                true,
            ),
            &[&HARBOURSIDE],
        )
    },
    Key {
        reach: Reach::NotEmployeesAs401,
        ..key(
            scenario::EMPLOYEES_UNAUTHORISED,
            account(
                57_017,
                "kiosk@sandbox-harbourside.example",
                "Kiosk Manager",
                true,
            ),
            &[&HARBOURSIDE],
        )
    },
    key(scenario::REISSUED, MERE, &[&HARBOURSIDE]),
];

/// `DateTime` as the API writes it: no offset, no fraction.
fn date_time(date: Date) -> String {
    format!("{}T00:00:00", people::iso_date(date))
}

pub(super) fn user(key: &Key) -> Value {
    let user = &key.user;
    json!({
        "id": user.id,
        "email": user.email,
        "displayName": user.display_name,
        "timeZone": user.time_zone,
    })
}

pub(super) fn business(business: &Business) -> Value {
    let (contact_name, contact_email, contact_phone) = business.contact;
    let head_office = business.people.region.locations().first();
    json!({
        "id": business.id,
        "name": business.name,
        "legalName": business.legal_name,
        "abn": null,
        "contactName": contact_name,
        "contactEmailAddress": contact_email,
        "contactPhoneNumber": contact_phone,
        "addressLine1": head_office.map(|location| location.street),
        "addressLine2": null,
        "suburb": head_office.map(|location| location.city),
        "postCode": head_office.map(|location| location.postcode),
        "state": head_office.map(|location| location.state),
        "externalId": null,
        "standardHoursPerDay": 8.0,
        "endOfWeek": "Sunday",
        "dateCreated": business.created,
    })
}

fn location_id(business: &Business, index: usize) -> u64 {
    u64::from(business.id) * 10 + index as u64 + 1
}

pub(super) fn locations(business: &Business) -> Vec<Value> {
    let country = match business.people.region {
        Region::UnitedKingdom => "United Kingdom",
        _ => "New Zealand",
    };
    (0..)
        .zip(business.people.region.locations())
        .map(|(index, location)| {
            json!({
                "id": location_id(business, index),
                "parentId": null,
                "name": location.name,
                "externalId": null,
                "source": "None",
                "fullyQualifiedName": location.name,
                "isGlobal": false,
                "isRollupReportingLocation": false,
                "generalLedgerMappingCode": null,
                "defaultShiftConditionIds": [],
                "state": location.state,
                "country": country,
            })
        })
        .collect()
}

pub(super) fn employing_entities(business: &Business) -> Vec<Value> {
    let (contact_name, contact_email, contact_phone) = business.contact;
    let head_office = business.people.region.locations().first();
    let entities = business.entities.iter();
    entities
        .map(|entity| {
            json!({
                "id": entity.id,
                "name": entity.name,
                "contactName": contact_name,
                "contactEmailAddress": contact_email,
                "contactPhoneNumber": contact_phone,
                "addressLine1": head_office.map(|location| location.street),
                "addressLine2": null,
                "suburb": head_office.map(|location| location.city),
                "postcode": head_office.map(|location| location.postcode),
                "externalReferenceId": null,
            })
        })
        .collect()
}

/// Fields of the real employee model that carry tax numbers and bank details. The Sandbox sends
/// each as `null`, so a client meets the keys but never a value to keep.
pub(super) fn sensitive_fields(region: Region) -> Vec<String> {
    let (tax_number, bank_fields): (&str, &[&str]) = match region {
        Region::UnitedKingdom => (
            "nationalInsuranceNumber",
            &["SortCode", "AccountNumber", "AccountName", "RollNumber"],
        ),
        _ => (
            "taxCodeDeclaration_IrdNumber",
            &["BankCode", "AccountNumber", "AccountName"],
        ),
    };
    let bank = (1..=3).flat_map(|n| {
        bank_fields
            .iter()
            .map(move |f| format!("bankAccount{n}_{f}"))
    });
    std::iter::once(tax_number.to_owned()).chain(bank).collect()
}

pub(super) fn employee(business: &Business, staff: &Staff, person: &Person) -> Value {
    let location = staff
        .locations()
        .get(person.location)
        .map(|location| location.name);
    let entity = business
        .entities
        .get(person.number as usize % business.entities.len().max(1));
    let (status, termination_reason) = match person.status {
        Status::Active => ("Active", None),
        // Deactivated people have no end date; Payroll's nearest state is a record not complete.
        Status::Inactive => ("Incomplete", None),
        Status::Terminated => {
            let reasons = [
                "Resignation",
                "End of fixed term",
                "Redundancy",
                "Dismissal",
            ];
            (
                "Terminated",
                reasons.get(person.number as usize % 4).copied(),
            )
        }
    };
    let record = json!({
        "id": business.employee_ids_from + person.number,
        "title": null,
        "firstName": person.first_name,
        "middleName": person.middle_name,
        "surname": person.last_name,
        "preferredName": person.preferred_name,
        "dateOfBirth": date_time(person.birth_date),
        "gender": match person.gender {
            Gender::Female => "F",
            Gender::Male => "M",
            Gender::Diverse => "X",
        },
        // Some businesses keep the HR system's number here, for matching.
        "externalId": person.number.is_multiple_of(4).then(|| format!("HR-{:05}", person.number)),
        "emailAddress": person.work_email.as_ref().or(person.personal_email.as_ref()),
        "homePhone": null,
        "workPhone": null,
        "mobilePhone": person.phone,
        "startDate": date_time(person.start_date),
        "endDate": person.end_date.map(date_time),
        "anniversaryDate": null,
        "terminationReason": termination_reason,
        "status": status,
        "employmentType": match person.employment {
            Employment::FullTime => "Full Time",
            Employment::PartTime => "Part Time",
            Employment::Casual => "Casual",
        },
        "jobTitle": person.job_title,
        "paySchedule": "Fortnightly",
        "primaryPayCategory": "Ordinary Hours",
        "primaryLocation": location,
        "locations": location,
        "employingEntityId": entity.map(|entity| entity.id.to_string()),
        "tags": null,
        "dateCreated": format!("{}T09:30:00", people::iso_date(person.start_date)),
    });
    let mut record = match record {
        Value::Object(fields) => fields,
        _ => Map::new(),
    };
    for field in sensitive_fields(business.people.region) {
        record.insert(field, Value::Null);
    }
    Value::Object(record)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_issued_scenario_key_is_registered_once() {
        let registered = |api_key: &str| KEYS.iter().any(|key| key.api_key == api_key);
        for absent in [
            scenario::UNKNOWN,
            scenario::REVOKED,
            scenario::EXAMPLE,
            scenario::REDACTED,
        ] {
            assert!(!registered(absent), "{absent}");
        }
        let api_keys: HashSet<_> = KEYS.iter().map(|key| key.api_key).collect();
        assert_eq!(api_keys.len(), KEYS.len());
    }

    #[test]
    fn every_business_a_key_reaches_is_seeded() {
        let seeded: HashSet<u32> = BUSINESSES.iter().map(|business| business.id).collect();
        assert_eq!(seeded.len(), BUSINESSES.len());
        for key in &KEYS {
            assert!(key.businesses.iter().all(|b| seeded.contains(&b.id)));
        }
    }
}
