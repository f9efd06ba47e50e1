//! Damaged LinkedIn workbooks: a real export with random bytes overwritten,
//! through the workbook reader and the LinkedIn parser, never a panic.
#![no_main]
const SEED: &[u8] = include_bytes!("../../testdata/linkedin/content.xlsx");
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut bytes = SEED.to_vec();
    for pair in data.chunks(3) {
        if let [a, b, v] = pair {
            let i = (usize::from(*a) << 8 | usize::from(*b)) % bytes.len();
            bytes[i] = *v;
        }
    }
    let _ = relais_import::parse("fuzz.xlsx", &bytes, &relais_import::Options::default());
});
