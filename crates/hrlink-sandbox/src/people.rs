//! The one people generator behind every provider: deterministic for a seed, generated lazily
//! once per organisation, mapped to each provider's field names by the provider modules.
//!
//! The people are made to be awkward the way real HR data is: names with non-ASCII letters,
//! apostrophes, hyphens and particles; namesakes (same name, different person); near-duplicates
//! (the same person entered twice with a different spelling); rehires (a terminated record and
//! an active one for the same person, sharing a work email); people without work email;
//! terminated and inactive people; several units, locations and job titles.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::macros::date;
use time::{Date, Duration};
use tokio::sync::OnceCell;
use tokio::task::JoinError;

use crate::lock;

/// The Sandbox world's "today": histories end here, so a seed gives the same people every day.
const TODAY: Date = date!(2025 - 10 - 31);

/// Which country's names, units and addresses an organisation has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Region {
    Germany,
    Australia,
    NewZealand,
    UnitedKingdom,
}

impl Region {
    pub(crate) fn units(self) -> &'static [Unit] {
        match self {
            Region::Germany => &UNITS_DE,
            _ => &UNITS_EN,
        }
    }

    pub(crate) fn locations(self) -> &'static [Location] {
        match self {
            Region::Germany => &LOCATIONS_DE,
            Region::Australia => &LOCATIONS_AU,
            Region::NewZealand => &LOCATIONS_NZ,
            Region::UnitedKingdom => &LOCATIONS_UK,
        }
    }

    fn names(self) -> &'static NamePool {
        match self {
            Region::Germany => &NAMES_DE,
            Region::Australia => &NAMES_AU,
            Region::NewZealand => &NAMES_NZ,
            Region::UnitedKingdom => &NAMES_UK,
        }
    }

    fn phone_prefix(self) -> &'static str {
        match self {
            Region::Germany => "+49 89 ",
            Region::Australia => "+61 2 ",
            Region::NewZealand => "+64 4 ",
            Region::UnitedKingdom => "+44 20 ",
        }
    }
}

/// How many people an organisation has.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Size {
    /// [`SandboxConfig::people`](crate::SandboxConfig::people).
    Configured,
    Fixed(usize),
}

/// An organisation whose people the generator can produce.
#[derive(Debug)]
pub(crate) struct OrgSpec {
    /// Stable identity: seeds the organisation's people and keys the cache.
    pub key: &'static str,
    pub region: Region,
    pub email_domain: &'static str,
    pub size: Size,
}

/// An organisational unit (department / team).
#[derive(Debug)]
pub(crate) struct Unit {
    pub number: &'static str,
    pub name: &'static str,
    pub parent: Option<usize>,
    /// Job titles; the first is the head of the unit's.
    titles: &'static [&'static str],
    /// Relative share of the organisation's people.
    weight: u32,
}

/// A workplace (permanent establishment / work location).
#[derive(Debug)]
pub(crate) struct Location {
    pub name: &'static str,
    pub street: &'static str,
    pub postcode: &'static str,
    pub city: &'static str,
    pub state: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Active,
    /// Still employed but deactivated (long-term leave, suspended account): no end date.
    Inactive,
    /// Left: `end_date` is set and in the past.
    Terminated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
    Diverse,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Employment {
    FullTime,
    PartTime,
    Casual,
}

/// One generated person, in neutral terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Person {
    /// 1-based position in the organisation; provider ids and personnel numbers derive from it.
    pub number: u32,
    pub uuid: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub last_name: String,
    pub preferred_name: Option<&'static str>,
    pub gender: Gender,
    pub birth_date: Date,
    pub work_email: Option<String>,
    pub personal_email: Option<String>,
    pub phone: String,
    pub unit: usize,
    pub location: usize,
    pub job_title: &'static str,
    pub employment: Employment,
    pub start_date: Date,
    pub end_date: Option<Date>,
    pub status: Status,
    /// `number` of the person's manager.
    pub manager: Option<u32>,
}

impl Person {
    pub(crate) fn is_active(&self) -> bool {
        self.status == Status::Active
    }
}

/// Everyone in one organisation.
#[derive(Debug)]
pub(crate) struct Staff {
    pub region: Region,
    pub people: Vec<Person>,
    /// Indices into `people` of the active ones, for "active only" listings.
    active: Vec<usize>,
}

