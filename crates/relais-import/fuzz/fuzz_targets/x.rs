//! Random rows under the x header: the x parser, never a panic.
#![no_main]
const HEADER: &[u8] = b"Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks\n";
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut bytes = HEADER.to_vec();
    bytes.extend_from_slice(data);
    let _ = relais_import::parse("fuzz", &bytes, &relais_import::Options::default());
});
