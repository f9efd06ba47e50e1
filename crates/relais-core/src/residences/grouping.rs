//! Gathers RPLS dwellings into residences, one per normalised address, and writes the
//! report of what was grouped.
//!
//! Owns the residence id (`rpls-<commune>-<48-bit FNV-1a of the address key>`) and the
//! residence's figures (homes = dwellings, built_year = the earliest). It must not read
//! fields or decide what an address is: `rpls.rs` hands it checked dwellings with their
//! key, in file order, which is the order of the residences it returns.

use std::collections::HashMap;

use super::address::fnv1a64;
use super::error::{ResidenceFileError, ResidenceFileErrorKind as Kind};
use super::{ResidenceRow, RplsGroup, RplsGrouping};

/// One checked RPLS row.
pub(crate) struct Dwelling {
    pub line: u64,
    /// Normalised address: the same for every dwelling of one residence.
    pub key: String,
    /// DEPCOM, or the postcode when there is none: the readable part of the id.
    pub commune_code: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub built_year: Option<i32>,
    pub program_id: Option<String>,
}

struct Group {
    id: String,
    first_line: u64,
    street: String,
    postcode: String,
    city: String,
    lines: Vec<u64>,
    program_ids: Vec<String>,
    built_year: Option<i32>,
}

#[derive(Default)]
pub(crate) struct Grouper {
    groups: Vec<Group>,
    by_key: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
}

impl Grouper {
    pub fn add(&mut self, dwelling: Dwelling) -> Result<(), ResidenceFileError> {
        let index = match self.by_key.get(&dwelling.key) {
            Some(&index) => index,
            None => self.open(&dwelling)?,
        };
        let group = &mut self.groups[index];
        group.lines.push(dwelling.line);
        group.built_year = group
            .built_year
            .into_iter()
            .chain(dwelling.built_year)
            .min();
        if let Some(program) = dwelling.program_id
            && !group.program_ids.contains(&program)
        {
            group.program_ids.push(program);
        }
        Ok(())
    }

    fn open(&mut self, first: &Dwelling) -> Result<usize, ResidenceFileError> {
        let hash = fnv1a64(&first.key) & 0xffff_ffff_ffff;
        let id = format!("rpls-{}-{hash:012x}", first.commune_code);
        if let Some(&other) = self.by_id.get(&id) {
            // Two addresses, one 48-bit hash: vanishingly rare, but never merged silently.
            let first_line = self.groups[other].first_line;
            return Err(
                ResidenceFileError::from(Kind::DuplicateId { id, first_line }).at_line(first.line),
            );
        }
        let index = self.groups.len();
        self.by_id.insert(id.clone(), index);
        self.by_key.insert(first.key.clone(), index);
        self.groups.push(Group {
            id,
            first_line: first.line,
            street: first.street.clone(),
            postcode: first.postcode.clone(),
            city: first.city.clone(),
            lines: Vec::new(),
            program_ids: Vec::new(),
            built_year: None,
        });
        Ok(index)
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn finish(self) -> (Vec<ResidenceRow>, RplsGrouping) {
        let residences = self.groups.iter().map(Group::residence).collect();
        let groups: Vec<RplsGroup> = self.groups.into_iter().map(Group::report).collect();
        let dwellings = groups.iter().map(|g| g.dwellings).sum();
        (
            residences,
            RplsGrouping {
                dwellings,
                residences: groups.len() as u64,
                groups,
            },
        )
    }
}

impl Group {
    fn residence(&self) -> ResidenceRow {
        ResidenceRow {
            line: self.first_line,
            residence_id: self.id.clone(),
            name: self.street.clone(),
            aliases: Vec::new(),
            street: self.street.clone(),
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            agency: None,
            territory: None,
            homes: u32::try_from(self.lines.len()).unwrap_or(u32::MAX),
            built_year: self.built_year,
        }
    }

    fn report(self) -> RplsGroup {
        RplsGroup {
            address: format!("{}, {} {}", self.street, self.postcode, self.city),
            residence_id: self.id,
            dwellings: self.lines.len() as u64,
            lines: self.lines,
            program_ids: self.program_ids,
        }
    }
}