impl Staff {
    pub(crate) fn units(&self) -> &'static [Unit] {
        self.region.units()
    }

    pub(crate) fn locations(&self) -> &'static [Location] {
        self.region.locations()
    }

    pub(crate) fn count(&self, only_active: bool) -> usize {
        if only_active {
            self.active.len()
        } else {
            self.people.len()
        }
    }

    /// Up to `len` people from position `start` of the (possibly active-only) listing.
    pub(crate) fn page(&self, only_active: bool, start: usize, len: usize) -> Vec<&Person> {
        if only_active {
            let indices = self.active.iter().skip(start).take(len);
            indices
                .filter_map(|&index| self.people.get(index))
                .collect()
        } else {
            self.people.iter().skip(start).take(len).collect()
        }
    }

    /// People stay in `number` order (turnover removes some and appends new ones).
    pub(crate) fn by_number(&self, number: u32) -> Option<&Person> {
        let index = self
            .people
            .binary_search_by_key(&number, |person| person.number)
            .ok()?;
        self.people.get(index)
    }

    /// The staff after `turnover`, applied to active people from the start of the list: the
    /// first `terminated` leave today, the next `moved` change location, the next `removed` are
    /// deleted (no longer listed), and `hired` new people join with new numbers.
    fn after(&self, seed: u64, org: &OrgSpec, turnover: Turnover) -> Staff {
        let mut people = self.people.clone();
        let mut active = people
            .iter_mut()
            .filter(|person| person.is_active())
            .collect::<Vec<_>>()
            .into_iter();
        for person in active.by_ref().take(turnover.terminated) {
            person.status = Status::Terminated;
            person.end_date = Some(TODAY);
        }
        let locations = org.region.locations().len().max(1);
        for person in active.by_ref().take(turnover.moved) {
            person.location = (person.location + 1) % locations;
        }
        let removed: Vec<u32> = active
            .take(turnover.removed)
            .map(|person| person.number)
            .collect();
        people.retain(|person| !removed.contains(&person.number));
        let next = people.last().map_or(0, |person| person.number) + 1;
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ stable_hash(org.key) ^ u64::from(next));
        for number in (next..).take(turnover.hired) {
            let mut person = fresh(&mut rng, org, number);
            (person.status, person.end_date, person.start_date) = (Status::Active, None, TODAY);
            person.job_title = org.region.units().first().map_or("", |unit| {
                unit.titles
                    .get(1)
                    .or(unit.titles.first())
                    .copied()
                    .unwrap_or_default()
            });
            people.push(person);
        }
        Staff::new(self.region, people)
    }

    fn new(region: Region, people: Vec<Person>) -> Staff {
        let active = (people.iter().enumerate())
            .filter(|(_, person)| person.is_active())
            .map(|(index, _)| index)
            .collect();
        Staff {
            region,
            people,
            active,
        }
    }
}

/// What changed in an organisation since its people were generated (the Sandbox's stand-in for
/// HR work done while a connection was broken): see [`Staff::after`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub(crate) struct Turnover {
    /// New people.
    pub hired: usize,
    /// Active people deleted from the HR system.
    pub removed: usize,
    /// Active people who leave (terminated today).
    pub terminated: usize,
    /// Active people who move to another location.
    pub moved: usize,
}

type Cell = Arc<OnceCell<Arc<Staff>>>;

/// Generates each organisation's people on first use and keeps them.
#[derive(Debug)]
pub(crate) struct Directory {
    seed: u64,
    configured: usize,
    cache: Mutex<HashMap<&'static str, Cell>>,
}

