use std::os::raw::c_int;

pub struct Image {
    pixels: Vec<u8>,
}

/// Creates an image; free it with `tinyimg_image_free`.
#[no_mangle]
pub extern "C" fn tinyimg_image_new(width: u32, height: u32) -> *mut Image {
    Box::into_raw(Box::new(Image { pixels: vec![0; (width * height) as usize] }))
}

/// Frees an image made by `tinyimg_image_new`.
///
/// # Safety
/// `img` must come from `tinyimg_image_new` and not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn tinyimg_image_free(img: *mut Image) {
    if !img.is_null() {
        drop(Box::from_raw(img));
    }
}

#[no_mangle]
pub extern "C" fn tinyimg_fill(value: c_int) -> c_int {
    value
}
