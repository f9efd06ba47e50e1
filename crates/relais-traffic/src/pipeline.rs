//! The threads: one reads (and un-gzips) the input into chunks of whole
//! lines, workers parse chunks in parallel, and the calling thread puts the
//! results back in order and builds the visits.
//!
//! Memory is bounded by the queues, not by the input: at most
//! `2 × workers` chunks wait to be parsed and as many results wait to be
//! merged, each chunk `CHUNK` bytes (a line longer than that makes its chunk
//! grow, up to `MAX_LINE`).

use std::collections::{BTreeMap, HashMap};
use std::hash::RandomState;
use std::io::{BufRead, BufReader, Read};
use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

use flate2::read::MultiGzDecoder;

use crate::channel::Channel;
use crate::chunk::{ChunkResult, EXAMPLES, Parser};
use crate::line::{self, Format};
use crate::summary::{Malformed, Summary};
use crate::visits::Visits;
use crate::{Error, Options};

/// Bytes per chunk.
const CHUNK: usize = 4 << 20;
/// The longest line accepted.
const MAX_LINE: usize = 64 << 20;

/// Parses a whole log, plain or gzip (told by its first bytes).
pub(crate) fn run<R: Read + Send>(input: R, options: &Options) -> Result<Summary, Error> {
    let mut buffered = BufReader::with_capacity(1 << 16, input);
    let head = buffered.fill_buf().map_err(|e| Error::Read {
        offset: 0,
        source: e,
    })?;
    let mut reader: Box<dyn Read + Send> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(MultiGzDecoder::new(buffered))
    } else {
        Box::new(buffered)
    };
    let mut chunker = Chunker::default();
    let first = chunker.next(&mut reader)?;
    let format = match options.format {
        Format::Auto => line::detect(first.as_deref().unwrap_or_default().split(|&b| b == b'\n')),
        f => f,
    };
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 8));
    let key = RandomState::new();
    let mut merged = Merged::default();

    std::thread::scope(|s| -> Result<(), Error> {
        let (work_tx, work_rx) = sync_channel::<(u64, Vec<u8>)>(2 * workers);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let (done_tx, done_rx) = sync_channel::<(u64, ChunkResult)>(2 * workers);
        let reading = s.spawn(move || -> Result<(), Error> {
            let mut next = first;
            let mut seq = 0;
            while let Some(chunk) = next {
                if work_tx.send((seq, chunk)).is_err() {
                    return Ok(());
                }
                seq += 1;
                next = chunker.next(&mut reader)?;
            }
            Ok(())
        });
        for _ in 0..workers {
            let (rx, tx, key) = (Arc::clone(&work_rx), done_tx.clone(), key.clone());
            s.spawn(move || {
                let mut parser = Parser::new(options, format, key);
                while let Some((seq, bytes)) = next_job(&rx) {
                    if tx.send((seq, parser.chunk(&bytes))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        merged.receive(done_rx);
        reading.join().expect("the reader thread does not panic")
    })?;
    Ok(merged.finish(format))
}

fn next_job(rx: &Mutex<Receiver<(u64, Vec<u8>)>>) -> Option<(u64, Vec<u8>)> {
    rx.lock().ok()?.recv().ok()
}

/// Cuts the input into chunks that end at a newline.
#[derive(Default)]
struct Chunker {
    carry: Vec<u8>,
    offset: u64,
    done: bool,
}

impl Chunker {
    fn next(&mut self, reader: &mut dyn Read) -> Result<Option<Vec<u8>>, Error> {
        if self.done {
            return Ok(None);
        }
        let mut buf = std::mem::take(&mut self.carry);
        let mut target = CHUNK.max(buf.len() + CHUNK / 2);
        loop {
            let filled = buf.len();
            buf.resize(target, 0);
            let n = read_full(reader, &mut buf[filled..]).map_err(|e| Error::Read {
                offset: self.offset + filled as u64,
                source: e,
            })?;
            buf.truncate(filled + n);
            if filled + n < target {
                self.done = true;
                self.offset += buf.len() as u64;
                return Ok((!buf.is_empty()).then_some(buf));
            }
            if let Some(nl) = memchr::memrchr(b'\n', &buf) {
                self.carry = buf[nl + 1..].to_vec();
                buf.truncate(nl + 1);
                self.offset += buf.len() as u64;
                return Ok(Some(buf));
            }
            if buf.len() >= MAX_LINE {
                return Err(Error::LineTooLong {
                    offset: self.offset,
                });
            }
            target = buf.len() * 2;
        }
    }
}

/// Reads until `buf` is full or the input ends.
fn read_full(reader: &mut dyn Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match reader.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// The chunks' results put together, in line order.
#[derive(Default)]
struct Merged {
    lines: u64,
    malformed: u64,
    examples: Vec<Malformed>,
    bots: u64,
    assets: u64,
    other: u64,
    hits_by_referrer: [u64; crate::channel::COUNT],
    hits_by_campaign_source: HashMap<String, u64>,
    visits: Visits,
}

impl Merged {
    fn receive(&mut self, results: Receiver<(u64, ChunkResult)>) {
        let mut pending = BTreeMap::new();
        let mut next = 0;
        for (seq, result) in results {
            pending.insert(seq, result);
            while let Some(result) = pending.remove(&next) {
                self.add(result);
                next += 1;
            }
        }
    }

    fn add(&mut self, r: ChunkResult) {
        for (index, text) in &r.examples {
            if self.examples.len() < EXAMPLES {
                let line = self.lines + index + 1;
                self.examples.push(Malformed {
                    line,
                    text: text.clone(),
                });
            }
        }
        self.lines += r.lines;
        self.malformed += r.malformed;
        self.bots += r.bots;
        self.assets += r.assets;
        self.other += r.other;
        for (total, n) in self.hits_by_referrer.iter_mut().zip(r.hits_by_referrer) {
            *total += n;
        }
        for (source, n) in &r.hits_by_campaign_source {
            *self
                .hits_by_campaign_source
                .entry(source.clone())
                .or_default() += n;
        }
        self.visits.add(&r);
    }

    fn finish(self, format: Format) -> Summary {
        let mut rows = self.visits.rows;
        rows.sort_by(|a, b| {
            (a.day, a.channel, &a.campaign, &a.landing).cmp(&(
                b.day,
                b.channel,
                &b.campaign,
                &b.landing,
            ))
        });
        Summary {
            format,
            lines: self.lines,
            malformed: self.malformed,
            malformed_examples: self.examples,
            bots: self.bots,
            assets: self.assets,
            other: self.other,
            pageviews: self.visits.pageviews,
            visits: self.visits.visits,
            hits_by_referrer: Channel::ALL
                .iter()
                .map(|&c| (c, self.hits_by_referrer[c as usize]))
                .filter(|&(_, n)| n > 0)
                .collect(),
            hits_by_campaign_source: self.hits_by_campaign_source.into_iter().collect(),
            rows,
        }
    }
}