impl Directory {
    pub(crate) fn new(seed: u64, configured: usize) -> Self {
        Self {
            seed,
            configured,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The organisation's people, generated off the async workers the first time.
    pub(crate) async fn staff(&self, org: &'static OrgSpec) -> Result<Arc<Staff>, JoinError> {
        let cell = lock(&self.cache).entry(org.key).or_default().clone();
        let size = match org.size {
            Size::Configured => self.configured,
            Size::Fixed(size) => size,
        };
        let seed = self.seed;
        let staff = cell
            .get_or_try_init(|| async move {
                tokio::task::spawn_blocking(move || Arc::new(generate(seed, org, size))).await
            })
            .await?;
        Ok(Arc::clone(staff))
    }

    /// Applies `turnover` to the organisation's people: later listings see the changed staff.
    pub(crate) async fn change(
        &self,
        org: &'static OrgSpec,
        turnover: Turnover,
    ) -> Result<(), JoinError> {
        let staff = self.staff(org).await?;
        let changed = Arc::new(staff.after(self.seed, org, turnover));
        let cell = Arc::new(OnceCell::new_with(Some(changed)));
        lock(&self.cache).insert(org.key, cell);
        Ok(())
    }
}

/// `YYYY-MM-DD`, the date format of every provider but iPayroll.
pub(crate) fn iso_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// FNV-1a: a stable hash (std's `DefaultHasher` may change between Rust releases).
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Generates `size` people for `org`; the same `seed` always gives the same people.
pub(crate) fn generate(seed: u64, org: &OrgSpec, size: usize) -> Staff {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ stable_hash(org.key));
    let units = org.region.units();
    let mut heads: Vec<Option<u32>> = vec![None; units.len()];
    let mut emails = HashMap::with_capacity(size);
    let mut people: Vec<Person> = Vec::with_capacity(size);
    for index in 0..size {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        // Twins need someone to resemble, so the first few people are all fresh.
        let roll = if people.len() > 10 {
            rng.random_range(0..1000)
        } else {
            u32::MAX
        };
        let (mut person, shares_email) = match roll {
            0..35 => {
                let earlier = rng.random_range(0..people.len());
                twin(&mut rng, org, &mut people, earlier, number, roll)
            }
            _ => (fresh(&mut rng, org, number), false),
        };
        if !shares_email {
            person.work_email = person
                .work_email
                .take()
                .map(|email| unique_email(&mut emails, email));
        }
        let unit = weighted(&mut rng, units);
        let head = heads.get(unit).copied().flatten();
        let titles = units.get(unit).map_or(&[][..], |unit| unit.titles);
        person.unit = unit;
        match head {
            None => {
                // The unit's first person heads it and reports to the parent unit's head.
                person.job_title = titles.first().copied().unwrap_or_default();
                let parent = units.get(unit).and_then(|unit| unit.parent);
                person.manager = parent.and_then(|parent| heads.get(parent).copied().flatten());
                if let Some(slot) = heads.get_mut(unit) {
                    *slot = Some(number);
                }
            }
            Some(head) => {
                let staff_titles = titles.get(1..).unwrap_or_default();
                person.job_title = staff_titles.choose(&mut rng).copied().unwrap_or_default();
                person.manager = Some(head);
            }
        }
        people.push(person);
    }
    Staff::new(org.region, people)
}

/// A new, unrelated person (unit, title and manager are filled in by the caller).
fn fresh(rng: &mut ChaCha8Rng, org: &OrgSpec, number: u32) -> Person {
    // A quarter of the staff have names from elsewhere: every workplace is international.
    let names = if rng.random_bool(0.25) {
        ALL_NAMES.choose(rng).copied().unwrap_or(org.region.names())
    } else {
        org.region.names()
    };
    let gender = match rng.random_range(0..100) {
        0..49 => Gender::Female,
        49..98 => Gender::Male,
        _ => Gender::Diverse,
    };
    let first_names = match gender {
        Gender::Female => names.female,
        Gender::Male => names.male,
        Gender::Diverse if rng.random_bool(0.5) => names.female,
        Gender::Diverse => names.male,
    };
    let first_name = pick(rng, first_names);
    let middle_name = rng
        .random_bool(0.2)
        .then(|| pick(rng, first_names))
        .filter(|middle| *middle != first_name);
    let last_name = pick(rng, names.last);
    let preferred_name = NICKNAMES
        .iter()
        .find(|(name, _)| *name == first_name)
        .map(|(_, nickname)| *nickname)
        .filter(|_| rng.random_bool(0.5));
    let birth_date = random_date(rng, date!(1958 - 01 - 01), date!(2005 - 12 - 31));
    let adult = birth_date.saturating_add(Duration::days(18 * 365 + 5));
    let start_date = random_date(
        rng,
        adult.max(date!(1995 - 01 - 01)),
        TODAY - Duration::days(7),
    );
    let (status, end_date) = match rng.random_range(0..100) {
        0..8 => {
            let end = random_date(rng, (start_date + Duration::days(30)).min(TODAY), TODAY);
            (Status::Terminated, Some(end))
        }
        8..11 => (Status::Inactive, None),
        _ => (Status::Active, None),
    };
    let work_email = rng.random_bool(0.92).then(|| {
        format!(
            "{}.{}@{}",
            fold(first_name),
            fold(last_name),
            org.email_domain
        )
    });
    let personal_email = rng.random_bool(0.4).then(|| {
        let domain = pick(rng, &["example.com", "example.net", "example.org"]);
        let suffix = rng.random_range(1..100);
        format!("{}{}{suffix}@{domain}", fold(first_name), fold(last_name))
    });
    let phone = format!(
        "{}{:03} {:04}",
        org.region.phone_prefix(),
        rng.random_range(100..1000),
        rng.random_range(0..10_000)
    );
    let location = rng.random_range(0..org.region.locations().len());
    let employment = match rng.random_range(0..10) {
        0..7 => Employment::FullTime,
        7..9 => Employment::PartTime,
        _ => Employment::Casual,
    };
    Person {
        number,
        uuid: uuid(rng),
        first_name: first_name.to_owned(),
        middle_name: middle_name.map(str::to_owned),
        last_name: last_name.to_owned(),
        preferred_name,
        gender,
        birth_date,
        work_email,
        personal_email,
        phone,
        unit: 0,
        location,
        job_title: "",
        employment,
        start_date,
        end_date,
        status,
        manager: None,
    }
}

/// Someone resembling `people[earlier]`: a rehire (`roll` < 10), a namesake (< 25) or a
/// near-duplicate spelling of the same person. Returns whether the work email is shared on
/// purpose (a rehire gets the leaver's address back).
fn twin(
    rng: &mut ChaCha8Rng,
    org: &OrgSpec,
    people: &mut [Person],
    earlier: usize,
    number: u32,
    roll: u32,
) -> (Person, bool) {
    let mut person = fresh(rng, org, number);
    let Some(original) = people.get_mut(earlier) else {
        return (person, false);
    };
    let left = random_date(
        rng,
        original.start_date + Duration::days(180),
        TODAY - Duration::days(90),
    );
    // Only someone still employed can leave and come back (which also keeps at most one
    // active record per shared email).
    let rehire = roll < 10
        && original.status != Status::Terminated
        && left > original.start_date
        && left + Duration::days(30) < TODAY;
    match roll {
        _ if rehire => {
            original.status = Status::Terminated;
            original.end_date = Some(left);
            person.first_name.clone_from(&original.first_name);
            person.middle_name.clone_from(&original.middle_name);
            person.last_name.clone_from(&original.last_name);
            person.gender = original.gender;
            person.birth_date = original.birth_date;
            let restart = left + Duration::days(30);
            person.start_date = random_date(rng, restart, TODAY - Duration::days(1));
            person.end_date = None;
            person.status = Status::Active;
            person.work_email.clone_from(&original.work_email);
            (person, original.work_email.is_some())
        }
        0..25 => {
            person.first_name.clone_from(&original.first_name);
            person.last_name.clone_from(&original.last_name);
            (person, false)
        }
        _ => {
            let (first, last) = misspell(rng, &original.first_name, &original.last_name);
            person.first_name = first;
            person.last_name = last;
            person.middle_name = None;
            person.gender = original.gender;
            person.birth_date = original.birth_date;
            person.start_date = original.start_date;
            person.end_date = person.end_date.map(|end| end.max(original.start_date));
            // Duplicates typically come from an import that had no email column.
            if rng.random_bool(0.5) {
                person.work_email = None;
            }
            (person, false)
        }
    }
}

/// The same name as a careless second entry would spell it.
fn misspell(rng: &mut ChaCha8Rng, first: &str, last: &str) -> (String, String) {
    let transliterated = (transliterate(first), transliterate(last));
    if (transliterated.0 != first || transliterated.1 != last) && rng.random_bool(0.6) {
        return transliterated;
    }
    match rng.random_range(0..3) {
        0 => (first.to_owned(), format!("{last} ")),
        1 => (first.to_owned(), last.to_uppercase()),
        _ => (first.to_owned(), swap_letters(last)),
    }
}

/// Writes a name without diacritics the way people do on an ASCII keyboard (ü → ue, ā → a).
fn transliterate(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        match fold_char(c.to_lowercase().next().unwrap_or(c)) {
            Some(folded) if c.is_uppercase() => {
                let mut letters = folded.chars();
                out.extend(letters.next().map(|first| first.to_ascii_uppercase()));
                out.push_str(letters.as_str());
            }
            Some(folded) => out.push_str(folded),
            None => out.push(c),
        }
    }
    out
}

