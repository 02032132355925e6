#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| hrlink_core::fuzzing::link(data));
