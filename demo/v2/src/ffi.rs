use std::os::raw::c_int;

pub struct Image {
    pixels: Vec<u8>,
}

pub fn image_from(pixels: Vec<u8>) -> *mut Image {
    Box::into_raw(Box::new(Image { pixels }))
}

/// Creates an image; free it with `tinyimg_image_free`.
#[no_mangle]
pub extern "C" fn tinyimg_image_new(width: u32, height: u32) -> *mut Image {
    Box::into_raw(Box::new(Image { pixels: vec![0; (width * height) as usize] }))
}

#[no_mangle]
pub extern "C" fn tinyimg_fill(value: c_int) -> c_int {
    value
}

#[no_mangle]
pub static mut TINYIMG_LAST_ERROR: c_int = 0;