/// A typo: two neighbouring letters in the middle swapped.
fn swap_letters(name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    if chars.len() >= 4 {
        let middle = chars.len() / 2;
        chars.swap(middle - 1, middle);
    }
    chars.into_iter().collect()
}

/// Lower-case ASCII for an email's local part: diacritics folded, spaces and apostrophes gone.
fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.to_lowercase().chars() {
        match fold_char(c) {
            Some(folded) => out.push_str(folded),
            None if c.is_ascii_alphanumeric() || c == '-' => out.push(c),
            None => {}
        }
    }
    out
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'ā' | 'á' | 'à' | 'â' | 'ă' | 'ą' => "a",
        'ē' | 'é' | 'è' | 'ê' | 'ë' | 'ễ' => "e",
        'ī' | 'í' | 'ì' | 'î' | 'ï' | 'ı' => "i",
        'ō' | 'ó' | 'ò' | 'ô' | 'ơ' => "o",
        'ū' | 'ú' | 'ù' | 'û' | 'ư' => "u",
        'ç' => "c",
        'ş' => "s",
        'ğ' => "g",
        'ł' => "l",
        'ñ' => "n",
        _ => return None,
    })
}

/// Keeps work emails unique the way mail admins do: `anna.weber@`, `anna.weber2@`, …
/// (generated local parts never end in a digit, so the suffixed ones cannot collide).
fn unique_email(taken: &mut HashMap<String, u32>, email: String) -> String {
    let count = taken.entry(email.clone()).or_insert(0);
    *count += 1;
    match (*count, email.split_once('@')) {
        (1, _) | (_, None) => email,
        (n, Some((local, domain))) => format!("{local}{n}@{domain}"),
    }
}

