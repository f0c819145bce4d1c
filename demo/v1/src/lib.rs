//! tinyimg: a tiny image library with a C ABI, consumed from Go through cgo.
use std::os::raw::{c_char, c_int};

mod ffi;

/// Pixel formats understood by the library.
#[repr(C)]
pub enum PixelFormat {
    Gray8 = 0,
    Rgb8 = 1,
}

/// Image dimensions, passed by value.
#[repr(C)]
pub struct Dimensions {
    pub width: u32,
    pub height: u32,
}

pub const TINYIMG_MAX_SIDE: u32 = 16384;

/// Returns the library version as a static C string.
#[no_mangle]
pub extern "C" fn tinyimg_version() -> *const c_char {
    b"1.4.0\0".as_ptr() as *const c_char
}

/// Area of an image in pixels.
#[no_mangle]
pub extern "C" fn tinyimg_area(d: Dimensions) -> u64 {
    d.width as u64 * d.height as u64
}

/// Clamp a brightness value.
#[no_mangle]
pub extern "C" fn tinyimg_clamp(v: c_int) -> c_int {
    v.clamp(0, 255)
}
