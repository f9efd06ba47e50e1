//! Any bytes, through format detection: never a panic.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = relais_import::parse("fuzz", data, &relais_import::Options::default());
});