fn pick(rng: &mut ChaCha8Rng, items: &[&'static str]) -> &'static str {
    items.choose(rng).copied().unwrap_or_default()
}

fn weighted(rng: &mut ChaCha8Rng, units: &[Unit]) -> usize {
    let total: u32 = units.iter().map(|unit| unit.weight).sum();
    let mut roll = rng.random_range(0..total.max(1));
    for (index, unit) in units.iter().enumerate() {
        if roll < unit.weight {
            return index;
        }
        roll -= unit.weight;
    }
    0
}

fn random_date(rng: &mut ChaCha8Rng, from: Date, to: Date) -> Date {
    let (from, to) = (from.to_julian_day(), to.to_julian_day());
    let day = if from < to {
        rng.random_range(from..=to)
    } else {
        from
    };
    Date::from_julian_day(day).unwrap_or(TODAY)
}

/// A version-4-shaped UUID from the seeded stream.
fn uuid(rng: &mut ChaCha8Rng) -> String {
    let mut bytes: [u8; 16] = rng.random();
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let mut uuid = String::with_capacity(36);
    for (index, byte) in bytes.iter().enumerate() {
        if matches!(index, 4 | 6 | 8 | 10) {
            uuid.push('-');
        }
        let _ = write!(uuid, "{byte:02x}");
    }
    uuid
}

struct NamePool {
    female: &'static [&'static str],
    male: &'static [&'static str],
    last: &'static [&'static str],
}

// Data tables: kept compact, one row per line.
#[rustfmt::skip]
static NAMES_DE: NamePool = NamePool {
    female: &["Anna", "Lena", "Sophie", "Marie", "Hannah", "Katharina", "Julia", "Sabine", "Petra",
        "Ursula", "Bärbel", "Gülşen", "Özlem", "Renée", "Zoë", "Élise", "Małgorzata"],
    male: &["Jürgen", "Jörg", "Björn", "Sören", "Günther", "Lukas", "Leon", "Jonas", "Felix",
        "Maximilian", "Tobias", "Stefan", "Thomas", "Sebastian", "Mehmet", "Ömer", "José"],
    last: &["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Schröder", "Neumann",
        "Zimmermann", "Krüger", "Weiß", "Groß", "Köhler", "Jäger", "Böhm", "Yılmaz", "Öztürk",
        "Kowalski", "von Bülow", "Meyer-Lüdenscheid"],
};

#[rustfmt::skip]
static NAMES_AU: NamePool = NamePool {
    female: &["Olivia", "Charlotte", "Mia", "Amelia", "Isla", "Grace", "Chloé", "Zoë", "Renée",
        "Priya", "Linh", "Siobhán", "Aoife", "Margaret", "Elizabeth"],
    male: &["Jack", "Oliver", "William", "Noah", "Thomas", "James", "Lachlan", "Cooper", "Liam",
        "Minh", "Arjun", "Seán", "Christopher", "Alexander"],
    last: &["Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "Nguyễn", "Tran",
        "Patel", "Singh", "Kelly", "O'Brien", "O'Connor", "Murphy", "Papadopoulos", "Rossi",
        "Smith-Jones", "De Silva", "van der Berg", "MacDonald", "Lê"],
};

