#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| crosswire_fuzz::check(data));
