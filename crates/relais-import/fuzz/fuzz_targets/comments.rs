//! Random rows under the comments header: the comments parser, never a panic.
#![no_main]
const HEADER: &[u8] = b"network,post_id,comment_id,parent_id,author,author_name,created_at,text,is_landlord\n";
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut bytes = HEADER.to_vec();
    bytes.extend_from_slice(data);
    let _ = relais_import::parse("fuzz", &bytes, &relais_import::Options::default());
});