#[rustfmt::skip]
static NAMES_NZ: NamePool = NamePool {
    female: &["Ānahera", "Mere", "Aroha", "Kiri", "Māia", "Ngaio", "Isla", "Charlotte", "Olivia",
        "Mele", "Losaline", "Hine"],
    male: &["Hēmi", "Tāne", "Wiremu", "Rāwiri", "Nīkau", "Oliver", "Jack", "Noah", "Leo", "Sione",
        "Tama", "Matiu"],
    last: &["Ngata", "Parata", "Te Whiti", "Pōmare", "Tūhiwai", "Te Rangi", "Te Kanawa", "Kōhere",
        "Walker", "Wilson", "Smith", "Brown", "Thompson", "Fifita", "Tuilagi", "Fa'atau"],
};

#[rustfmt::skip]
static NAMES_UK: NamePool = NamePool {
    female: &["Amelia", "Isla", "Ava", "Siân", "Rhiannon", "Eilidh", "Niamh", "Chloë", "Aisha",
        "Priya", "Zoë", "Margaret", "Renée"],
    male: &["Oliver", "George", "Harry", "Dafydd", "Rhys", "Mohammed", "José", "André", "Ciarán",
        "Callum", "William", "Thomas"],
    last: &["Smith", "Jones", "Taylor", "Brown", "Williams", "Davies", "Evans", "Wright",
        "Thompson", "O'Neill", "Brontë", "ap Rhys", "Khan", "Patel", "Ahmed", "Fitzgerald-Hughes",
        "MacLeod", "Ó Briain", "Kowalczyk"],
};

static ALL_NAMES: [&NamePool; 4] = [&NAMES_DE, &NAMES_AU, &NAMES_NZ, &NAMES_UK];

#[rustfmt::skip]
static NICKNAMES: [(&str, &str); 14] = [
    ("William", "Bill"), ("Wiremu", "Bill"), ("Rāwiri", "Dave"), ("Hēmi", "Jim"),
    ("Thomas", "Tom"), ("Alexander", "Alex"), ("Christopher", "Chris"), ("Elizabeth", "Liz"),
    ("Margaret", "Maggie"), ("Charlotte", "Lottie"), ("Katharina", "Kathi"),
    ("Maximilian", "Max"), ("Sebastian", "Basti"), ("Siobhán", "Shiv"),
];

#[rustfmt::skip]
static UNITS_EN: [Unit; 8] = [
    unit("1000", "Executive", None, 1, &["Chief Executive Officer", "Executive Assistant", "Chief Operating Officer"]),
    unit("1100", "Finance", Some(0), 3, &["Finance Manager", "Accountant", "Accounts Payable Officer", "Payroll Officer"]),
    unit("1200", "People & Culture", Some(0), 2, &["People & Culture Manager", "HR Advisor", "Recruiter"]),
    unit("2000", "Sales", Some(0), 6, &["Sales Director", "Account Manager", "Sales Representative", "Business Development Manager"]),
    unit("2100", "Customer Service", Some(3), 5, &["Customer Service Lead", "Customer Service Officer"]),
    unit("3000", "Operations", Some(0), 14, &["Operations Manager", "Team Leader", "Production Worker", "Baker", "Barista"]),
    unit("3100", "Warehouse & Logistics", Some(5), 10, &["Warehouse Manager", "Forklift Driver", "Storeperson", "Delivery Driver"]),
    unit("4000", "Technology", Some(0), 4, &["Head of Technology", "Software Engineer", "IT Support Officer", "Data Analyst"]),
];

#[rustfmt::skip]
static UNITS_DE: [Unit; 8] = [
    unit("1000", "Geschäftsführung", None, 1, &["Geschäftsführerin", "Assistenz der Geschäftsführung", "Prokurist"]),
    unit("1100", "Finanzen & Controlling", Some(0), 3, &["Leiterin Finanzen", "Buchhalter", "Controllerin", "Lohnbuchhalterin"]),
    unit("1200", "Personal", Some(0), 2, &["Personalleiter", "Personalreferentin", "Recruiterin"]),
    unit("2000", "Vertrieb", Some(0), 6, &["Vertriebsleiter", "Key Account Managerin", "Außendienstmitarbeiter"]),
    unit("2100", "Kundenservice", Some(3), 5, &["Teamleitung Kundenservice", "Kundenberaterin"]),
    unit("3000", "Produktion", Some(0), 14, &["Produktionsleiter", "Bäckermeisterin", "Bäcker", "Konditorin", "Produktionshelfer"]),
    unit("3100", "Lager & Logistik", Some(5), 10, &["Lagerleiter", "Lagerist", "Fahrer", "Kommissioniererin"]),
    unit("4000", "IT", Some(0), 4, &["IT-Leiterin", "Softwareentwickler", "IT-Administrator", "Datenanalystin"]),
];

