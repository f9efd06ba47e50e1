//! Random rows under the meta header: the meta parser, never a panic.
#![no_main]
const HEADER: &[u8] = b"\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Duration (sec)\",\"Publish time\",\"Caption type\",Permalink,\"Post type\",Date,Views,Reach,Reactions,Comments,Shares,\"Total clicks\"\n";
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut bytes = HEADER.to_vec();
    bytes.extend_from_slice(data);
    let _ = relais_import::parse("fuzz", &bytes, &relais_import::Options::default());
});