const fn unit(
    number: &'static str,
    name: &'static str,
    parent: Option<usize>,
    weight: u32,
    titles: &'static [&'static str],
) -> Unit {
    Unit {
        number,
        name,
        parent,
        titles,
        weight,
    }
}

const fn location(
    name: &'static str,
    street: &'static str,
    postcode: &'static str,
    city: &'static str,
    state: &'static str,
) -> Location {
    Location {
        name,
        street,
        postcode,
        city,
        state,
    }
}

#[rustfmt::skip]
static LOCATIONS_DE: [Location; 5] = [
    location("Zentrale München", "Leopoldstraße 12", "80802", "München", "Bayern"),
    location("Filiale Köln-Ehrenfeld", "Venloer Straße 301", "50823", "Köln", "Nordrhein-Westfalen"),
    location("Filiale Düsseldorf", "Königsallee 5", "40212", "Düsseldorf", "Nordrhein-Westfalen"),
    location("Lager Garching", "Schleißheimer Straße 200", "85748", "Garching", "Bayern"),
    location("Filiale Görlitz", "Berliner Straße 3", "02826", "Görlitz", "Sachsen"),
];

#[rustfmt::skip]
static LOCATIONS_AU: [Location; 5] = [
    location("Sydney Head Office", "Level 4, 100 George Street", "2000", "Sydney", "NSW"),
    location("Parramatta", "12 Church Street", "2150", "Parramatta", "NSW"),
    location("Melbourne", "200 Collins Street", "3000", "Melbourne", "VIC"),
    location("Brisbane", "45 Eagle Street", "4000", "Brisbane", "QLD"),
    location("Perth (remote)", "9 Hay Street", "6000", "Perth", "WA"),
];

#[rustfmt::skip]
static LOCATIONS_NZ: [Location; 5] = [
    location("Wellington Head Office", "150 Lambton Quay", "6011", "Wellington", "Wellington"),
    location("Auckland", "20 Queen Street", "1010", "Auckland", "Auckland"),
    location("Ōtautahi Christchurch", "5 Cathedral Square", "8011", "Christchurch", "Canterbury"),
    location("Dunedin", "77 George Street", "9016", "Dunedin", "Otago"),
    location("Tauranga", "33 The Strand", "3110", "Tauranga", "Bay of Plenty"),
];

#[rustfmt::skip]
static LOCATIONS_UK: [Location; 5] = [
    location("London Head Office", "1 Aldersgate Street", "EC1A 1BB", "London", "Greater London"),
    location("Manchester", "50 Piccadilly", "M1 1AE", "Manchester", "Greater Manchester"),
    location("Cardiff", "3 Heol y Frenhines", "CF10 1EP", "Cardiff", "Wales"),
    location("Glasgow", "12 George Square", "G1 1XQ", "Glasgow", "Scotland"),
    location("Belfast", "8 Donegall Place", "BT1 5GS", "Belfast", "Northern Ireland"),
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    static ORG: OrgSpec = OrgSpec {
        key: "test/org",
        region: Region::NewZealand,
        email_domain: "test.example",
        size: Size::Configured,
    };

    #[test]
    fn turnover_hires_removes_terminates_and_moves_without_reusing_numbers() {
        let staff = generate(7, &ORG, 100);
        let turnover = Turnover {
            hired: 2,
            removed: 1,
            terminated: 1,
            moved: 3,
        };
        let after = staff.after(7, &ORG, turnover);
        assert_eq!(after.count(false), 101);
        assert_eq!(after.count(true), staff.count(true) - 2 + 2);
        let numbers: Vec<u32> = after.people.iter().map(|p| p.number).collect();
        assert!(numbers.windows(2).all(|w| w[0] < w[1]), "still in order");
        assert_eq!(numbers.last(), Some(&102), "new numbers, none reused");
        let gone = staff
            .people
            .iter()
            .find(|p| after.by_number(p.number).is_none())
            .expect("one person was removed");
        assert!(gone.is_active());
        let moved = staff
            .people
            .iter()
            .filter(|p| {
                after
                    .by_number(p.number)
                    .is_some_and(|q| q.location != p.location)
            })
            .count();
        assert_eq!(moved, 3);
        assert_eq!(after.by_number(101).map(Person::is_active), Some(true));
        // The same turnover gives the same people.
        assert_eq!(after.people, staff.after(7, &ORG, turnover).people);
    }

    fn full_names(staff: &Staff) -> Vec<String> {
        let names = staff.people.iter();
        names
            .map(|p| format!("{} {}", p.first_name, p.last_name))
            .collect()
    }

    #[test]
    fn same_seed_same_people_other_seed_other_people() {
        let a = generate(7, &ORG, 300);
        assert_eq!(a.people, generate(7, &ORG, 300).people);
        assert_ne!(full_names(&a), full_names(&generate(8, &ORG, 300)));
    }

    #[test]
    fn people_are_as_awkward_as_real_ones() {
        let staff = generate(42, &ORG, 2_000);
        let people = &staff.people;
        assert_eq!(people.len(), 2_000);
        let text: String = full_names(&staff).concat();
        for letter in ['ā', 'ē', 'ō', 'ü', 'ß', 'é'] {
            assert!(text.contains(letter), "no {letter} in any name");
        }
        let count = |f: &dyn Fn(&Person) -> bool| people.iter().filter(|p| f(p)).count();
        assert!(count(&|p| p.work_email.is_none()) > 50);
        assert!(count(&|p| p.status == Status::Terminated) > 50);
        assert!(count(&|p| p.status == Status::Inactive) > 20);
        assert!(
            count(&|p| p.last_name.ends_with(' ')) > 0,
            "no trailing-space duplicate"
        );
        assert_eq!(staff.count(true), count(&|p| p.is_active()));

        let mut names = HashMap::new();
        for person in people {
            let key = (person.first_name.as_str(), person.last_name.as_str());
            *names.entry(key).or_insert(0) += 1;
        }
        assert!(
            names.values().filter(|&&n| n > 1).count() > 20,
            "too few namesakes"
        );

        let rehires = people.iter().filter(|p| {
            p.is_active()
                && people.iter().any(|q| {
                    q.number != p.number
                        && q.status == Status::Terminated
                        && q.birth_date == p.birth_date
                        && q.first_name == p.first_name
                        && q.work_email.is_some()
                        && q.work_email == p.work_email
                })
        });
        assert!(rehires.count() > 5, "too few rehires sharing an email");
    }

    #[test]
    fn histories_are_consistent() {
        let staff = generate(1, &ORG, 3_000);
        for person in &staff.people {
            assert!(person.start_date > person.birth_date + Duration::days(365 * 17));
            assert!(person.start_date <= TODAY);
            match person.status {
                Status::Terminated => {
                    let end = person.end_date.expect("terminated people have an end date");
                    assert!(end >= person.start_date && end <= TODAY);
                }
                _ => assert_eq!(person.end_date, None),
            }
            if let Some(manager) = person.manager {
                assert!(manager < person.number, "managers come first");
            }
            assert!(!person.job_title.is_empty());
        }
        let emails: Vec<_> = staff
            .people
            .iter()
            .filter(|p| p.is_active())
            .filter_map(|p| p.work_email.as_deref())
            .collect();
        let unique: HashSet<_> = emails.iter().collect();
        assert_eq!(
            unique.len(),
            emails.len(),
            "active work emails must be unique"
        );
    }

    #[test]
    fn pages_cover_the_listing_once() {
        let staff = generate(3, &ORG, 123);
        for only_active in [false, true] {
            let total = staff.count(only_active);
            let mut seen = Vec::new();
            for start in (0..total + 50).step_by(50) {
                seen.extend(staff.page(only_active, start, 50).iter().map(|p| p.number));
            }
            assert_eq!(seen.len(), total);
            assert!(seen.windows(2).all(|w| w[0] < w[1]));
        }
        assert_eq!(staff.by_number(1).map(|p| p.number), Some(1));
        assert_eq!(staff.by_number(0), None);
        assert_eq!(staff.by_number(124), None);
    }

    #[test]
    fn email_local_parts_are_ascii() {
        assert_eq!(fold("Müller-Lüdenscheid"), "mueller-luedenscheid");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(fold("Te Whiti"), "tewhiti");
        assert_eq!(fold("Ānahera"), "anahera");
        assert_eq!(transliterate("Ānahera Weiß"), "Anahera Weiss");
        assert_eq!(transliterate("Über"), "Ueber");
    }
}
